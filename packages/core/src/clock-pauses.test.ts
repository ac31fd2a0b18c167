import { describe, expect, it } from 'vitest';
import { utcCalendar } from './calendar.js';
import type { CaseState } from './case-state.js';
import { casePauses, clockChange, pausesChangedFrom, pausesOfTask } from './clock-pauses.js';
import { newTask } from './lifecycle.js';
import { DEFAULT_REMINDER_SETTINGS } from './org-settings.js';
import { scheduleReminder } from './reminders.js';
import { applyCaseFact, type CaseFact } from './rules/case-facts.js';
import type { Task, TaskType } from './task.js';

const DAY = 86_400_000;
const policy = { calendar: utcCalendar, reminders: DEFAULT_REMINDER_SETTINGS };
const status = (at: string, value: 'active' | 'paused' | 'closed'): CaseFact => ({
  kind: 'status',
  at: `2026-11-${at}:00.000Z`,
  status: value,
});
const update = (at: string, statusType: string, expectedDate?: string): CaseFact => ({
  kind: 'status-update',
  at: `2026-11-${at}:00.000Z`,
  statusType,
  ...(expectedDate ? { expectedDate } : {}),
});
const stateOf = (facts: readonly CaseFact[]): CaseState =>
  facts.reduce<CaseState>((state, fact) => applyCaseFact(state, 'c-1', fact), { caseId: 'c-1', version: 0 });

const task = (type: TaskType = 'review_new_case', party: 'partner' | 'creditor' = 'partner'): Task =>
  newTask({
    id: 't-1',
    type,
    party,
    orgId: 'p-1',
    scopeKey: 'case#c-1',
    caseId: 'c-1',
    createdAt: '2026-11-02T08:00:00.000Z',
    deadline: '2026-11-04T08:00:00.000Z',
  });

describe('casePauses: the case paused', () => {
  const facts = [
    status('02T08:00', 'active'),
    status('03T08:00', 'paused'),
    status('06T08:00', 'active'),
    status('10T08:00', 'paused'),
  ];

  it('each paused stretch runs to the next other status; the last one still runs', () => {
    expect(casePauses(stateOf(facts))).toEqual([
      { start: '2026-11-03T08:00:00.000Z', end: '2026-11-06T08:00:00.000Z', reason: 'case_paused' },
      { start: '2026-11-10T08:00:00.000Z', end: null, reason: 'case_paused' },
    ]);
  });

  it('the same facts in any order give the same pauses (the status log is a set)', () => {
    const reversed = stateOf([...facts].reverse());
    const twice = stateOf([...facts, ...facts]);
    expect(casePauses(reversed)).toEqual(casePauses(stateOf(facts)));
    expect(casePauses(twice)).toEqual(casePauses(stateOf(facts)));
    expect(reversed.status).toBe('paused');
  });

  it('paused twice in a row is one stretch from the first', () => {
    const state = stateOf([status('03T08:00', 'paused'), status('04T08:00', 'paused'), status('05T08:00', 'closed')]);
    expect(casePauses(state)).toEqual([
      { start: '2026-11-03T08:00:00.000Z', end: '2026-11-05T08:00:00.000Z', reason: 'case_paused' },
    ]);
  });
});

describe('casePauses: waiting on someone else', () => {
  it('waiting on a third party ends at the end of its expected date', () => {
    const state = stateOf([update('03T10:00', 'waiting_on_third_party', '2026-11-05')]);
    expect(casePauses(state)).toEqual([
      { start: '2026-11-03T10:00:00.000Z', end: '2026-11-06T00:00:00.000Z', reason: 'waiting_on_third_party' },
    ]);
  });

  it('the next update ends it earlier', () => {
    const state = stateOf([
      update('04T12:00', 'contact_established'),
      update('03T10:00', 'waiting_on_third_party', '2026-11-05'),
    ]);
    expect(casePauses(state)).toEqual([
      { start: '2026-11-03T10:00:00.000Z', end: '2026-11-04T12:00:00.000Z', reason: 'waiting_on_third_party' },
    ]);
  });

  it('without an expected date, or with a far one, it stops the clock 14 days at most', () => {
    const none = stateOf([update('03T10:00', 'waiting_on_client')]);
    const far = stateOf([update('03T10:00', 'waiting_on_client', '2027-03-01')]);
    const capped = [
      { start: '2026-11-03T10:00:00.000Z', end: '2026-11-17T10:00:00.000Z', reason: 'waiting_on_client' },
    ];
    expect(casePauses(none)).toEqual(capped);
    expect(casePauses(far)).toEqual(capped);
  });

  it('a dispute waits on the client (seed 002: the client reviews it)', () => {
    const state = stateOf([update('03T10:00', 'dispute_raised'), update('10T10:00', 'investigating')]);
    expect(casePauses(state)).toEqual([
      { start: '2026-11-03T10:00:00.000Z', end: '2026-11-10T10:00:00.000Z', reason: 'waiting_on_client' },
    ]);
  });
});

describe('which tasks a pause stops', () => {
  const pauses = casePauses(
    stateOf([status('03T08:00', 'paused'), status('06T08:00', 'active'), update('09T08:00', 'waiting_on_client')]),
  );

  it('a paused case stops review_new_case; waiting stops only update_case_status', () => {
    expect(pausesOfTask(pauses, task('review_new_case')).map((p) => p.reason)).toEqual(['case_paused']);
    expect(pausesOfTask(pauses, task('update_case_status')).map((p) => p.reason)).toEqual([
      'case_paused',
      'waiting_on_client',
    ]);
  });

  it('the chat, the pause follow-up and creditor tasks keep running', () => {
    expect(pausesOfTask(pauses, task('new_message'))).toEqual([]);
    expect(pausesOfTask(pauses, task('paused_case_follow_up'))).toEqual([]);
    expect(pausesOfTask(pauses, { type: 'review_new_case', accessLevel: 'creditor' })).toEqual([]);
  });
});

describe('pausesChangedFrom', () => {
  it('a resume changes the stretch back to its pause start; a status in an active stretch only itself', () => {
    const resumed = stateOf([status('03T08:00', 'paused'), status('06T08:00', 'active')]);
    expect(pausesChangedFrom(resumed, '2026-11-06T08:00:00.000Z')).toBe('2026-11-03T08:00:00.000Z');
    const later = applyCaseFact(resumed, 'c-1', status('09T08:00', 'active'));
    expect(pausesChangedFrom(later, '2026-11-09T08:00:00.000Z')).toBe('2026-11-09T08:00:00.000Z');
  });
});

describe('clockChange of one task', () => {
  const open = scheduleReminder(policy, task('review_new_case'));

  it('a running pause: clock_paused, deadline kept, no reminders while it runs', () => {
    // Act
    const change = clockChange(
      policy,
      open,
      casePauses(stateOf([status('03T08:00', 'paused')])),
      '2026-11-03T09:00:00.000Z',
    );
    // Assess
    expect(open.reminder).toBeDefined();
    expect(change?.entry).toMatchObject({
      action: 'clock_paused',
      reason: 'clock: case_paused since 2026-11-03T08:00:00.000Z',
      changes: { clockPauses: [null, [{ start: '2026-11-03T08:00:00.000Z', end: null, reason: 'case_paused' }]] },
    });
    expect(change?.after.deadline).toBe('2026-11-04T08:00:00.000Z');
    expect(change?.after.reminder).toBeUndefined();
  });

  it('the resume: clock_resumed, deadline moved by the paused working time, reminders planned again', () => {
    // Prepare: paused Tue 08:00, resumed Thu 20:00 = 2.5 days of working time.
    const paused = clockChange(
      policy,
      open,
      casePauses(stateOf([status('03T08:00', 'paused')])),
      '2026-11-03T09:00:00.000Z',
    );
    const resumedState = stateOf([status('03T08:00', 'paused'), status('05T20:00', 'active')]);
    // Act
    const change = clockChange(policy, paused?.after as Task, casePauses(resumedState), '2026-11-05T20:00:00.000Z');
    // Assess: Wed 11-04 08:00 + 2.5 working days = Fri 11-06 20:00.
    expect(change?.entry).toMatchObject({
      action: 'clock_resumed',
      reason: 'clock: case_paused from 2026-11-03T08:00:00.000Z to 2026-11-05T20:00:00.000Z',
    });
    expect(change?.after).toMatchObject({
      pausedWorkingMs: 2.5 * DAY,
      slaDeadline: '2026-11-06T20:00:00.000Z',
      deadline: '2026-11-06T20:00:00.000Z',
      reminder: { stage: 'overdue', nextAt: '2026-11-06T20:00:00.000Z' },
    });
    expect(
      clockChange(policy, change?.after as Task, casePauses(resumedState), '2026-11-05T21:00:00.000Z'),
    ).toBeUndefined();
  });
});
