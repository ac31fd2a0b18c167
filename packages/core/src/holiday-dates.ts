// Public holidays materialised as dates (issue 17): the form an org's settings item and the deployment's
// environment carry, read without date-holidays so no hot-path bundle needs it (@casetasks/core/holidays makes them).
import * as z from 'zod';
import { EARLIEST_INSTANT, latestInstant } from './input-domain.js';

/** A range of calendar years, both ends included. */
export interface HolidayYears {
  fromYear: number;
  throughYear: number;
}

/**
 * The years materialised holidays must cover at `now`: every local day the input domain can reach, so a
 * calendar built from them answers exactly as date-holidays would. That is the domain's years
 * (2000 … now + 10 years) plus one year either side: a local day west of UTC starts in 1999, and warnings
 * and escalations count business days back before a deadline or past the last one.
 */
export const holidayYearsNeeded = (now: number = Date.now()): HolidayYears => ({
  fromYear: Number(EARLIEST_INSTANT.slice(0, 4)) - 1,
  throughYear: new Date(latestInstant(now)).getUTCFullYear() + 1,
});

/** Does `held` cover every year of `needed`? */
export const coversYears = (held: HolidayYears, needed: HolidayYears): boolean =>
  held.fromYear <= needed.fromYear && held.throughYear >= needed.throughYear;

export const countryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. DK');

// ---- the compact day list ------------------------------------------------------------------------------
//
// `YYYY:MMDD,MMDD;YYYY:;YYYY:MMDD…`: every year of a range in ascending order, each with its holidays'
// month and day ascending (a year may list none). About 5 bytes per holiday: DK's 41 years are ~2.2 KB,
// the largest country's ~5.5 KB; a readable string rather than epoch numbers, so ops can check it by eye.

const YEAR_GROUP = /^(\d{4}):((?:\d{4}(?:,\d{4})*)?)$/;

/** Public holiday dates (YYYY-MM-DD, ascending) by year. */
export type HolidaysByYear = ReadonlyMap<number, readonly string[]>;

const isRealDate = (day: string): boolean => {
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
};

/** Problems of a day list, by position; empty when it is well-formed. */
const problemsOf = (text: string): string[] => {
  const problems: string[] = [];
  let previousYear: number | undefined;
  for (const [index, group] of text.split(';').entries()) {
    const match = YEAR_GROUP.exec(group);
    if (!match) {
      problems.push(`group ${index + 1} is not YYYY:MMDD,MMDD…`);
      continue;
    }
    const year = Number(match[1]);
    if (previousYear !== undefined && year !== previousYear + 1) {
      problems.push(`${year} does not follow ${previousYear}`);
    }
    previousYear = year;
    const days = match[2] ? match[2].split(',') : [];
    days.forEach((monthDay, at) => {
      const day = `${year}-${monthDay.slice(0, 2)}-${monthDay.slice(2)}`;
      if (!isRealDate(day)) problems.push(`${day} is not a date`);
      const before = days[at - 1];
      if (before !== undefined && before >= monthDay) problems.push(`${day} is out of order or repeated`);
    });
  }
  return problems;
};

/** A well-formed day list's dates by year. */
const datesOf = (text: string): HolidaysByYear => {
  const byYear = new Map<number, string[]>();
  for (const group of text.split(';')) {
    const [year = '', days = ''] = group.split(':');
    byYear.set(
      Number(year),
      days ? days.split(',').map((monthDay) => `${year}-${monthDay.slice(0, 2)}-${monthDay.slice(2)}`) : [],
    );
  }
  return byYear;
};

/** A day list read once: its problems, and its dates when it has none. */
interface ReadDayList {
  problems: readonly string[];
  byYear?: HolidaysByYear;
}

/**
 * Day lists already read, by their text. Every settings read validates an org's list and every policy lookup
 * decodes it (~0.5 ms each for DK's ~2.3 KB), yet the outcome depends on the text alone and a process meets
 * few distinct lists (a country, a date-holidays release and a range each). Bounded: cleared when it passes
 * MAX_READ_DAY_LISTS, so odd lists (hand-edited items) cannot make it grow for the life of the process.
 */
const readDayLists = new Map<string, ReadDayList>();
const MAX_READ_DAY_LISTS = 256;

const readDayList = (text: string): ReadDayList => {
  let read = readDayLists.get(text);
  if (!read) {
    const problems = problemsOf(text);
    read = problems.length > 0 ? { problems } : { problems, byYear: datesOf(text) };
    if (readDayLists.size >= MAX_READ_DAY_LISTS) readDayLists.clear();
    readDayLists.set(text, read);
  }
  return read;
};

/** A day list as stored and deployed (see above): consecutive years, real dates, ascending. */
export const holidayDaysSchema = z
  .string()
  .min(6)
  .superRefine((text, ctx) => {
    for (const message of readDayList(text).problems.slice(0, 3)) ctx.addIssue({ code: 'custom', message });
  });

/** The day list of `byYear` over `years` (years without an entry list no holidays). */
export const encodeHolidayDays = (byYear: HolidaysByYear, years: HolidayYears): string => {
  const groups: string[] = [];
  for (let year = years.fromYear; year <= years.throughYear; year += 1) {
    const days = [...new Set(byYear.get(year) ?? [])].sort();
    groups.push(`${year}:${days.map((day) => day.slice(5, 7) + day.slice(8, 10)).join(',')}`);
  }
  return groups.join(';');
};

/** The years a (well-formed) day list covers. */
export const yearsOfHolidayDays = (text: string): HolidayYears => ({
  fromYear: Number(text.slice(0, 4)),
  throughYear: Number(text.slice(text.lastIndexOf(';') + 1, text.lastIndexOf(';') + 5)),
});

/**
 * The dates of a day list by year; throws on a malformed list (parse it with holidayDaysSchema first).
 * The same text gives the same (shared, read-only) map.
 */
export const decodeHolidayDays = (text: string): HolidaysByYear => {
  const { problems, byYear } = readDayList(text);
  if (!byYear) throw new Error(`malformed holiday day list: ${problems.slice(0, 3).join('; ')}`);
  return byYear;
};

// ---- an org's materialised holidays --------------------------------------------------------------------

/**
 * A country's public holidays as the settings item stores them (attribute `holidays`, beside `calendar`).
 * `format` versions this shape; `source` names the date-holidays release that computed the days, so the
 * calendar-refresh job recomputes them after an upgrade.
 */
export const materialisedHolidaysSchema = z
  .strictObject({
    format: z.literal(1),
    country: countryCodeSchema,
    source: z.string().min(1).max(100),
    fromYear: z.number().int(),
    throughYear: z.number().int(),
    days: holidayDaysSchema,
  })
  .superRefine((holidays, ctx) => {
    const held = yearsOfHolidayDays(holidays.days);
    if (held.fromYear !== holidays.fromYear || held.throughYear !== holidays.throughYear) {
      ctx.addIssue({
        code: 'custom',
        path: ['days'],
        message: `lists ${held.fromYear}–${held.throughYear}, not ${holidays.fromYear}–${holidays.throughYear}`,
      });
    }
  });
export type MaterialisedHolidays = z.infer<typeof materialisedHolidaysSchema>;
