// The details fan-out (issue 20): details repeated unchanged skip re-writing every open task, but only once a
// fan-out of those details is known to have finished; one cut short is redone by the next event.
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type CaseDetails, caseDetailsStamp, creationEntry, newTask, platformActor } from '@casetasks/core';
import { createTask, getTask, saveCaseDetails } from '@casetasks/db';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, type TestTable } from '../support/table.js';

let table: TestTable;
beforeAll(async () => {
  table = await createTestTable('fan-out');
});
afterAll(async () => table.drop());

const A: CaseDetails = { reference: 'INV-1', debtorName: 'Hansen ApS', currency: 'DKK', outstandingAmount: 100 };
const B: CaseDetails = { ...A, outstandingAmount: 250 };
const stampAt = (minute: number) => caseDetailsStamp(new Date(Date.UTC(2026, 10, 1, 9, minute)).toISOString(), ulid());

/** An open task on a new case whose details are `details` as of `stamp`. */
const openTaskOnCase = async (details: CaseDetails, stamp: string) => {
  const caseId = `c-${ulid().toLowerCase()}`;
  await saveCaseDetails(table.db, caseId, details, stamp);
  const task = newTask({
    id: ulid(),
    type: 'generic',
    title: 'Call the debtor',
    party: 'partner',
    orgId: 'p-1',
    scopeKey: `manual#${ulid()}`,
    caseId,
    createdAt: '2026-11-02T09:00:00.000Z',
    deadline: '2026-11-09T09:00:00.000Z',
    assigneeId: null,
  });
  const created = await createTask(table.db, task, creationEntry(task, platformActor));
  return { caseId, taskId: created.id };
};
const detailsItem = async (caseId: string) =>
  (
    await table.db.client.send(
      new GetCommand({ TableName: table.tableName, Key: { pk: `casedetails#${caseId}`, sk: 'details' } }),
    )
  ).Item;

describe('saveCaseDetails fan-out', () => {
  it('newer but unchanged details move the stamp only: no open task is re-written', async () => {
    // Prepare
    const first = stampAt(0);
    const { caseId, taskId } = await openTaskOnCase(A, first);
    const before = await getTask(table.db, taskId);
    // Act
    const again = await saveCaseDetails(table.db, caseId, A, stampAt(5));
    const changed = await saveCaseDetails(table.db, caseId, B, stampAt(10));
    // Assess
    expect(before?.caseDetailsStamp).toBe(first);
    expect(again).toEqual({ stored: true, tasksUpdated: 0 });
    expect(changed).toEqual({ stored: true, tasksUpdated: 1 });
    expect((await getTask(table.db, taskId))?.caseDetails).toEqual(B);
    expect((await detailsItem(caseId))?.reached).toBe((await detailsItem(caseId))?.stamp);
  });

  it('a fan-out cut short (never marked reached) is redone by the next event with the same details', async () => {
    // Prepare: B stored at minute 5, but the crash left the task with A and the details unmarked.
    const { caseId, taskId } = await openTaskOnCase(A, stampAt(0));
    const cut = stampAt(5);
    await table.db.client.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: { pk: `casedetails#${caseId}`, sk: 'details' },
        UpdateExpression: 'SET details = :details, stamp = :stamp REMOVE reached',
        ExpressionAttributeValues: { ':details': B, ':stamp': cut },
      }),
    );
    // Act
    const next = await saveCaseDetails(table.db, caseId, B, stampAt(6));
    // Assess
    expect(next).toEqual({ stored: true, tasksUpdated: 1 });
    expect((await getTask(table.db, taskId))?.caseDetails).toEqual(B);
  });

  it('older details change nothing, and a completed task has left the members', async () => {
    // Prepare
    const { caseId, taskId } = await openTaskOnCase(A, stampAt(20));
    await table.db.client.send(
      new DeleteCommand({ TableName: table.tableName, Key: { pk: `casedetails#${caseId}`, sk: `open#${taskId}` } }),
    );
    // Act
    const older = await saveCaseDetails(table.db, caseId, B, stampAt(15));
    const newer = await saveCaseDetails(table.db, caseId, B, stampAt(25));
    // Assess: no member, so no task to reach
    expect(older).toEqual({ stored: false, tasksUpdated: 0 });
    expect(newer).toEqual({ stored: true, tasksUpdated: 0 });
    expect((await getTask(table.db, taskId))?.caseDetails).toEqual(A);
  });
});
