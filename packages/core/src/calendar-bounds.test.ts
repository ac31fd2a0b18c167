// Issue 15, class 2: calendar and reminder planning do bounded work however far the deadline. Work is
// counted in steps (StepCounter) and in calendar look-ups, never in milliseconds.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, type Calendar, type StepCounter, weekendCalendar, workingTimeAt } from './calendar.js';
import { walkAddWorkingDays, walkWorkingTimeAt } from './calendar-walk.test-helper.js';
import { holidayYearsNeeded } from './holiday-dates.js';
import { countryCalendar } from './holidays.js';
import { latestInstant } from './input-domain.js';
import { newTask } from './lifecycle.js';
import { defaultPolicy, type ReminderSettings, type WarningThreshold } from './org-settings.js';
import { reminderPlan } from './reminders.js';

// Each bound holds at any distance: a range adds a step per year and per DST change, not one per day
// (seen at most: 11, 45 and 144 over 2,000 seeded runs). The walk before issue 15 took one step and one
// holiday look-up per calendar day: ~3,650 for one percentage to the domain's edge.
const ADD_STEPS = 30;
const WORKING_TIME_STEPS = 60;
/** A plan of up to 10 warnings (the settings' maximum) and an escalation. */
const PLAN_STEPS = 200;
/** Holiday look-ups of one plan plus one addWorkingDays and one workingTimeAt (seen at most: 46 over 1,500 seeded runs). */
const PLAN_LOOKUPS = 100;

const now = Date.parse('2026-06-15T09:30:00.000Z');
const edge = Date.parse(latestInstant(now));

/** The calendar with every holiday look-up counted: the walk asked once per day. */
const counted = (calendar: Calendar) => {
  const lookups = { count: 0 };
  const wrapped: Calendar = {
    ...calendar,
    isHoliday: (day) => {
      lookups.count += 1;
      return calendar.isHoliday(day);
    },
    closedWeekdays: (year) => {
      lookups.count += 1;
      return calendar.closedWeekdays(year);
    },
  };
  return { calendar: wrapped, lookups };
};

const planFor = (calendar: Calendar, reminders: ReminderSettings, createdAt: string, deadline: string) => {
  const task = newTask({
    id: 't-1',
    type: 'generic',
    party: 'partner',
    orgId: 'p-1',
    scopeKey: 't-1',
    createdAt,
    deadline,
  });
  const counter: StepCounter = { steps: 0 };
  const plan = reminderPlan({ ...defaultPolicy(calendar), reminders }, task, createdAt, counter);
  return { plan, steps: counter.steps };
};

describe('planning work is bounded by the years in range, not the days (issue 15)', () => {
  const calendars: Calendar[] = [];
  beforeAll(() => {
    const closedDays = ['2027-07-14', '2030-05-02', '2033-11-17', '2036-06-13'];
    // Materialised for the domain at this test's `now`, as a save at that time would.
    const years = holidayYearsNeeded(now);
    calendars.push(
      countryCalendar({ timeZone: 'Europe/Copenhagen', country: 'DK', closedDays }, years),
      countryCalendar({ timeZone: 'America/New_York', country: 'US' }, years),
      countryCalendar({ timeZone: 'Australia/Sydney', country: 'AU', closedDays }, years),
      weekendCalendar('UTC', closedDays),
    );
  });

  const instant = (min: number, max: number) => fc.integer({ min, max }).map((ms) => new Date(ms).toISOString());
  const threshold: fc.Arbitrary<WarningThreshold> = fc.oneof(
    fc.integer({ min: 1, max: 99 }).map((percentOfTime) => ({ percentOfTime })),
    fc.integer({ min: 1, max: 60 }).map((businessDaysBefore) => ({ businessDaysBefore })),
  );
  const reminders: fc.Arbitrary<ReminderSettings> = fc.record({
    warnings: fc.uniqueArray(threshold, {
      minLength: 1,
      maxLength: 10,
      selector: (warning) => JSON.stringify(warning),
    }),
    escalation: fc.option(fc.integer({ min: 1, max: 60 }).map((businessDaysOverdue) => ({ businessDaysOverdue }))),
  });

  it('every plan to the edge of the domain stays within its step bound', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 3 }),
        instant(now - 30 * 86_400_000, now),
        instant(now, edge),
        fc.integer({ min: -60, max: 260 }).filter((days) => days !== 0),
        fc.double({ min: 0, max: 1, noNaN: true }),
        reminders,
        (pick, createdAt, deadline, businessDays, fraction, settings) => {
          // Prepare
          const loaded = calendars[pick];
          if (!loaded) throw new Error('calendars not loaded');
          const { calendar, lookups } = counted(loaded);
          const [add, time] = [{ steps: 0 }, { steps: 0 }];

          // Act
          addWorkingDays(calendar, deadline, businessDays, add);
          workingTimeAt(calendar, createdAt, deadline, fraction, time);
          const { steps } = planFor(calendar, settings, createdAt, deadline);

          // Assess: counted (not zero), and within the bound however far the deadline.
          expect(add.steps).toBeGreaterThan(0);
          expect(add.steps).toBeLessThanOrEqual(ADD_STEPS);
          expect(time.steps).toBeGreaterThan(0);
          expect(time.steps).toBeLessThanOrEqual(WORKING_TIME_STEPS);
          expect(steps).toBeLessThanOrEqual(PLAN_STEPS);
          expect(lookups.count).toBeLessThanOrEqual(PLAN_LOOKUPS);
        },
      ),
      { seed: 15, numRuns: 300 },
    );
  }, 60_000);

  it('a DK plan with a deadline at the domain edge: bounded steps and look-ups, same points as the walk', () => {
    // Prepare: a task created now, due at the farthest deadline the domain allows, with percentage and
    // business-day warnings and the longest escalation.
    const dk = calendars[0];
    if (!dk) throw new Error('calendars not loaded');
    const { calendar, lookups } = counted(dk);
    const [createdAt, deadline] = [new Date(now).toISOString(), new Date(edge).toISOString()];
    const settings: ReminderSettings = {
      warnings: [{ percentOfTime: 25 }, { percentOfTime: 50 }, { percentOfTime: 90 }, { businessDaysBefore: 60 }],
      escalation: { businessDaysOverdue: 60 },
    };
    const walked = { steps: 0 };

    // Act
    const { plan, steps } = planFor(calendar, settings, createdAt, deadline);
    const expected = [
      walkWorkingTimeAt(dk, createdAt, deadline, 0.25, walked),
      walkWorkingTimeAt(dk, createdAt, deadline, 0.5),
      walkWorkingTimeAt(dk, createdAt, deadline, 0.9),
      walkAddWorkingDays(dk, deadline, -60).toISOString(),
    ];

    // Assess: the walk took a step per day; the plan a few per year and threshold.
    expect(walked.steps).toBeGreaterThan(3_600);
    expect(steps).toBeLessThanOrEqual(PLAN_STEPS);
    expect(lookups.count).toBeLessThanOrEqual(PLAN_LOOKUPS);
    expect(plan.map((point) => point.at)).toEqual([
      ...expected,
      deadline,
      walkAddWorkingDays(dk, deadline, 60).toISOString(),
    ]);
  }, 60_000);
});
