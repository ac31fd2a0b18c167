import { BatchWriteCommand, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { newTask, scheduleReminder, type Task, utcCalendar } from '@casetasks/core';
import { mapBounded, toCaseItem, toTaskItem } from '@casetasks/db';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as runReminders } from '../../functions/scheduled/deadline-reminders.js';
import { run as runSurveys } from '../../functions/scheduled/monthly-surveys.js';
import { resetClients } from '../../functions/shared/clients.js';
import { resetConfig } from '../../functions/shared/config.js';
import { createTestTable, type TestTable } from '../support/table.js';

const SIZE = 10_000;
const ORGS = 100;

let table: TestTable;
beforeAll(async () => {
  table = await createTestTable('jobs-scale');
  process.env.TABLE_NAME = table.tableName;
  resetConfig();
  resetClients();
});
afterAll(async () => table.drop());

/** Seeds items straight into the table, 25 per BatchWrite, retrying what DynamoDB Local leaves unprocessed. */
const seed = async (items: Record<string, unknown>[]) => {
  const batches = Array.from({ length: Math.ceil(items.length / 25) }, (_, i) => items.slice(i * 25, i * 25 + 25));
  await mapBounded(batches, 16, async (batch) => {
    let requests: NonNullable<BatchWriteCommandOutput['UnprocessedItems']>[string] = batch.map((Item) => ({
      PutRequest: { Item },
    }));
    while (requests.length > 0) {
      const output: BatchWriteCommandOutput = await table.db.client.send(
        new BatchWriteCommand({ RequestItems: { [table.tableName]: requests } }),
      );
      requests = output.UnprocessedItems?.[table.tableName] ?? [];
    }
  });
};

// Minutes long: part of `npm run bench` (CASETASKS_SCALE=1), not of every `npm test`.
describe.runIf(process.env.CASETASKS_SCALE === '1')(`jobs over ${SIZE} items`, () => {
  it(`deadline reminders: ${SIZE} due tasks, each reminded once, counts reported`, async () => {
    // Prepare: every task's approaching reminder is due at 10:00 on 25 Nov.
    const tasks: Task[] = Array.from({ length: SIZE }, (_, i) =>
      scheduleReminder(
        utcCalendar,
        newTask({
          id: ulid(),
          type: 'update_case_status',
          party: 'partner',
          orgId: `p-${i % ORGS}`,
          scopeKey: `case#c-${i}`,
          caseId: `c-${i}`,
          createdAt: '2026-11-23T10:00:00.000Z',
          deadline: '2026-11-30T10:00:00.000Z',
        }),
      ),
    );
    await seed(tasks.map(toTaskItem));

    // Act
    const summary = await runReminders({ now: '2026-11-25T10:00:00.000Z' }, { concurrency: 16 });
    const again = await runReminders({ now: '2026-11-25T11:00:00.000Z' }, { concurrency: 16 });

    // Assess
    console.info(`deadline-reminders over ${SIZE} tasks`, summary);
    expect(summary.checkpoint).toBeUndefined();
    expect(summary.counts).toMatchObject({ evaluated: SIZE, approaching: SIZE, digests: ORGS });
    expect(again.counts.approaching).toBeUndefined();
  }, 600_000);

  it(`monthly surveys: ${SIZE} due active cases, one survey task each, counts reported`, async () => {
    // Prepare
    const cases = Array.from({ length: SIZE }, (_, i) =>
      toCaseItem({
        caseId: `sc-${i}`,
        partnerOrgId: `p-${i % ORGS}`,
        status: 'active',
        nextSurveyAt: '2026-11-20T08:00:00.000Z',
        version: 1,
      }),
    );
    await seed(cases);

    // Act
    const summary = await runSurveys({ now: '2026-11-23T03:00:00.000Z' }, { concurrency: 16 });

    // Assess
    console.info(`monthly-surveys over ${SIZE} cases`, summary);
    expect(summary.checkpoint).toBeUndefined();
    expect(summary.counts).toMatchObject({ evaluated: SIZE, created: SIZE });
  }, 600_000);
});
