import {
  type CaseState,
  closeTask,
  creationEntry,
  newTask,
  platformActor,
  type Task,
  type TaskType,
} from '@casetasks/core';
import { activeCasesOfPartner, createTask, idealQueryRcu, saveChange, slaTasksInPeriod } from '@casetasks/db';
import { plantItem, storedItems } from '@casetasks/db/testing';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, type TestTable } from '../support/table.js';

let table: TestTable;
beforeAll(async () => {
  table = await createTestTable('sla-repo');
});
afterAll(async () => table.drop());

const period = { from: new Date('2026-11-01T00:00:00.000Z'), to: new Date('2026-12-01T00:00:00.000Z') };

/** Stores a task through the repository (so the index keys are the task entity's), closed when asked. */
const stored = async (
  orgId: string,
  deadline: string,
  patch: { type?: TaskType; party?: 'partner' | 'creditor'; close?: 'done' | 'auto' | 'ai' | 'cancelled' } = {},
): Promise<Task> => {
  const task = newTask({
    id: ulid(),
    type: patch.type ?? 'review_new_case',
    party: patch.party ?? 'partner',
    orgId,
    scopeKey: `case#${ulid()}`,
    caseId: `c-${ulid()}`,
    createdAt: '2026-10-28T09:00:00.000Z',
    deadline,
  });
  await createTask(table.db, task, creationEntry(task, platformActor));
  if (!patch.close) return task;
  return saveChange(table.db, closeTask(task, patch.close, platformActor, '2026-11-10T09:00:00.000Z'));
};

describe('slaTasksInPeriod (slaByOrg index)', () => {
  it('returns the org tasks that count, with originalDeadline in [from, to)', async () => {
    // Prepare
    const org = `p-${ulid()}`;
    const atFrom = await stored(org, '2026-11-01T00:00:00.000Z');
    const inside = await stored(org, '2026-11-15T09:00:00.000Z', { close: 'done' });
    const lastMs = await stored(org, '2026-11-30T23:59:59.999Z', { type: 'new_message' });
    await stored(org, '2026-10-31T23:59:59.999Z');
    await stored(org, '2026-12-01T00:00:00.000Z');
    await stored(org, '2026-11-15T09:00:00.000Z', { type: 'new_message', close: 'ai' });
    await stored(org, '2026-11-15T09:00:00.000Z', { close: 'cancelled' });
    await stored(org, '2026-11-15T09:00:00.000Z', { type: 'invoice_commission' });
    await stored(org, '2026-11-15T09:00:00.000Z', { type: 'new_message', party: 'creditor' });
    await stored(`p-${ulid()}`, '2026-11-15T09:00:00.000Z');
    // Act
    const { tasks, stats } = await slaTasksInPeriod(table.db, org, period);
    // Assess
    expect(tasks.map((task) => task.id)).toEqual([atFrom.id, inside.id, lastMs.id]);
    expect(tasks[1]).toMatchObject({ status: 'completed', resolution: 'done' });
    expect(stats.queries).toBe(1);
    // Only what counts is read: the cost of exactly these items, nothing filtered out after reading.
    expect(stats.consumedRcu).toBe(idealQueryRcu(tasks.map(storedItems.task)));
  });

  it('follows every page to the end of the period', async () => {
    const org = `p-${ulid()}`;
    for (const day of ['02', '03', '04', '05', '06']) await stored(org, `2026-11-${day}T09:00:00.000Z`);
    const { tasks, stats } = await slaTasksInPeriod(table.db, org, period, { pageSize: 2 });
    expect(tasks).toHaveLength(5);
    expect(stats.queries).toBeGreaterThanOrEqual(3);
  });

  it('an org with no tasks reads nothing, without error', async () => {
    const { tasks } = await slaTasksInPeriod(table.db, `p-${ulid()}`, period);
    expect(tasks).toEqual([]);
  });
});

describe('activeCasesOfPartner (activeCasesByPartner index)', () => {
  const putCase = (state: CaseState) => plantItem(table.db, storedItems.caseState(state));

  it("returns only the partner's active cases, with their last status update", async () => {
    // Prepare
    const org = `p-${ulid()}`;
    const update = { statusType: 'payment_promised', at: '2026-11-10T10:00:00.000Z', promisedDate: '2026-11-25' };
    await putCase({
      caseId: 'c-a',
      partnerOrgId: org,
      status: 'active',
      statusAt: '2026-11-01T00:00:00.000Z',
      lastStatusUpdate: update,
      version: 3,
    });
    await putCase({
      caseId: 'c-b',
      partnerOrgId: org,
      status: 'active',
      statusAt: '2026-11-02T00:00:00.000Z',
      version: 1,
    });
    await putCase({
      caseId: 'c-c',
      partnerOrgId: org,
      status: 'active',
      statusAt: '2026-11-03T00:00:00.000Z',
      version: 1,
    });
    await putCase({
      caseId: 'c-paused',
      partnerOrgId: org,
      status: 'paused',
      statusAt: '2026-11-02T00:00:00.000Z',
      version: 2,
    });
    await putCase({ caseId: 'c-other', partnerOrgId: `p-${ulid()}`, status: 'active', version: 1 });
    // Act
    const { cases, stats } = await activeCasesOfPartner(table.db, org, { pageSize: 2 });
    // Assess
    expect(cases.map((state) => state.caseId)).toEqual(['c-a', 'c-b', 'c-c']);
    expect(cases[0]?.lastStatusUpdate).toEqual(update);
    expect(stats.queries).toBeGreaterThanOrEqual(2);
  });
});
