import type { PausedCaseRef } from '@casetasks/app/runtime';
import { resetClients, resetConfig } from '@casetasks/app/runtime';
import type { FollowUpStart } from '@casetasks/app/workflow';
import { closeTask, platformActor, type Task } from '@casetasks/core';
import { getTask, listOutboxSince, saveChange } from '@casetasks/db';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalWorkflowStarter, type LocalWorkflowStarter } from '../../infra/local/state-machine.js';
import { createTestTable, type TestTable } from '../support/table.js';

// Monday noon; + 14 business days = Fri 11 Dec; − 3 BD = Tue 8 Dec; + 7 days = Fri 18 Dec.
const pausedAt = '2026-11-23T12:00:00.000Z';
const times = {
  approaching: '2026-12-08T12:00:00.000Z',
  deadline: '2026-12-11T12:00:00.000Z',
  escalated: '2026-12-18T12:00:00.000Z',
};
const followUpEvents = ['Task Deadline Approaching', 'Task Overdue', 'Paused Case Escalated'];

let table: TestTable;
let workflow: LocalWorkflowStarter;
beforeAll(async () => {
  table = await createTestTable('workflow');
  process.env.TABLE_NAME = table.tableName;
  resetConfig();
  resetClients();
  workflow = createLocalWorkflowStarter({ startAt: pausedAt });
});
afterAll(async () => {
  workflow.close();
  await table.drop();
});

const aPause = (): { ref: PausedCaseRef; input: FollowUpStart } => {
  const caseId = `c-${ulid()}`;
  const surveyId = `s-${ulid()}`;
  return {
    ref: { caseId, pauseId: surveyId },
    input: {
      caseId,
      surveyId,
      unblockingParty: 'partner',
      creditorOrgId: 'cr-1',
      partnerOrgId: 'p-1',
      pausedAt,
      eventId: `evt-${ulid()}`,
    },
  };
};

/** Follow-up events of one task, with the local clock time they were written at. */
const emittedFor = async (taskId: string | undefined) =>
  (await listOutboxSince(table.db, '0'))
    .filter((entry) => followUpEvents.includes(entry.detailType) && (entry.detail.task as Task).id === taskId)
    .map((entry) => [entry.detailType, entry.createdAt]);

/** The follow-up task the first step created, read from the outbox's Task Created. */
const createdTask = async (caseId: string): Promise<Task | undefined> =>
  (await listOutboxSince(table.db, '0'))
    .filter((entry) => entry.detailType === 'Task Created')
    .map((entry) => entry.detail.task as Task)
    .find((task) => task.caseId === caseId && task.type === 'paused_case_follow_up');

describe('paused-case follow-up (synthesized ASL on the local interpreter)', () => {
  it('approaching at deadline − 3 BD, overdue at the deadline, escalated 7 days later', async () => {
    // Prepare
    const { ref, input } = aPause();
    await workflow.startPausedCaseFollowUp({ ...ref, input });
    await workflow.settled();
    const task = await createdTask(input.caseId);
    expect(task?.deadline).toBe(times.deadline);
    expect(workflow.execution(ref)?.waitingUntil).toBe(times.approaching);

    // Act / Assess, step by step along the clock
    await workflow.advanceTo('2026-12-08T11:59:59.000Z');
    expect(await emittedFor(task?.id)).toEqual([]);
    await workflow.advanceTo(times.approaching);
    expect(await emittedFor(task?.id)).toEqual([['Task Deadline Approaching', times.approaching]]);
    expect(workflow.execution(ref)?.waitingUntil).toBe(times.deadline);
    await workflow.advanceTo(times.deadline);
    expect(workflow.execution(ref)?.waitingUntil).toBe(times.escalated);
    await workflow.advanceTo(times.escalated);
    expect(await emittedFor(task?.id)).toEqual([
      ['Task Deadline Approaching', times.approaching],
      ['Task Overdue', times.deadline],
      ['Paused Case Escalated', times.escalated],
    ]);
    expect(workflow.execution(ref)?.status).toBe('succeeded');
    expect(workflow.execution(ref)?.output).toMatchObject({ open: true, taskId: task?.id });
  });

  it('leaving paused on day 5 closes the task (auto), stops the execution, and nothing more is emitted', async () => {
    // Prepare
    const local = createLocalWorkflowStarter({ startAt: pausedAt });
    const { ref, input } = aPause();
    await local.startPausedCaseFollowUp({ ...ref, input });
    await local.settled();
    const created = await createdTask(input.caseId);
    await local.advanceTo('2026-11-28T12:00:00.000Z');

    // Act: what the case-status handler does when the case becomes active again.
    const task = await getTask(table.db, created?.id ?? '', true);
    if (!task) throw new Error('follow-up task missing');
    await saveChange(table.db, closeTask(task, 'auto', platformActor, '2026-11-28T12:00:00.000Z'));
    await local.stopPausedCaseFollowUp(ref);
    await local.advanceTo('2027-01-31T00:00:00.000Z');

    // Assess
    expect(local.execution(ref)?.status).toBe('stopped');
    expect((await getTask(table.db, task.id, true))?.resolution).toBe('auto');
    expect(await emittedFor(task.id)).toEqual([]);
    local.close();
  });

  it('a missed stop is harmless: the next step re-reads the closed task and ends quietly', async () => {
    // Prepare
    const local = createLocalWorkflowStarter({ startAt: pausedAt });
    const { ref, input } = aPause();
    await local.startPausedCaseFollowUp({ ...ref, input });
    await local.settled();
    const created = await createdTask(input.caseId);
    const task = await getTask(table.db, created?.id ?? '', true);
    if (!task) throw new Error('follow-up task missing');
    await saveChange(table.db, closeTask(task, 'auto', platformActor, '2026-11-28T12:00:00.000Z'));

    // Act: no stop call
    await local.advanceTo('2027-01-31T00:00:00.000Z');

    // Assess
    expect(local.execution(ref)?.status).toBe('succeeded');
    expect(local.execution(ref)?.output).toMatchObject({ open: false, taskId: task.id });
    expect(await emittedFor(task.id)).toEqual([]);
    local.close();
  });

  it('a duplicate start of the same pause changes nothing', async () => {
    // Prepare
    const local = createLocalWorkflowStarter({ startAt: pausedAt });
    const { ref, input } = aPause();

    // Act
    await local.startPausedCaseFollowUp({ ...ref, input });
    await local.settled();
    await local.startPausedCaseFollowUp({ ...ref, input });
    await local.settled();
    await local.advanceTo(times.escalated);

    // Assess
    expect(local.executions()).toHaveLength(1);
    const created = (await listOutboxSince(table.db, '0')).filter(
      (entry) => entry.detailType === 'Task Created' && (entry.detail.task as Task).caseId === input.caseId,
    );
    expect(created).toHaveLength(1);
    const taskId = (created[0]?.detail.task as Task | undefined)?.id;
    expect((await emittedFor(taskId)).map(([type]) => type)).toEqual(followUpEvents);
    local.close();
  });
});
