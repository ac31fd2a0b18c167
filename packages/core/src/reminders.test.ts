import { describe, expect, it } from 'vitest';
import { utcCalendar, weekendCalendar } from './calendar.js';
import { assignTask, newTask, postponeTask } from './lifecycle.js';
import { defaultPolicy } from './org-settings.js';
import {
  buildDigest,
  digestHorizon,
  dueReminder,
  escalationAt,
  isDigestTime,
  rescheduleOnDeadlineMove,
  scheduleReminder,
} from './reminders.js';
import type { Task } from './task.js';

const utc = defaultPolicy(utcCalendar);

const aTask = (patch: Partial<Parameters<typeof newTask>[0]> = {}): Task =>
  newTask({
    id: 't-1',
    type: 'update_case_status',
    party: 'partner',
    orgId: 'p-1',
    scopeKey: 'case#c-1',
    caseId: 'c-1',
    createdAt: '2026-11-23T10:00:00.000Z',
    deadline: '2026-12-01T10:00:00.000Z',
    ...patch,
  });

describe('scheduleReminder', () => {
  it('first reminder is `approaching` at deadline − 3 business days', () => {
    expect(scheduleReminder(utc, aTask()).reminder).toEqual({
      stage: 'approaching',
      nextAt: '2026-11-26T10:00:00.000Z',
      threshold: '3bd',
      later: [{ stage: 'overdue', at: '2026-12-01T10:00:00.000Z' }],
    });
  });

  it('a task born within 3 business days of its deadline gets only `overdue`', () => {
    const task = aTask({ deadline: '2026-11-25T10:00:00.000Z' });
    expect(scheduleReminder(utc, task).reminder).toEqual({
      stage: 'overdue',
      nextAt: '2026-11-25T10:00:00.000Z',
    });
  });

  it('postponing starts the stages again for the new deadline', () => {
    const task = { ...aTask(), reminder: undefined, deadline: '2026-12-10T10:00:00.000Z' };
    expect(scheduleReminder(utc, task, '2026-11-30T10:00:00.000Z').reminder).toMatchObject({
      stage: 'approaching',
      nextAt: '2026-12-07T10:00:00.000Z',
    });
  });

  it('leaves workflow-driven and closed tasks without reminders', () => {
    const paused = scheduleReminder(utc, aTask({ type: 'paused_case_follow_up' }));
    const closed = scheduleReminder(utc, {
      ...aTask(),
      status: 'completed',
      reminder: { stage: 'overdue', nextAt: '2026-12-01T10:00:00.000Z' },
    });
    expect(paused.reminder).toBeUndefined();
    expect(closed.reminder).toBeUndefined();
  });

  it('skips weekends in the calendar zone', () => {
    // Tue 1 Dec 09:00 Copenhagen − 3 BD = Thu 26 Nov.
    const task = aTask({ deadline: '2026-12-01T08:00:00.000Z' });
    expect(scheduleReminder(defaultPolicy(weekendCalendar('Europe/Copenhagen')), task).reminder?.nextAt).toBe(
      '2026-11-26T08:00:00.000Z',
    );
  });
});

describe('rescheduleOnDeadlineMove', () => {
  const user = { kind: 'user', id: 'u-1' } as const;
  const now = '2026-11-27T10:00:00.000Z';
  // Approaching was already sent: the task waits for `overdue`.
  const sent: Task = { ...aTask(), reminder: { stage: 'overdue', nextAt: '2026-12-01T10:00:00.000Z' } };

  it('a postpone re-plans both stages for the new deadline', () => {
    const change = rescheduleOnDeadlineMove(utc, postponeTask(sent, '2026-12-10T10:00:00.000Z', user, now), now);
    expect(change.after.reminder).toMatchObject({ stage: 'approaching', nextAt: '2026-12-07T10:00:00.000Z' });
    expect(change.after.originalDeadline).toBe('2026-12-01T10:00:00.000Z');
  });

  it('a change that keeps the deadline keeps the reminder as it is', () => {
    const change = rescheduleOnDeadlineMove(utc, assignTask(sent, 'u-2', user, now), now);
    expect(change.after.reminder).toEqual(sent.reminder);
  });
});

describe('dueReminder', () => {
  const scheduled = scheduleReminder(utc, aTask());

  it('nothing before the reminder time', () => {
    expect(dueReminder(scheduled, '2026-11-26T09:59:59.000Z')).toEqual({ send: [] });
  });

  it('approaching, then overdue at the deadline, then nothing', () => {
    const first = dueReminder(scheduled, '2026-11-26T10:00:00.000Z');
    expect(first).toEqual({
      send: [{ type: 'Task Deadline Approaching', threshold: '3bd' }],
      next: { stage: 'overdue', nextAt: '2026-12-01T10:00:00.000Z' },
    });
    const second = dueReminder({ ...scheduled, reminder: first.next }, '2026-12-01T10:30:00.000Z');
    expect(second).toEqual({ send: [{ type: 'Task Overdue' }] });
  });

  it('a late approaching after the deadline becomes overdue', () => {
    expect(dueReminder(scheduled, '2026-12-02T00:00:00.000Z')).toEqual({ send: [{ type: 'Task Overdue' }] });
  });
});

describe('digest', () => {
  it('is sent from 06:00 local time', () => {
    const copenhagen = weekendCalendar('Europe/Copenhagen');
    expect(isDigestTime(copenhagen, '2026-11-23T04:59:00.000Z')).toBe(false);
    expect(isDigestTime(copenhagen, '2026-11-23T05:00:00.000Z')).toBe(true);
  });

  it('counts overdue, due today and upcoming', () => {
    const now = '2026-11-23T10:00:00.000Z';
    const tasks = [
      aTask({ id: 'a', deadline: '2026-11-20T10:00:00.000Z' }),
      aTask({ id: 'b', deadline: '2026-11-23T18:00:00.000Z' }),
      aTask({ id: 'c', deadline: '2026-11-25T10:00:00.000Z' }),
    ];
    const digest = buildDigest(utcCalendar, { party: 'partner', orgId: 'p-1', assigneeId: null }, tasks, now);
    expect(digest.detail.counts).toEqual({ overdue: 1, dueToday: 1, upcoming: 1 });
    expect(digest.detail.day).toBe('2026-11-23');
    expect(digestHorizon(utcCalendar, now)).toBe('2026-11-27T00:00:00.000Z');
  });

  it('escalation is 7 calendar days after the deadline', () => {
    expect(escalationAt('2026-12-11T12:00:00.000Z')).toBe('2026-12-18T12:00:00.000Z');
  });
});
