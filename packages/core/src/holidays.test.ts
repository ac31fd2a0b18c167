// Issue 17: public holidays materialised as dates answer exactly as date-holidays did, over the whole input domain.
import Holidays from 'date-holidays';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  buildCalendar,
  type Calendar,
  type HolidayGap,
  InvalidCalendarError,
  isWorkingDay,
  weekendCalendar,
  workingTimeAt,
} from './calendar.js';
import { DAY_MS, dayStringOf, epochDayOf, yearOfEpochDay } from './calendar-days.js';
import {
  decodeHolidayDays,
  encodeHolidayDays,
  holidayDaysSchema,
  holidayYearsNeeded,
  type MaterialisedHolidays,
  materialisedHolidaysSchema,
} from './holiday-dates.js';
import {
  countryCalendar,
  HOLIDAY_SOURCE,
  isKnownCountry,
  materialiseHolidays,
  publicHolidayDates,
} from './holidays.js';
import { EARLIEST_INSTANT, latestInstant } from './input-domain.js';
import { orgCalendarSource } from './org-settings.js';

const now = Date.parse('2026-11-28T12:00:00.000Z');
const years = holidayYearsNeeded(now);

/** The calendar as core built it before issue 17: date-holidays asked lazily, year by year, in-process. */
const dateHolidaysCalendar = (timeZone: string, country: string, closedDays: string[] = []): Calendar => {
  const base = weekendCalendar(timeZone, closedDays);
  const holidays = new Holidays(country);
  const byYear = new Map<number, Set<string>>();
  const publicHolidays = (year: number) => {
    let days = byYear.get(year);
    if (!days) {
      days = new Set(
        holidays
          .getHolidays(year)
          .filter((holiday) => holiday.type === 'public')
          .map((holiday) => holiday.date.slice(0, 10)),
      );
      byYear.set(year, days);
    }
    return days;
  };
  return {
    timeZone,
    isHoliday: (day) => base.isHoliday(day) || publicHolidays(Number(day.slice(0, 4))).has(day),
    closedWeekdays: (year) =>
      [
        ...new Set([
          ...base.closedWeekdays(year),
          ...[...publicHolidays(year)]
            .map(epochDayOf)
            .filter((day) => yearOfEpochDay(day) === year && ![0, 6].includes(new Date(day * DAY_MS).getUTCDay())),
        ]),
      ].sort((a, b) => a - b),
    hasHolidays: true,
    description: `${timeZone}, public holidays of ${country}`,
  };
};

describe('the years materialised', () => {
  it('cover every local day the input domain reaches, in any zone, with business days either side', () => {
    // Prepare: instants anywhere in [2000-01-01, now + 10 years], read in the zones furthest from UTC.
    const instant = fc.integer({ min: Date.parse(EARLIEST_INSTANT), max: Date.parse(latestInstant(now)) });
    const zone = fc.constantFrom('Pacific/Kiritimati', 'Etc/GMT+12', 'America/New_York', 'UTC');

    fc.assert(
      fc.property(instant, zone, fc.integer({ min: -60, max: 260 }), (at, timeZone, amount) => {
        // Act: 60 business days before (the longest warning) or past (escalation, a 260-day manual task).
        const reached = addWorkingDays(weekendCalendar(timeZone), new Date(at), amount);
        const localYear = Number(
          new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(reached).slice(0, 4),
        );

        // Assess
        expect(localYear).toBeGreaterThanOrEqual(years.fromYear);
        expect(localYear).toBeLessThanOrEqual(years.throughYear);
      }),
      { seed: 17, numRuns: 2000 },
    );
    expect(years).toEqual({ fromYear: 1999, throughYear: 2037 });
  });
});

describe('the day list', () => {
  it('round-trips, every year listed even without holidays', () => {
    const byYear = new Map([
      [2026, ['2026-12-25', '2026-01-01']],
      [2028, ['2028-02-29']],
    ]);

    const text = encodeHolidayDays(byYear, { fromYear: 2026, throughYear: 2028 });

    expect(text).toBe('2026:0101,1225;2027:;2028:0229');
    expect(holidayDaysSchema.safeParse(text).success).toBe(true);
    expect(decodeHolidayDays(text)).toEqual(
      new Map([
        [2026, ['2026-01-01', '2026-12-25']],
        [2027, []],
        [2028, ['2028-02-29']],
      ]),
    );
  });

  it.each([
    ['a gap between years', '2026:0101;2028:0101', /2028 does not follow 2026/],
    ['a day that does not exist', '2027:0229', /2027-02-29 is not a date/],
    ['days out of order', '2026:1225,0101', /out of order/],
    ['a repeated day', '2026:0101,0101', /repeated/],
    ['a malformed group', '2026-01-01', /group 1/],
  ])('refuses %s, saying what is wrong', (_, text, message) => {
    const parsed = holidayDaysSchema.safeParse(text);

    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(message);
    expect(() => decodeHolidayDays(text)).toThrow(message);
  });

  it('the stored shape must list exactly the years it names', () => {
    const dk = materialiseHolidays('DK', years);

    const shifted = materialisedHolidaysSchema.safeParse({ ...dk, throughYear: dk.throughYear + 1 });

    expect(materialisedHolidaysSchema.parse(dk)).toEqual(dk);
    expect(dk).toMatchObject({ format: 1, country: 'DK', source: HOLIDAY_SOURCE, fromYear: 1999, throughYear: 2037 });
    expect(shifted.error?.issues.map((issue) => issue.path)).toEqual([['days']]);
    // A few KB in the settings item: DK's 39 years.
    expect(dk.days.length).toBeLessThan(2_500);
  });
});

describe('materialised calendars answer as date-holidays did', () => {
  // Prepare: the markets the product meets, the countries with the most public holidays, and a few more.
  const countries = ['DK', 'US', 'GB', 'DE', 'SE', 'AU', 'IR', 'VA', 'CN', 'JP', 'BR', 'IN'];

  it.each(countries)(
    '%s: every day of the materialised years is closed exactly when it was',
    (country) => {
      const materialised = countryCalendar({ timeZone: 'UTC', country }, years);
      const reference = dateHolidaysCalendar('UTC', country);

      const differing: string[] = [];
      for (let day = epochDayOf(`${years.fromYear}-01-01`); day <= epochDayOf(`${years.throughYear}-12-31`); day += 1) {
        const date = dayStringOf(day);
        if (materialised.isHoliday(date) !== reference.isHoliday(date)) differing.push(date);
      }
      for (let year = years.fromYear; year <= years.throughYear; year += 1) {
        expect(materialised.closedWeekdays(year)).toEqual(reference.closedWeekdays(year));
      }

      expect(differing).toEqual([]);
      // CPU-bound (date-holidays answers ~14,000 days): CN took 5.3 s on a loaded 2-core CI machine.
    },
    30_000,
  );

  it('deadlines, warning points and working days: random countries, zones, closed days and instants', () => {
    // Prepare: one of date-holidays' countries, in a zone of its own or another, from the stored item's form.
    const all = Object.keys(new Holidays().getCountries());
    const zones = ['Europe/Copenhagen', 'America/New_York', 'Australia/Sydney', 'Asia/Tehran', 'UTC'];
    const stored = new Map<string, MaterialisedHolidays>();
    const built = new Map<string, [Calendar, Calendar]>();
    const calendarsOf = (country: string, timeZone: string, closedDays: string[]): [Calendar, Calendar] => {
      const key = `${country}|${timeZone}|${closedDays.join()}`;
      let pair = built.get(key);
      if (!pair) {
        const holidays = stored.get(country) ?? materialiseHolidays(country, years);
        stored.set(country, holidays);
        const source = orgCalendarSource({ timeZone, country, closedDays }, holidays);
        pair = [buildCalendar(source), dateHolidaysCalendar(timeZone, country, closedDays)];
        built.set(key, pair);
      }
      return pair;
    };
    const instant = fc.integer({ min: Date.parse(EARLIEST_INSTANT), max: Date.parse(latestInstant(now)) });

    fc.assert(
      fc.property(
        // Every fifth of the 207 countries keeps the run short; the list is alphabetical, so all regions appear.
        fc.constantFrom(...all.filter((_, index) => index % 5 === 0)),
        fc.constantFrom(...zones),
        fc.constantFrom<string[]>([], ['2026-12-24', '2027-01-01', '2030-05-02']),
        instant,
        fc.integer({ min: -60, max: 260 }),
        fc.integer({ min: 1, max: 99 }),
        (country, timeZone, closedDays, at, amount, percent) => {
          const [materialised, reference] = calendarsOf(country, timeZone, closedDays);
          const from = new Date(at);

          // Act
          const deadline = addWorkingDays(materialised, from, amount);
          const [start, end] = amount > 0 ? [from, deadline] : [deadline, from];

          // Assess
          expect(deadline.toISOString()).toBe(addWorkingDays(reference, from, amount).toISOString());
          expect(isWorkingDay(materialised, deadline)).toBe(isWorkingDay(reference, deadline));
          expect(workingTimeAt(materialised, start.toISOString(), end.toISOString(), percent / 100)).toBe(
            workingTimeAt(reference, start.toISOString(), end.toISOString(), percent / 100),
          );
        },
      ),
      { seed: 17, numRuns: 400 },
    );
  }, 120_000);
});

describe('gaps and bad input', () => {
  it('a year outside the materialised range counts weekends and closed days only, reported once', () => {
    // Prepare: DK materialised for 2026 only; 2027 is missing.
    const gaps: HolidayGap[] = [];
    const calendar = buildCalendar(
      {
        timeZone: 'Europe/Copenhagen',
        country: 'DK',
        closedDays: ['2027-01-04'],
        holidays: publicHolidayDates('DK', { fromYear: 2026, throughYear: 2026 }),
      },
      (gap) => gaps.push(gap),
    );

    // Act: Thu 31 Dec 2026 + 1 → 1 Jan 2027 is Nytårsdag, but 2027 is not materialised; Mon 4 Jan is closed.
    const intoUncovered = addWorkingDays(calendar, '2026-12-31T09:00:00.000Z', 1);
    addWorkingDays(calendar, '2027-03-01T09:00:00.000Z', 5);

    // Assess
    expect(intoUncovered.toISOString()).toBe('2027-01-01T09:00:00.000Z');
    expect(calendar.isHoliday('2026-12-25')).toBe(true);
    expect(addWorkingDays(calendar, '2027-01-01T09:00:00.000Z', 1).toISOString()).toBe('2027-01-05T09:00:00.000Z');
    expect(gaps).toEqual([{ reason: 'yearNotCovered', country: 'DK', year: 2027 }]);
  });

  it('a country calendar without materialised dates is weekends and closed days, reported', () => {
    const gaps: HolidayGap[] = [];

    const calendar = buildCalendar(
      orgCalendarSource({ timeZone: 'UTC', country: 'DK', closedDays: [] }, materialiseHolidays('SE', years)),
      (gap) => gaps.push(gap),
    );

    expect(calendar.isHoliday('2026-12-25')).toBe(false);
    expect(gaps).toEqual([{ reason: 'notMaterialised', country: 'DK' }]);
  });

  it('an unknown country is an InvalidCalendarError naming `country`', () => {
    expect(isKnownCountry('DK')).toBe(true);
    expect(isKnownCountry('QQ')).toBe(false);
    expect(isKnownCountry('dk')).toBe(false);
    expect(() => materialiseHolidays('QQ', years)).toThrow(InvalidCalendarError);
    expect(() => materialiseHolidays('QQ', years)).toThrow(expect.objectContaining({ field: 'country' }));
  });
});
