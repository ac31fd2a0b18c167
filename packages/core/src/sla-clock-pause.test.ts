import { describe, expect, it } from 'vitest';
import { addWorkingMs, utcCalendar, workingMsBetween } from './calendar.js';
import { closeTask, newTask, platformActor } from './lifecycle.js';
import { slaClockPatch } from './sla-clock.js';
import { slaLineOf } from './sla-report.js';
import type { ClockPause, Task } from './task.js';

const DAY = 86_400_000;
// Weekends only, UTC: 2026-11-02 is a Monday.
const calendar = utcCalendar;
/** update_case_status: 5 business days from Mon 2026-11-02 08:00 = Mon 2026-11-09 08:00. */
const openTask = (): Task =>
  newTask({
    id: 't-1',
    type: 'update_case_status',
    party: 'partner',
    orgId: 'p-1',
    scopeKey: 'case#c-1',
    caseId: 'c-1',
    createdAt: '2026-11-02T08:00:00.000Z',
    deadline: '2026-11-09T08:00:00.000Z',
  });
/** Tue 08:00 to Fri 08:00: three whole business days. */
const threeDays: ClockPause = {
  start: '2026-11-03T08:00:00.000Z',
  end: '2026-11-06T08:00:00.000Z',
  reason: 'case_paused',
};

describe('working time of the calendar', () => {
  it('Tue 08:00 to Fri 08:00 is three days of working time', () => {
    expect(workingMsBetween(calendar, threeDays.start, threeDays.end as string)).toBe(3 * DAY);
  });

  it('a weekend counts nothing: Fri 08:00 to Mon 08:00 is Friday 16 h + Monday 8 h', () => {
    expect(workingMsBetween(calendar, '2026-11-06T08:00:00.000Z', '2026-11-09T08:00:00.000Z')).toBe(DAY);
  });

  it('adding three days of working time to Mon 08:00 lands on Thu 08:00', () => {
    expect(addWorkingMs(calendar, '2026-11-09T08:00:00.000Z', 3 * DAY)).toBe('2026-11-12T08:00:00.000Z');
  });

  it('adding one day from Fri 20:00 skips the weekend: Friday 4 h, then Monday 20 h', () => {
    expect(addWorkingMs(calendar, '2026-11-06T20:00:00.000Z', DAY)).toBe('2026-11-09T20:00:00.000Z');
  });
});

describe('slaClockPatch with a pause', () => {
  it('a pause of 3 business days moves slaDeadline and the working deadline by 3 business days', () => {
    // Act
    const patch = slaClockPatch(calendar, openTask(), { pauses: [threeDays] });
    // Assess
    expect(patch).toEqual({
      clockPauses: [threeDays],
      pausedWorkingMs: 3 * DAY,
      slaDeadline: '2026-11-12T08:00:00.000Z',
      deadline: '2026-11-12T08:00:00.000Z',
    });
  });

  it('a running pause records its start but moves nothing yet', () => {
    const running: ClockPause = { ...threeDays, end: null };
    expect(slaClockPatch(calendar, openTask(), { pauses: [running] })).toEqual({ clockPauses: [running] });
  });

  it('a postponed task keeps its later working deadline; only slaDeadline moves', () => {
    const postponed = { ...openTask(), deadline: '2026-11-20T08:00:00.000Z' };
    const patch = slaClockPatch(calendar, postponed, { pauses: [threeDays] });
    expect(patch).toEqual({
      clockPauses: [threeDays],
      pausedWorkingMs: 3 * DAY,
      slaDeadline: '2026-11-12T08:00:00.000Z',
    });
  });

  it('a pause before the task was created is clipped to its creation', () => {
    const before: ClockPause = {
      start: '2026-10-30T08:00:00.000Z',
      end: '2026-11-03T08:00:00.000Z',
      reason: 'case_paused',
    };
    // Mon 08:00 → Tue 08:00: one day of working time counts.
    expect(slaClockPatch(calendar, openTask(), { pauses: [before] })).toMatchObject({
      clockPauses: [{ start: '2026-11-02T08:00:00.000Z', end: '2026-11-03T08:00:00.000Z' }],
      pausedWorkingMs: DAY,
      slaDeadline: '2026-11-10T08:00:00.000Z',
    });
  });

  it('the same pauses again change nothing', () => {
    const task = { ...openTask(), ...slaClockPatch(calendar, openTask(), { pauses: [threeDays] }) };
    expect(slaClockPatch(calendar, task, { pauses: [threeDays] })).toEqual({});
  });
});

describe('the score line without the paused time', () => {
  it('completed Fri 2026-11-13 08:00: 4 days late on the original deadline, 1 day on the SLA deadline', () => {
    // Prepare: the task completed one day after its SLA deadline (Thu 11-12 08:00).
    const task = openTask();
    const paused = { ...task, ...slaClockPatch(calendar, task, { pauses: [threeDays] }) };
    const completedAt = '2026-11-13T08:00:00.000Z';
    const now = new Date('2026-11-20T00:00:00.000Z');
    // Act
    const without = slaLineOf(closeTask(task, 'done', platformActor, completedAt).after, now);
    const withPause = slaLineOf(closeTask(paused, 'done', platformActor, completedAt).after, now);
    // Assess: 3 days of lateness removed; points 1 − days/7.
    expect(without).toMatchObject({ latenessDays: 4, points: 1 - 4 / 7, pausedDays: 0 });
    expect(withPause).toMatchObject({
      slaDeadline: '2026-11-12T08:00:00.000Z',
      latenessDays: 1,
      points: 1 - 1 / 7,
      pausedDays: 3,
    });
  });

  it('an open task whose clock stopped before its deadline does not count while the pause runs', () => {
    const task = openTask();
    const running = { ...task, ...slaClockPatch(calendar, task, { pauses: [{ ...threeDays, end: null }] }) };
    expect(slaLineOf(task, new Date('2026-11-20T00:00:00.000Z'))).toMatchObject({ latenessDays: 10.666666666666666 });
    expect(slaLineOf(running, new Date('2026-11-20T00:00:00.000Z'))).toBeUndefined();
  });
});
