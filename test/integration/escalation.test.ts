// Issue 11, escalation: `Task Escalated` once, N business days past the deadline, for owners and managers, and in their next digest.

import { processPlatformEvent } from '@casetasks/app/events';
import { runDeadlineReminders as run } from '@casetasks/app/jobs';
import { setWorkflowStarter } from '@casetasks/app/runtime';
import type { ReminderSettings } from '@casetasks/core';
import { getTask, listOutboxSince, type OutboxEntry } from '@casetasks/db';
import { outgoingEventSchema } from '@casetasks/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestTable } from '../support/table.js';
import { platformEvent, recordingWorkflow } from './events-helpers.js';
import { createdTask, emittedFor, freshId, handlerTable, setOrgSettings, submitCase } from './org-settings-fixtures.js';

// Mon 2 Nov 10:00Z; assign_bank_account + 7 BD = Wed 11 Nov 10:00Z; + 2 BD overdue = Fri 13 Nov 10:00Z.
const created = '2026-11-02T10:00:00.000Z';
const deadline = '2026-11-11T10:00:00.000Z';
const escalationPoint = '2026-11-13T10:00:00.000Z';
const escalateAfterTwo: ReminderSettings = { warnings: [], escalation: { businessDaysOverdue: 2 } };

let table: TestTable;
beforeAll(async () => {
  table = await handlerTable('escalation');
});
afterAll(async () => {
  setWorkflowStarter(undefined);
  await table.drop();
});

/** A bank-account task of a fresh creditor org with these settings (none = never set). */
const bankTask = async (settings: Parameters<typeof setOrgSettings>[3] = {}) => {
  const creditorOrgId = freshId('cr');
  await setOrgSettings(table.db, 'creditor', creditorOrgId, settings);
  const outcome = await submitCase(
    table.db,
    { caseId: freshId('c'), partnerOrgId: freshId('p'), creditorOrgId, hasBankAccount: false },
    created,
  );
  return createdTask(table.db, outcome, 'assign_bank_account');
};

/** The digests of an org's owners and managers (the recipient without an assignee). */
const orgDigests = async (orgId: string): Promise<OutboxEntry[]> =>
  (await listOutboxSince(table.db, '0')).filter((entry) => {
    const recipient = entry.detail.recipient as { orgId: string; assigneeId: string | null } | undefined;
    return entry.detailType === 'Daily Digest' && recipient?.orgId === orgId && recipient.assigneeId === null;
  });

describe('escalation', () => {
  it('escalates once, N business days overdue, to owners and managers; their next digest lists the task', async () => {
    // Prepare: the org's rule assigns the task to u-1, so it is not in the org recipient's own list.
    const task = await bankTask({
      reminders: escalateAfterTwo,
      autoAssignment: { rules: { assign_bank_account: { strategy: 'round_robin', userIds: ['u-1'] } } },
    });
    const unset = await bankTask();

    // Act
    await run({ now: deadline });
    await run({ now: '2026-11-13T09:00:00.000Z' });
    const beforePoint = await emittedFor(table.db, 'Task Escalated', task.id);
    const overlapping = await Promise.all([run({ now: escalationPoint }), run({ now: escalationPoint })]);
    await run({ now: '2026-11-13T11:00:00.000Z' });
    await run({ now: '2026-11-14T06:00:00.000Z' });
    await run({ now: '2026-11-16T10:00:00.000Z' });

    // Assess
    expect(task).toMatchObject({ assigneeId: 'u-1', deadline });
    expect(beforePoint).toHaveLength(0);
    expect(overlapping.reduce((sum, summary) => sum + (summary.counts.escalated ?? 0), 0)).toBe(1);
    const escalated = await emittedFor(table.db, 'Task Escalated', task.id);
    expect(escalated).toHaveLength(1);
    expect(escalated[0]).toMatchObject({
      createdAt: escalationPoint,
      detail: {
        escalatedAt: escalationPoint,
        businessDaysOverdue: 2,
        notify: { party: 'creditor', orgId: task.orgId, roles: ['owner', 'manager'] },
      },
    });
    expect(await emittedFor(table.db, 'Task Overdue', task.id)).toHaveLength(1);
    const stored = await getTask(table.db, task.id, true);
    expect(stored).toMatchObject({ status: 'open', escalatedAt: escalationPoint, assigneeId: 'u-1' });
    expect(stored?.reminder).toBeUndefined();
    // From the next day on, the org recipient's digests carry the escalated line, assignee included.
    const digests = await orgDigests(task.orgId);
    expect(digests.map((entry) => entry.detail.day)).toEqual(['2026-11-14', '2026-11-16']);
    expect(digests.map((entry) => entry.detail.escalated)).toEqual(
      Array(2).fill([
        {
          id: task.id,
          type: 'assign_bank_account',
          title: task.title,
          caseId: null,
          deadline,
          assigneeId: 'u-1',
          escalatedAt: escalationPoint,
        },
      ]),
    );
    // What the relay publishes must match the published event schemas.
    for (const entry of [...escalated, ...digests]) expect(outgoingEventSchema.safeParse(entry).error).toBeUndefined();
    // An org that never set escalation: overdue, never escalated.
    expect(await emittedFor(table.db, 'Task Overdue', unset.id)).toHaveLength(1);
    expect(await emittedFor(table.db, 'Task Escalated', unset.id)).toHaveLength(0);
    expect((await getTask(table.db, unset.id, true))?.escalatedAt).toBeUndefined();
  });

  it('an org that turns escalation off before the point: no event, no escalated mark, no digest line', async () => {
    // Prepare: planned with escalation, which the owner then removes.
    const task = await bankTask({ reminders: escalateAfterTwo });
    await run({ now: deadline });
    await setOrgSettings(table.db, 'creditor', task.orgId, { reminders: { warnings: [], escalation: null } });

    // Act
    await run({ now: escalationPoint });
    await run({ now: '2026-11-14T06:00:00.000Z' });

    // Assess
    expect(task.reminder).toEqual({
      stage: 'overdue',
      nextAt: deadline,
      later: [{ stage: 'escalation', at: escalationPoint }],
    });
    expect(await emittedFor(table.db, 'Task Escalated', task.id)).toHaveLength(0);
    const stored = await getTask(table.db, task.id, true);
    expect(stored?.escalatedAt).toBeUndefined();
    expect(stored?.reminder).toBeUndefined();
    expect((await orgDigests(task.orgId)).flatMap((entry) => entry.detail.escalated ?? [])).toEqual([]);
  });

  it('leaves the paused-case follow-up to its workflow: the hourly job never warns, overdues or escalates it', async () => {
    // Prepare: a partner org that escalates after 1 BD; its case is paused with the partner to unblock it.
    const workflow = recordingWorkflow();
    const partnerOrgId = freshId('p');
    const caseId = freshId('c');
    await setOrgSettings(table.db, 'partner', partnerOrgId, {
      reminders: { warnings: [{ businessDaysBefore: 3 }], escalation: { businessDaysOverdue: 1 } },
    });
    await submitCase(table.db, { caseId, partnerOrgId, creditorOrgId: freshId('cr') }, '2026-11-20T10:00:00.000Z');
    const paused = await processPlatformEvent(
      platformEvent(
        'Case Survey Submitted',
        { caseId, surveyId: freshId('s'), outcome: 'pause', unblockingParty: 'partner' },
        '2026-11-23T10:00:00.000Z',
      ),
      { db: table.db },
    );
    const followUp = await createdTask(table.db, paused, 'paused_case_follow_up');

    // Act: the warning point, the deadline, 1 BD and 7 days after it.
    for (const now of [
      '2026-12-08T10:00:00.000Z',
      '2026-12-11T10:00:00.000Z',
      '2026-12-14T10:00:00.000Z',
      '2026-12-18T10:00:00.000Z',
    ]) {
      await run({ now });
    }

    // Assess
    expect(workflow.started).toHaveLength(1);
    expect(followUp.deadline).toBe('2026-12-11T10:00:00.000Z');
    expect(followUp.reminder).toBeUndefined();
    for (const detailType of ['Task Deadline Approaching', 'Task Overdue', 'Task Escalated']) {
      expect(await emittedFor(table.db, detailType, followUp.id)).toHaveLength(0);
    }
    expect(await getTask(table.db, followUp.id, true)).toMatchObject({ status: 'open' });
    expect((await getTask(table.db, followUp.id, true))?.escalatedAt).toBeUndefined();
  });
});
