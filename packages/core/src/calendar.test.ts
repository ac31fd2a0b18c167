import { TZDate } from '@date-fns/tz';
import { addBusinessDays } from 'date-fns';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  type Calendar,
  deadlineAfter,
  localMonth,
  utcCalendar,
  weekendCalendar,
  workingTimeAt,
} from './calendar.js';
import { DAY_MS, dayStringOf, epochDayOf, localDayStart } from './calendar-days.js';
import { walkAddWorkingDays, walkWorkingTimeAt } from './calendar-walk.test-helper.js';
import { countryCalendar } from './holidays.js';

describe('business-day deadlines (UTC)', () => {
  it.each([
    ['Friday + 2 → Tuesday, same time', '2026-11-20T10:00:00.000Z', 2, '2026-11-24T10:00:00.000Z'],
    ['Friday + 7 → Tuesday week after', '2026-11-20T10:00:00.000Z', 7, '2026-12-01T10:00:00.000Z'],
    ['Saturday + 1 counts from Monday', '2026-11-21T09:00:00.000Z', 1, '2026-11-23T09:00:00.000Z'],
    ['Sunday + 5 → Friday', '2026-11-22T09:00:00.000Z', 5, '2026-11-27T09:00:00.000Z'],
    ['month boundary', '2026-11-27T08:00:00.000Z', 3, '2026-12-02T08:00:00.000Z'],
    ['year boundary', '2026-12-30T23:00:00.000Z', 3, '2027-01-04T23:00:00.000Z'],
    ['14 business days', '2026-11-23T12:00:00.000Z', 14, '2026-12-11T12:00:00.000Z'],
    ['minus 3 business days (reminder point)', '2026-12-01T10:00:00.000Z', -3, '2026-11-26T10:00:00.000Z'],
  ])('%s', (_, from, days, expected) => {
    expect(deadlineAfter(utcCalendar, from, days)).toBe(expected);
  });
});

describe('business-day deadlines in a DST time zone (Europe/Copenhagen)', () => {
  const copenhagen = weekendCalendar('Europe/Copenhagen');

  it('keeps the local time of day across the autumn DST change', () => {
    // Fri 23 Oct 2026 10:00 CEST (08:00Z) + 2 BD = Tue 27 Oct 10:00 CET (09:00Z).
    expect(deadlineAfter(copenhagen, '2026-10-23T08:00:00.000Z', 2)).toBe('2026-10-27T09:00:00.000Z');
  });

  it('decides the weekday in local time, not UTC', () => {
    // Fri 23:30Z is already Saturday 01:30 in Copenhagen: counting starts Monday.
    expect(deadlineAfter(copenhagen, '2026-10-23T23:30:00.000Z', 1)).toBe('2026-10-26T00:30:00.000Z');
    expect(deadlineAfter(utcCalendar, '2026-10-23T23:30:00.000Z', 1)).toBe('2026-10-26T23:30:00.000Z');
  });

  it('spring DST change keeps wall-clock time', () => {
    // Fri 27 Mar 2026 09:00 CET (08:00Z) + 1 BD = Mon 30 Mar 09:00 CEST (07:00Z).
    expect(deadlineAfter(copenhagen, '2026-03-27T08:00:00.000Z', 1)).toBe('2026-03-30T07:00:00.000Z');
  });

  it('months are local months', () => {
    expect(localMonth(copenhagen, '2026-10-31T23:30:00.000Z')).toBe('2026-11');
    expect(localMonth(utcCalendar, '2026-10-31T23:30:00.000Z')).toBe('2026-10');
  });
});

describe('public holidays (optional, off by default)', () => {
  it('off: Christmas counts as a business day', () => {
    const calendar = weekendCalendar('Europe/Copenhagen');
    expect(deadlineAfter(calendar, '2026-12-23T09:00:00.000Z', 2)).toBe('2026-12-25T09:00:00.000Z');
  });

  it('on (DK): Christmas Day is skipped', () => {
    const calendar = countryCalendar({ timeZone: 'Europe/Copenhagen', country: 'DK' });
    expect(calendar.isHoliday('2026-12-25')).toBe(true);
    // Christmas Eve is not a public holiday in DK's data (only an observance).
    expect(calendar.isHoliday('2026-12-24')).toBe(false);
    // Wed 23 Dec + 2: Thu 24 is day 1, Fri 25 (holiday) and the weekend are skipped, Mon 28 is day 2.
    expect(deadlineAfter(calendar, '2026-12-23T09:00:00.000Z', 2)).toBe('2026-12-28T09:00:00.000Z');
    // New Year's Day 2027 is a Friday: Thu 31 Dec + 1 → Mon 4 Jan.
    expect(deadlineAfter(calendar, '2026-12-31T09:00:00.000Z', 1)).toBe('2027-01-04T09:00:00.000Z');
  });

  it('extra closed days work without a country', () => {
    const calendar = weekendCalendar('UTC', ['2026-11-23']);
    expect(deadlineAfter(calendar, '2026-11-20T10:00:00.000Z', 1)).toBe('2026-11-24T10:00:00.000Z');
  });

  it('rejects unknown zones and countries', () => {
    expect(() => weekendCalendar('Mars/Olympus')).toThrow(/time zone/);
    expect(() => countryCalendar({ timeZone: 'UTC', country: 'QQ' })).toThrow(/country/);
  });

  it.each(['UTC', 'Europe/Copenhagen', 'America/New_York'])(
    'the walk has date-fns addBusinessDays semantics in %s',
    (timeZone) => {
      const calendar = weekendCalendar(timeZone);
      fc.assert(
        fc.property(
          fc.date({ min: new Date('2025-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }),
          fc.integer({ min: -30, max: 30 }),
          (from, days) => {
            const expected = addBusinessDays(new TZDate(from.getTime(), timeZone), days);
            expect(addWorkingDays(calendar, from, days).toISOString()).toBe(new Date(expected.getTime()).toISOString());
          },
        ),
        { numRuns: 1000 },
      );
    },
  );

  it('keeps local time when the walk crosses the spring-forward gap', () => {
    // Wed 29 Apr 2026 02:00 CEST − 23 BD = Fri 27 Mar 02:00 CET (01:00Z), passing Sun 29 Mar 02:00, which does not exist.
    const copenhagen = weekendCalendar('Europe/Copenhagen');
    expect(addWorkingDays(copenhagen, '2026-04-29T00:00:00.000Z', -23).toISOString()).toBe('2026-03-27T01:00:00.000Z');
  });
});

describe('the bounded arithmetic keeps the old day walk exactly (issue 15)', () => {
  // Prepare: the zones the product meets, each weekends-only with random closed days or with its
  // country's public holidays (with and without extra closed days, some on weekends or on a holiday).
  const zones = ['Europe/Copenhagen', 'America/New_York', 'UTC', 'Australia/Sydney'] as const;
  const countryOf = { 'Europe/Copenhagen': 'DK', 'America/New_York': 'US', UTC: 'GB', 'Australia/Sydney': 'AU' };
  const fixedClosed = ['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01', '2027-07-14', '2028-02-29'];
  const countryCalendars: Calendar[] = [];
  beforeAll(() => {
    for (const timeZone of zones) {
      const country = countryOf[timeZone];
      countryCalendars.push(countryCalendar({ timeZone, country }));
      countryCalendars.push(countryCalendar({ timeZone, country, closedDays: fixedClosed }));
    }
  });

  const firstDay = epochDayOf('2025-01-01');
  const lastDay = epochDayOf('2032-12-31');
  // Instants near the DST changes the walk must keep the local time across.
  const dstChanges = [
    '2026-03-29T01:00:00.000Z',
    '2026-10-25T01:00:00.000Z',
    '2026-03-08T07:00:00.000Z',
    '2026-11-01T06:00:00.000Z',
    '2026-04-04T16:00:00.000Z',
    '2026-10-03T16:00:00.000Z',
  ].map(Date.parse);
  const timeOfDay = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: DAY_MS - 1 }));
  const scenario = fc.record({
    calendar: fc.oneof(
      fc.record({ zone: fc.constantFrom(...zones), closedOffsets: fc.array(fc.integer({ min: -40, max: 500 })) }),
      fc.nat({ max: 2 * zones.length - 1 }),
    ),
    day: fc.integer({ min: firstDay, max: lastDay }),
    time: timeOfDay,
    nearDst: fc.option(
      fc.tuple(
        fc.constantFrom(...dstChanges),
        fc.integer({ min: -180, max: 180 }).map((minutes) => minutes * 60_000),
      ),
    ),
  });
  type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

  const setUp = ({ calendar, day, time, nearDst }: Scenario) => {
    const built =
      typeof calendar === 'number'
        ? (countryCalendars[calendar] ?? utcCalendar)
        : weekendCalendar(
            calendar.zone,
            calendar.closedOffsets.map((offset) => dayStringOf(day + offset)),
          );
    const from = nearDst ? nearDst[0] + nearDst[1] : localDayStart(built.timeZone, day) + time;
    return { calendar: built, from };
  };

  it('addWorkingDays: random zones, holidays, closed days, weekend and holiday starts, negative amounts', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: -60, max: 260 }), (input, amount) => {
        const { calendar, from } = setUp(input);

        const fast = addWorkingDays(calendar, new Date(from), amount);

        expect(fast.toISOString()).toBe(walkAddWorkingDays(calendar, new Date(from), amount).toISOString());
      }),
      { seed: 15, numRuns: 300 },
    );
  }, 120_000);

  const fraction = fc.oneof(
    fc.constantFrom(0, 1),
    fc.integer({ min: 1, max: 99 }).map((percent) => percent / 100),
    fc.double({ min: 0, max: 1, noNaN: true }),
  );

  it('workingTimeAt: partial days, ends at local midnight, DST days and empty ranges', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.oneof(fc.integer({ min: -2, max: 20 }), fc.integer({ min: -2, max: 400 })),
        timeOfDay,
        fraction,
        (input, endOffset, endTime, share) => {
          const { calendar, from } = setUp(input);
          const to = localDayStart(calendar.timeZone, input.day + endOffset) + endTime;
          const [start, end] = [new Date(from).toISOString(), new Date(to).toISOString()];

          const fast = workingTimeAt(calendar, start, end, share);

          expect(fast).toBe(walkWorkingTimeAt(calendar, start, end, share));
        },
      ),
      { seed: 15, numRuns: 200 },
    );
  }, 120_000);

  it('workingTimeAt across up to ten years', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 3000, max: 3700 }), fraction, (input, endOffset, share) => {
        const { calendar, from } = setUp(input);
        const [start, end] = [new Date(from).toISOString(), new Date(from + endOffset * DAY_MS).toISOString()];

        const fast = workingTimeAt(calendar, start, end, share);

        expect(fast).toBe(walkWorkingTimeAt(calendar, start, end, share));
      }),
      { seed: 15, numRuns: 8 },
    );
  }, 120_000);
});
