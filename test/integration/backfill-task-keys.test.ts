// Issue 20's backfill on DynamoDB Local: open tasks stored before it (no openByCreated/openByAmount keys, no case
// member), or changed since without joining their case, are re-keyed and then listed by -created, -amount and
// q=; completed and current tasks stay as they are.
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { caseDetailsStamp, newTask, type Task } from '@casetasks/core';
import { saveCaseDetails, tableDefinition } from '@casetasks/db';
import { backfillTaskKeys, rekeyTaskItem } from '@casetasks/db/maintenance';
import { plantedItems, plantItem, storedItems } from '@casetasks/db/testing';
import { ulid } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiHarness, type Caller, json, startApi } from './api-client.js';

const HOUR = 3_600_000;
const org = 'p-upgrade';
const manager: Caller = { party: 'partner', org, user: 'u-1', role: 'manager' };

/** Attributes issue 20 added to a task item: what a writer before it never stored. */
const issue20Attributes = [
  'caseDetails',
  'caseDetailsStamp',
  ...tableDefinition.indexes
    .filter((index) => ['openByCreated', 'openByAmount', 'openByReference', 'openByDebtor'].includes(index.name))
    .map((index) => index.sortKey),
];

/** An open task as a writer before issue 20 stored it: no new index keys, no details copy, no case member. */
const plantPreIssue20Task = async (db: ApiHarness['db'], hoursAgo: number, caseId: string | null): Promise<Task> => {
  const id = ulid();
  const task = newTask({
    id,
    type: 'generic',
    party: 'partner',
    orgId: org,
    scopeKey: id,
    caseId,
    createdAt: new Date(Date.now() - hoursAgo * HOUR).toISOString(),
    deadline: new Date(Date.now() + (10 - hoursAgo) * HOUR).toISOString(),
  });
  const item = storedItems.task(task);
  for (const name of issue20Attributes) delete item[name];
  await plantItem(db, item);
  return task;
};

// The backfill reads the whole table, so every test gets a table of its own with the upgrade's starting point.
let api: ApiHarness;
beforeEach(async () => {
  api = await startApi('backfill');
});
afterEach(async () => api.stop());

const listed = async (query: string): Promise<string[]> => {
  const response = await api.call('GET', `/tasks?${query}&limit=100`, { as: manager });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (json(response).items as { id: string }[]).map((item) => item.id);
};

/** The task item's own key, as the entity stores it. */
const keyOf = (task: Task) => {
  const { pk, sk } = storedItems.task(task);
  return { pk, sk };
};
const storedTask = async (task: Task) =>
  (await api.db.client.send(new GetCommand({ TableName: api.db.tableName, Key: keyOf(task) }))).Item;
const iso = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

describe('npm run backfill:task-keys (issue 20 upgrade)', () => {
  const detailsA = { reference: 'UPG-100', debtorName: 'Åse Berg', currency: 'EUR', outstandingAmount: 5_000 };
  const stampA = caseDetailsStamp(new Date().toISOString(), 'e-a');
  let withDetails: Task;
  let withoutCase: Task;
  let laterDetails: Task;
  let changedSince: Task;
  let current: Task;
  let memberWithoutDetails: Task;
  let completedBefore: Record<string, unknown> | undefined;
  let completed: Task;

  beforeEach(async () => {
    // Prepare: case-a got its details after the upgrade; its task is older, so not a member yet.
    withDetails = await plantPreIssue20Task(api.db, 5, 'case-a');
    withoutCase = await plantPreIssue20Task(api.db, 4, null);
    laterDetails = await plantPreIssue20Task(api.db, 3, 'case-c');
    // Changed by the upgraded service: its write gave it the index keys, but not its case membership.
    changedSince = await plantPreIssue20Task(api.db, 2.5, 'case-d');
    const assign = { as: manager, body: { assigneeId: 'u-9' } };
    expect((await api.call('POST', `/tasks/${changedSince.id}/assign`, assign)).status).toBe(200);
    expect(await saveCaseDetails(api.db, 'case-a', detailsA, stampA)).toEqual({
      stored: true,
      tasksUpdated: 0,
    });
    current = await api.plant({ type: 'generic', accessLevel: 'partner', orgId: org, createdAt: iso(-2) });
    memberWithoutDetails = await api.plant({
      type: 'generic',
      accessLevel: 'partner',
      orgId: org,
      caseId: 'case-e',
      createdAt: iso(-1),
    });
    completed = await api.plant({ type: 'generic', accessLevel: 'partner', orgId: org, createdAt: iso(-6) });
    expect((await api.call('POST', `/tasks/${completed.id}/complete`, { as: manager, body: {} })).status).toBe(200);
    completedBefore = await storedTask(completed);
    await plantItem(api.db, plantedItems.task(ulid(), { kind: 'task', status: 'open', title: 42 }));
  });

  const old = () => [withDetails.id, withoutCase.id, laterDetails.id];
  const keyed = () => [memberWithoutDetails.id, current.id, changedSince.id];

  it('before: the old open tasks are listed by deadline, but missing from -created and -amount', async () => {
    const byDeadline = await listed('sort=deadline');
    expect([...byDeadline].sort()).toEqual([...old(), ...keyed()].sort());
    expect(await listed('sort=-created')).toEqual(keyed());
    expect([...(await listed('sort=-amount'))].sort()).toEqual([...keyed()].sort());
    expect(await listed('q=upg-100')).toEqual([]);
  });

  it('a dry run counts them and writes nothing', async () => {
    const before = await api.snapshot();
    const counts = await backfillTaskKeys(api.db, { dryRun: true, segments: 3 });
    expect(counts).toMatchObject({ rekeyed: 4, current: 1, skipped: 0, unreadable: 1 });
    expect(await api.snapshot()).toBe(before);
  });

  it('re-keys them (with their case’s current keys), reporting progress and the unreadable item', async () => {
    // Act
    const progress: number[] = [];
    const unreadable: string[] = [];
    const counts = await backfillTaskKeys(api.db, {
      segments: 3,
      onProgress: (running) => progress.push(running.scanned),
      onUnreadable: (_key, reason) => unreadable.push(reason),
    });
    // Assess
    expect(counts).toMatchObject({ rekeyed: 4, current: 1, skipped: 0, unreadable: 1 });
    expect(counts.scanned).toBeGreaterThanOrEqual(9);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)).toBeLessThanOrEqual(counts.scanned);
    expect(unreadable).toEqual(['not a valid task']);
    expect(await listed('sort=-created')).toEqual([...keyed(), laterDetails.id, withoutCase.id, withDetails.id]);
    const byAmount = await listed('sort=-amount');
    expect(byAmount[0]).toBe(withDetails.id);
    expect([...byAmount].sort()).toEqual([...old(), ...keyed()].sort());
    expect(await listed('q=upg-100')).toEqual([withDetails.id]);
    expect(await listed('q=ase')).toEqual([withDetails.id]);
    expect(await storedTask(withDetails)).toMatchObject({
      version: 1,
      caseDetails: detailsA,
      caseDetailsStamp: stampA,
    });
    expect(await storedTask(withoutCase)).not.toHaveProperty('caseDetailsStamp');
  });

  it('makes them members of their case: a later details change reaches them', async () => {
    // Prepare
    await backfillTaskKeys(api.db);
    // Act / Assess
    const stamp = caseDetailsStamp(new Date().toISOString(), 'e-later');
    const c = { reference: 'UPG-300', currency: 'EUR', outstandingAmount: 9_000 };
    const d = { reference: 'UPG-400', currency: 'EUR', outstandingAmount: 1_000 };
    expect(await saveCaseDetails(api.db, 'case-c', c, stamp)).toEqual({ stored: true, tasksUpdated: 1 });
    expect(await saveCaseDetails(api.db, 'case-d', d, stamp)).toEqual({ stored: true, tasksUpdated: 1 });
    expect(await listed('q=upg-3')).toEqual([laterDetails.id]);
    expect(await listed('q=upg-4')).toEqual([changedSince.id]);
    expect((await listed('sort=-amount')).slice(0, 3)).toEqual([laterDetails.id, withDetails.id, changedSince.id]);
  });

  it('leaves completed tasks untouched, and a second run finds nothing', async () => {
    expect(await backfillTaskKeys(api.db)).toMatchObject({ rekeyed: 4 });
    expect(await storedTask(completed)).toEqual(completedBefore);
    const again = await backfillTaskKeys(api.db);
    // Read again, and current: the three tasks with a case but no details copy (case-c, case-d, case-e).
    expect(again).toMatchObject({ rekeyed: 0, current: 3, skipped: 0, unreadable: 1 });
  });

  it('skips a task written since it was read (a newer version), writing nothing', async () => {
    // Prepare: read as the Scan would, then the service writes version 2
    const task = await plantPreIssue20Task(api.db, 1, null);
    const read = await storedTask(task);
    await api.db.client.send(
      new UpdateCommand({
        TableName: api.db.tableName,
        Key: keyOf(task),
        UpdateExpression: 'SET version = :two',
        ExpressionAttributeValues: { ':two': 2 },
      }),
    );
    const before = await storedTask(task);
    // Act
    const outcome = await rekeyTaskItem(api.db, read ?? {});
    // Assess
    expect(outcome).toBe('skipped');
    expect(await storedTask(task)).toEqual(before);
  });
});
