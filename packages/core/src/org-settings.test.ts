// Issue 11 in pure code: working-time thresholds, the reminder plan, what a due reminder sends, and the pickers.
import { describe, expect, it } from 'vitest';
import { isWorkingDay, utcCalendar, weekendCalendar, workingTimeAt } from './calendar.js';
import { countryCalendar } from './holidays.js';
import { newTask } from './lifecycle.js';
import {
  defaultPolicy,
  leastOpenPick,
  type OrgPolicy,
  orgCalendarSource,
  reminderSettingsSchema,
  roundRobinPick,
  thresholdLabel,
  typesOfParty,
} from './org-settings.js';
import { dueReminder, reminderPlan, scheduleReminder } from './reminders.js';
import type { Task } from './task.js';

// Mon 2 Nov 10:00Z + 7 business days = Wed 11 Nov 10:00Z: 168 h of open days in between
// (Mon 14 h, six whole days, Wed 10 h), so 50 % = Thu 5 Nov 22:00 and 75 % = Mon 9 Nov 16:00.
const aTask = (patch: Partial<Parameters<typeof newTask>[0]> = {}): Task =>
  newTask({
    id: 't-1',
    type: 'assign_bank_account',
    party: 'creditor',
    orgId: 'cr-1',
    scopeKey: 'creditor#cr-1',
    caseId: null,
    createdAt: '2026-11-02T10:00:00.000Z',
    deadline: '2026-11-11T10:00:00.000Z',
    ...patch,
  });

const policyWith = (reminders: OrgPolicy['reminders']): OrgPolicy => ({ ...defaultPolicy(utcCalendar), reminders });
const thresholds = policyWith({
  warnings: [{ percentOfTime: 75 }, { businessDaysBefore: 2 }, { percentOfTime: 50 }],
  escalation: { businessDaysOverdue: 2 },
});

describe('workingTimeAt', () => {
  it('50 % over a weekend lands on a working day, not on the wall-clock Sunday', () => {
    // Prepare: Fri 10:00 → Tue 10:00 is 48 h of open days (Fri 14 h, Mon 24 h, Tue 10 h).
    const [start, end] = ['2026-11-20T10:00:00.000Z', '2026-11-24T10:00:00.000Z'];

    // Act
    const half = workingTimeAt(utcCalendar, start, end, 0.5);

    // Assess
    expect(half).toBe('2026-11-23T10:00:00.000Z');
    expect(isWorkingDay(utcCalendar, half)).toBe(true);
    expect(new Date((Date.parse(start) + Date.parse(end)) / 2).toISOString()).toBe('2026-11-22T10:00:00.000Z');
  });

  it('skips public holidays and extra closed days of the calendar', () => {
    // Prepare: Wed 23 Dec 10:00 → Tue 29 Dec 10:00 Copenhagen; 25 Dec and the weekend are closed in DK.
    const dk = countryCalendar({ timeZone: 'Europe/Copenhagen', country: 'DK' });
    const weekendsOnly = weekendCalendar('Europe/Copenhagen');
    const withClosedDay = weekendCalendar('Europe/Copenhagen', ['2026-12-24', '2026-12-25']);
    const [start, end] = ['2026-12-23T09:00:00.000Z', '2026-12-29T09:00:00.000Z'];

    // Act
    const holidays = workingTimeAt(dk, start, end, 0.5);
    const weekends = workingTimeAt(weekendsOnly, start, end, 0.5);
    const closed = workingTimeAt(withClosedDay, start, end, 0.5);

    // Assess: DK has 72 h (Wed 14, Thu 24, Mon 24, Tue 10): 36 h in is Thu 22:00 local.
    expect(holidays).toBe('2026-12-24T21:00:00.000Z');
    // Weekends only: 96 h, 48 h in is Fri 25 Dec 10:00 local.
    expect(weekends).toBe('2026-12-25T09:00:00.000Z');
    // Thu and Fri closed: 48 h (Wed 14, Mon 24, Tue 10), 24 h in is Mon 28 Dec 10:00 local.
    expect(closed).toBe('2026-12-28T09:00:00.000Z');
    expect([holidays, closed].every((at) => isWorkingDay(dk, at))).toBe(true);
  });

  it('falls back to wall time when no working time lies in between', () => {
    // Prepare: Saturday 00:00 → Sunday 12:00, a closed weekend.
    const [start, end] = ['2026-11-21T00:00:00.000Z', '2026-11-22T12:00:00.000Z'];

    // Act
    const half = workingTimeAt(utcCalendar, start, end, 0.5);

    // Assess
    expect(half).toBe('2026-11-21T18:00:00.000Z');
  });
});

describe('reminderPlan', () => {
  it('orders percent and business-day warnings by time, then overdue, then escalation after N business days', () => {
    // Act
    const plan = reminderPlan(thresholds, aTask(), '2026-11-02T10:00:00.000Z');

    // Assess: Wed 11 Nov + 2 BD = Fri 13 Nov.
    expect(plan).toEqual([
      { stage: 'approaching', at: '2026-11-05T22:00:00.000Z', threshold: '50%' },
      { stage: 'approaching', at: '2026-11-09T10:00:00.000Z', threshold: '2bd' },
      { stage: 'approaching', at: '2026-11-09T16:00:00.000Z', threshold: '75%' },
      { stage: 'overdue', at: '2026-11-11T10:00:00.000Z' },
      { stage: 'escalation', at: '2026-11-13T10:00:00.000Z' },
    ]);
  });

  it('skips warnings behind `from` and before creation, keeps overdue and escalation', () => {
    // Prepare: 10 BD before a 7-BD task falls before its creation.
    const policy = policyWith({
      warnings: [{ percentOfTime: 50 }, { businessDaysBefore: 10 }, { percentOfTime: 75 }],
      escalation: { businessDaysOverdue: 1 },
    });

    // Act
    const fromCreation = reminderPlan(policy, aTask(), '2026-11-02T10:00:00.000Z');
    const afterHalf = reminderPlan(policy, aTask(), '2026-11-09T12:00:00.000Z');

    // Assess
    expect(fromCreation.map((point) => point.threshold ?? point.stage)).toEqual([
      '50%',
      '75%',
      'overdue',
      'escalation',
    ]);
    expect(afterHalf).toEqual([
      { stage: 'approaching', at: '2026-11-09T16:00:00.000Z', threshold: '75%' },
      { stage: 'overdue', at: '2026-11-11T10:00:00.000Z' },
      { stage: 'escalation', at: '2026-11-12T10:00:00.000Z' },
    ]);
  });

  it('counts escalation days on the org calendar (holidays skipped)', () => {
    // Prepare: deadline Wed 23 Dec 10:00 Copenhagen; 25 Dec is a DK holiday.
    const dk = countryCalendar({ timeZone: 'Europe/Copenhagen', country: 'DK' });
    const policy: OrgPolicy = {
      ...defaultPolicy(dk),
      reminders: { warnings: [], escalation: { businessDaysOverdue: 2 } },
    };
    const task = aTask({ createdAt: '2026-12-21T09:00:00.000Z', deadline: '2026-12-23T09:00:00.000Z' });

    // Act
    const plan = reminderPlan(policy, task, task.createdAt);

    // Assess: Thu 24 is day 1, Fri 25 and the weekend are closed, Mon 28 is day 2.
    expect(plan).toEqual([
      { stage: 'overdue', at: '2026-12-23T09:00:00.000Z' },
      { stage: 'escalation', at: '2026-12-28T09:00:00.000Z' },
    ]);
  });

  it('an org with no warnings and no escalation plans only overdue', () => {
    expect(reminderPlan(policyWith({ warnings: [], escalation: null }), aTask(), '2026-11-02T10:00:00.000Z')).toEqual([
      { stage: 'overdue', at: '2026-11-11T10:00:00.000Z' },
    ]);
  });
});

describe('dueReminder', () => {
  const scheduled = scheduleReminder(thresholds, aTask());

  it('sends each warning with its threshold, in turn', () => {
    // Act
    const first = dueReminder(scheduled, '2026-11-05T22:00:00.000Z');
    const early = dueReminder({ ...scheduled, reminder: first.next }, '2026-11-09T09:59:59.000Z');
    const second = dueReminder({ ...scheduled, reminder: first.next }, '2026-11-09T10:00:00.000Z');

    // Assess
    expect(first.send).toEqual([{ type: 'Task Deadline Approaching', threshold: '50%' }]);
    expect(first.next).toMatchObject({ stage: 'approaching', nextAt: '2026-11-09T10:00:00.000Z', threshold: '2bd' });
    expect(early).toEqual({ send: [] });
    expect(second.send).toEqual([{ type: 'Task Deadline Approaching', threshold: '2bd' }]);
  });

  it('coalesces warnings that came due together into the latest one', () => {
    // Act: the job was down from before 50 % until after 75 %.
    const late = dueReminder(scheduled, '2026-11-09T17:00:00.000Z');

    // Assess
    expect(late.send).toEqual([{ type: 'Task Deadline Approaching', threshold: '75%' }]);
    expect(late.next).toEqual({
      stage: 'overdue',
      nextAt: '2026-11-11T10:00:00.000Z',
      later: [{ stage: 'escalation', at: '2026-11-13T10:00:00.000Z' }],
    });
  });

  it('sends both of two thresholds that fall on the same instant', () => {
    // Prepare: Mon 10:00 → Fri 10:00 (4 BD); 50 % of the working time and 2 BD before are both Wed 10:00.
    const policy = policyWith({ warnings: [{ businessDaysBefore: 2 }, { percentOfTime: 50 }], escalation: null });
    const task = scheduleReminder(policy, aTask({ deadline: '2026-11-06T10:00:00.000Z' }));

    // Act
    const due = dueReminder(task, '2026-11-04T10:00:00.000Z');

    // Assess
    expect(due.send.map((send) => send.threshold).sort()).toEqual(['2bd', '50%']);
    expect(due.next).toEqual({ stage: 'overdue', nextAt: '2026-11-06T10:00:00.000Z' });
  });

  it('sends no warning once the deadline has passed, only overdue', () => {
    expect(dueReminder(scheduled, '2026-11-11T10:00:00.000Z')).toEqual({
      send: [{ type: 'Task Overdue' }],
      next: { stage: 'escalation', nextAt: '2026-11-13T10:00:00.000Z' },
    });
  });

  it('escalates at its point and then has nothing left', () => {
    // Prepare
    const overdueSent = { ...scheduled, reminder: dueReminder(scheduled, '2026-11-11T10:00:00.000Z').next };

    // Act
    const before = dueReminder(overdueSent, '2026-11-13T09:00:00.000Z');
    const at = dueReminder(overdueSent, '2026-11-13T10:00:00.000Z');
    const everythingAtOnce = dueReminder(scheduled, '2026-11-20T00:00:00.000Z');

    // Assess
    expect(before).toEqual({ send: [] });
    expect(at).toEqual({ send: [{ type: 'Task Escalated' }] });
    expect(everythingAtOnce).toEqual({ send: [{ type: 'Task Overdue' }, { type: 'Task Escalated' }] });
  });

  it('a schedule stored before per-org thresholds still ends with its overdue', () => {
    // Prepare: the pre-issue-11 form, approaching only, the overdue implied by the deadline.
    const legacy: Task = { ...aTask(), reminder: { stage: 'approaching', nextAt: '2026-11-06T10:00:00.000Z' } };

    // Act
    const warned = dueReminder(legacy, '2026-11-06T10:00:00.000Z');
    const overdue = dueReminder({ ...legacy, reminder: warned.next }, '2026-11-11T10:00:00.000Z');
    const lateRun = dueReminder(legacy, '2026-11-12T00:00:00.000Z');

    // Assess
    expect(warned).toEqual({
      send: [{ type: 'Task Deadline Approaching' }],
      next: { stage: 'overdue', nextAt: '2026-11-11T10:00:00.000Z' },
    });
    expect(overdue).toEqual({ send: [{ type: 'Task Overdue' }] });
    expect(lateRun).toEqual({ send: [{ type: 'Task Overdue' }] });
  });

  it('a completed task sends nothing', () => {
    expect(dueReminder({ ...scheduled, status: 'completed' }, '2026-11-20T00:00:00.000Z')).toEqual({ send: [] });
  });
});

describe('auto-assignment pickers', () => {
  it('round robin goes through the list in turn, from turn 1', () => {
    // Act
    const picks = [1, 2, 3, 4, 5, 6, 7].map((turn) => roundRobinPick(['u-a', 'u-b', 'u-c'], turn));

    // Assess
    expect(picks).toEqual(['u-a', 'u-b', 'u-c', 'u-a', 'u-b', 'u-c', 'u-a']);
    expect(roundRobinPick(['u-a', 'u-b', 'u-c'], 0)).toBe('u-c');
    expect(() => roundRobinPick([], 1)).toThrow();
  });

  it('least open picks the fewest, the earlier user on a tie', () => {
    expect(leastOpenPick(['u-a', 'u-b', 'u-c'], [2, 1, 1])).toBe('u-b');
    expect(leastOpenPick(['u-a', 'u-b', 'u-c'], [0, 0, 0])).toBe('u-a');
    expect(leastOpenPick(['u-a', 'u-b', 'u-c'], [10, 4, 3])).toBe('u-c');
    expect(() => leastOpenPick([], [])).toThrow();
  });
});

describe('settings schemas', () => {
  it('refuses a threshold listed twice and names it', () => {
    // Act
    const parsed = reminderSettingsSchema.safeParse({
      warnings: [{ percentOfTime: 50 }, { businessDaysBefore: 2 }, { percentOfTime: 50 }],
      escalation: null,
    });

    // Assess
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path)).toEqual([['warnings', 2]]);
  });

  it('labels thresholds, maps the stored calendar and lists the types of a party', () => {
    expect(thresholdLabel({ percentOfTime: 50 })).toBe('50%');
    expect(thresholdLabel({ businessDaysBefore: 3 })).toBe('3bd');
    expect(orgCalendarSource({ timeZone: 'Europe/Copenhagen', country: null, closedDays: ['2026-12-31'] })).toEqual({
      timeZone: 'Europe/Copenhagen',
      closedDays: ['2026-12-31'],
      country: null,
    });
    expect(typesOfParty('creditor')).toEqual(expect.arrayContaining(['assign_bank_account', 'generic']));
    expect(typesOfParty('creditor')).not.toContain('review_new_case');
  });
});
