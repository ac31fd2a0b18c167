import { runDeadlineReminders as run } from '@casetasks/app/jobs';
import { resetClients, resetConfig } from '@casetasks/app/runtime';
import {
  creationEntry,
  defaultPolicy,
  newTask,
  platformActor,
  scheduleReminder,
  type Task,
  utcCalendar,
} from '@casetasks/core';
import { createTask, getTask, listHistory, listOutboxSince, type OutboxEntry } from '@casetasks/db';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, type TestTable } from '../support/table.js';

let table: TestTable;
beforeAll(async () => {
  table = await createTestTable('jobs-reminders');
  process.env.TABLE_NAME = table.tableName;
  resetConfig();
  resetClients();
});
afterAll(async () => table.drop());

const created = '2026-11-23T10:00:00.000Z'; // Monday
const seedTask = async (orgId: string, patch: Partial<Parameters<typeof newTask>[0]> = {}): Promise<Task> => {
  const task = scheduleReminder(
    defaultPolicy(utcCalendar),
    newTask({
      id: ulid(),
      type: 'update_case_status',
      party: 'partner',
      orgId,
      scopeKey: `case#${ulid()}`,
      caseId: `c-${ulid()}`,
      createdAt: created,
      deadline: '2026-11-30T10:00:00.000Z', // + 5 BD
      ...patch,
    }),
  );
  await createTask(table.db, task, creationEntry(task, platformActor));
  return task;
};

const emitted = async (detailType: string, orgId: string): Promise<OutboxEntry[]> =>
  (await listOutboxSince(table.db, '0')).filter((entry) => {
    const detail = entry.detail as { task?: Task; recipient?: { orgId: string } };
    return entry.detailType === detailType && (detail.task?.orgId ?? detail.recipient?.orgId) === orgId;
  });

describe('deadline reminders', () => {
  it('approaching at deadline − 3 BD and overdue at the deadline, each once over repeated runs', async () => {
    // Prepare
    const task = await seedTask('p-once');
    expect(task.reminder).toEqual({
      stage: 'approaching',
      nextAt: '2026-11-25T10:00:00.000Z',
      threshold: '3bd',
      later: [{ stage: 'overdue', at: '2026-11-30T10:00:00.000Z' }],
    });

    // Act
    const early = await run({ now: '2026-11-25T09:59:00.000Z' });
    const approaching = await run({ now: '2026-11-25T10:00:00.000Z' });
    const again = await run({ now: '2026-11-25T11:00:00.000Z' });
    const overdue = await run({ now: '2026-11-30T10:00:00.000Z' });
    const later = await run({ now: '2026-12-01T10:00:00.000Z' });

    // Assess
    expect(early.counts.approaching).toBeUndefined();
    expect(approaching.counts.approaching).toBe(1);
    expect(again.counts.approaching).toBeUndefined();
    expect(overdue.counts.overdue).toBe(1);
    expect(later.counts.overdue).toBeUndefined();
    expect(await emitted('Task Deadline Approaching', 'p-once')).toHaveLength(1);
    const [overdueEvent] = await emitted('Task Overdue', 'p-once');
    expect(overdueEvent?.createdAt).toBe('2026-11-30T10:00:00.000Z');
    expect(await emitted('Task Overdue', 'p-once')).toHaveLength(1);
    const stored = await getTask(table.db, task.id, true);
    expect(stored?.reminder).toBeUndefined();
    expect((await listHistory(table.db, task.id)).map((entry) => entry.reason)).toEqual([
      undefined,
      'Task Deadline Approaching sent',
      'Task Overdue sent',
    ]);
  });

  it('two overlapping runs send each reminder exactly once', async () => {
    // Prepare
    const tasks = await Promise.all(Array.from({ length: 30 }, () => seedTask('p-race')));

    // Act
    const [a, b] = await Promise.all([
      run({ now: '2026-11-25T12:00:00.000Z' }),
      run({ now: '2026-11-25T12:00:00.000Z' }),
    ]);

    // Assess
    expect((a.counts.approaching ?? 0) + (b.counts.approaching ?? 0)).toBe(tasks.length);
    const events = await emitted('Task Deadline Approaching', 'p-race');
    expect(new Set(events.map((event) => (event.detail.task as Task).id)).size).toBe(tasks.length);
    expect(events).toHaveLength(tasks.length);
  });

  it('a task born within 3 business days of its deadline gets only the overdue reminder', async () => {
    // Prepare: born within 3 BD of its deadline, so only `overdue` is scheduled.
    const task = await seedTask('p-short', { deadline: '2026-11-25T10:00:00.000Z' });

    // Act
    const atDeadline = await run({ now: '2026-11-25T10:00:00.000Z' });

    // Assess
    expect(atDeadline.counts.overdue).toBeGreaterThanOrEqual(1);
    expect(await emitted('Task Deadline Approaching', 'p-short')).toHaveLength(0);
    expect(await emitted('Task Overdue', 'p-short')).toHaveLength(1);
    expect((await getTask(table.db, task.id, true))?.reminder).toBeUndefined();
  });

  it('stops at its time budget with a checkpoint, and resumes from it', async () => {
    // Prepare
    await Promise.all(Array.from({ length: 5 }, () => seedTask('p-resume', { deadline: '2026-12-02T10:00:00.000Z' })));

    // Act
    const stopped = await run({ now: '2026-11-27T10:00:00.000Z' }, { budgetMs: 0 });
    const resumed = await run({
      now: '2026-11-27T10:00:00.000Z',
      ...(stopped.checkpoint ? { checkpoint: stopped.checkpoint } : {}),
    });

    // Assess
    expect(stopped.checkpoint).toBeDefined();
    expect(stopped.counts.approaching).toBeUndefined();
    expect(resumed.checkpoint).toBeUndefined();
    expect(resumed.counts.approaching).toBe(5);
  });
});

describe('daily digest', () => {
  it('one digest per assignee and one per org for unassigned tasks, once per day even when runs overlap', async () => {
    // Prepare
    await seedTask('p-digest', { assigneeId: 'u-1', deadline: '2026-12-07T10:00:00.000Z' });
    await seedTask('p-digest', { assigneeId: 'u-1', deadline: '2026-12-08T10:00:00.000Z' });
    await seedTask('p-digest', { assigneeId: null, deadline: '2026-12-03T10:00:00.000Z' });

    // Act: 05:00 is before digest time; then two overlapping runs at 07:00, and a later one.
    const beforeDigestTime = await run({ now: '2026-12-03T05:00:00.000Z' });
    const overlapping = await Promise.all([
      run({ now: '2026-12-03T07:00:00.000Z' }),
      run({ now: '2026-12-03T07:00:00.000Z' }),
    ]);
    await run({ now: '2026-12-03T08:00:00.000Z' });

    // Assess
    expect(beforeDigestTime.counts.digests).toBe(0);
    expect(overlapping.reduce((sum, summary) => sum + (summary.counts.digests ?? 0), 0)).toBeGreaterThanOrEqual(2);
    const digests = await emitted('Daily Digest', 'p-digest');
    const recipients = digests.map((entry) => (entry.detail.recipient as { assigneeId: string | null }).assigneeId);
    expect(recipients.sort()).toEqual(['u-1', null].sort());
    const forUser = digests.find((entry) => (entry.detail.recipient as { assigneeId: string | null }).assigneeId);
    expect(forUser?.detail.counts).toEqual({ overdue: 0, dueToday: 0, upcoming: 2 });
    expect(forUser?.detail.day).toBe('2026-12-03');
    const forOrg = digests.find((entry) => !(entry.detail.recipient as { assigneeId: string | null }).assigneeId);
    expect(forOrg?.detail.counts).toEqual({ overdue: 0, dueToday: 1, upcoming: 0 });
  });
});
