// The day lists read once by their text: a settings read or policy lookup that meets a known list neither
// validates nor decodes it again, yet a malformed list is refused every time and the memory stays bounded.
import { describe, expect, it } from 'vitest';
import { decodeHolidayDays, holidayDaysSchema, materialisedHolidaysSchema } from './holiday-dates.js';

/** A well-formed list of one year per call, distinct for each `year`. */
const listOf = (year: number) => `${year}:0101,1225`;

describe('day lists read once', () => {
  it('the same text decodes to the same read-only map, equal to a fresh read', () => {
    // Prepare: a copy of the text, as each DynamoDB read gives a new string.
    const text = '2030:0101,1225;2031:;2032:0229';
    const copy = [...text].join('');

    // Act
    const first = decodeHolidayDays(text);
    const again = decodeHolidayDays(copy);

    // Assess
    expect(again).toBe(first);
    expect(first).toEqual(
      new Map([
        [2030, ['2030-01-01', '2030-12-25']],
        [2031, []],
        [2032, ['2032-02-29']],
      ]),
    );
  });

  it('a malformed list is refused on every read, not only the first', () => {
    const text = '2030:0101;2032:0101';

    const reads = [1, 2, 3].map(() => holidayDaysSchema.safeParse(text));
    const stored = materialisedHolidaysSchema.safeParse({
      format: 1,
      country: 'DK',
      source: 'date-holidays 0.0.0',
      fromYear: 2030,
      throughYear: 2032,
      days: text,
    });

    expect(reads.map((read) => read.error?.issues[0]?.message)).toEqual(Array(3).fill('2032 does not follow 2030'));
    expect(stored.success).toBe(false);
    expect(() => decodeHolidayDays(text)).toThrow(/2032 does not follow 2030/);
    expect(() => decodeHolidayDays(text)).toThrow(/2032 does not follow 2030/);
  });

  it('is bounded: after many other lists, a list is read afresh (and still right)', () => {
    const first = decodeHolidayDays(listOf(1000));

    for (let year = 1001; year < 1001 + 300; year += 1) decodeHolidayDays(listOf(year));
    const later = decodeHolidayDays(listOf(1000));

    expect(later).not.toBe(first);
    expect(later).toEqual(new Map([[1000, ['1000-01-01', '1000-12-25']]]));
  });
});
