// The day-number arithmetic under the bounded calendar (issue 15), pinned to naive day-by-day counting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWeekdays,
  DAY_MS,
  dayStringOf,
  epochDayOf,
  irregularDaysOf,
  isWeekday,
  localDayStart,
  weekdaysBetween,
} from './calendar-days.js';

const mondayOf2026 = epochDayOf('2026-01-05');

describe('weekday arithmetic skips whole weeks exactly', () => {
  it('counts and adds weekdays as a day-by-day count does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: mondayOf2026 - 400, max: mondayOf2026 + 400 }),
        fc.integer({ min: -40, max: 40 }),
        (day, count) => {
          // Prepare: the naive answer, one day at a time.
          let [cursor, left] = [day, Math.abs(count)];
          while (left > 0) {
            cursor += Math.sign(count);
            if (isWeekday(cursor)) left -= 1;
          }
          const [first, last] = [Math.min(day, day + count), Math.max(day, day + count)];
          let weekdays = 0;
          for (let each = first; each <= last; each += 1) if (isWeekday(each)) weekdays += 1;

          // Act / Assess
          expect(count === 0 ? day : addWeekdays(day, count)).toBe(cursor);
          expect(weekdaysBetween(first, last)).toBe(weekdays);
        },
      ),
      { seed: 15, numRuns: 500 },
    );
  });

  it('knows Saturday and Sunday', () => {
    expect(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'].map((day) => isWeekday(epochDayOf(day)))).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });

  it('reads only real dates', () => {
    expect(dayStringOf(epochDayOf('2028-02-29'))).toBe('2028-02-29');
    expect(epochDayOf('2026-02-30')).toBeNaN();
    expect(epochDayOf('26-1-1')).toBeNaN();
  });
});

describe('irregular (DST) days', () => {
  it.each([
    'Europe/Copenhagen',
    'America/New_York',
    'Australia/Sydney',
    'America/Santiago',
    'Australia/Lord_Howe',
    'Africa/Casablanca',
    'UTC',
  ])('weekly sampling finds every day that is not 24 h long in %s', (timeZone) => {
    for (const year of [2026, 2027]) {
      // Prepare: every day of the year measured.
      const first = epochDayOf(`${year}-01-01`);
      const measured = [];
      for (let day = first; day < epochDayOf(`${year + 1}-01-01`); day += 1) {
        const extraMs = localDayStart(timeZone, day + 1) - localDayStart(timeZone, day) - DAY_MS;
        if (extraMs !== 0) measured.push({ epochDay: day, extraMs });
      }

      // Act
      const found = irregularDaysOf(timeZone, year);

      // Assess
      expect(found).toEqual(measured);
    }
  });

  it('Copenhagen loses an hour on the last Sunday of March and gains it back in October', () => {
    expect(irregularDaysOf('Europe/Copenhagen', 2026)).toEqual([
      { epochDay: epochDayOf('2026-03-29'), extraMs: -3_600_000 },
      { epochDay: epochDayOf('2026-10-25'), extraMs: 3_600_000 },
    ]);
  });
});
