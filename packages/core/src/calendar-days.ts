// Local calendar days as numbers, so business-day arithmetic skips whole weeks instead of walking day by
// day (issue 15): its work is bounded by the years and closed days in range, not by the distance.
import { TZDate, tzOffset } from '@date-fns/tz';

export const DAY_MS = 86_400_000;

/**
 * Counts the steps of calendar arithmetic (years visited, correction rounds, search probes), so tests
 * can pin its cost without a clock. Optional everywhere: production code passes none.
 */
export interface StepCounter {
  steps: number;
}

export const countStep = (counter: StepCounter | undefined): void => {
  if (counter) counter.steps += 1;
};

/** Days since 1970-01-01 of a calendar date (year, 0-based month, day); years below 100 stay themselves. */
const epochDayFromParts = (year: number, month: number, day: number): number =>
  new Date(0).setUTCFullYear(year, month, day) / DAY_MS;

/** Days since 1970-01-01 of a YYYY-MM-DD date; NaN for anything that is not a real date (2026-02-30). */
export const epochDayOf = (day: string): number => {
  const epochDay = Date.parse(`${day}T00:00:00Z`) / DAY_MS;
  return Number.isInteger(epochDay) && dayStringOf(epochDay) === day ? epochDay : Number.NaN;
};

export const dayStringOf = (epochDay: number): string => new Date(epochDay * DAY_MS).toISOString().slice(0, 10);

export const yearOfEpochDay = (epochDay: number): number => new Date(epochDay * DAY_MS).getUTCFullYear();

// Weekday arithmetic counts from a Monday (1970-01-05): `weekdaysBefore` is a prefix count, `weekdayAt`
// its inverse, so whole weeks are 5 weekdays per 7 days and never walked.
const ANCHOR_MONDAY = 4;

const weekdaysBefore = (epochDay: number): number => {
  const offset = epochDay - ANCHOR_MONDAY;
  const weeks = Math.floor(offset / 7);
  return 5 * weeks + Math.min(offset - 7 * weeks, 5);
};

const weekdayAt = (index: number): number => {
  const weeks = Math.floor(index / 5);
  return ANCHOR_MONDAY + 7 * weeks + (index - 5 * weeks);
};

export const isWeekday = (epochDay: number): boolean => (((epochDay - ANCHOR_MONDAY) % 7) + 7) % 7 < 5;

/** Weekdays (Monday to Friday) among the days [first, last]. */
export const weekdaysBetween = (first: number, last: number): number =>
  first > last ? 0 : weekdaysBefore(last + 1) - weekdaysBefore(first);

/** The `count`-th weekday after `epochDay` (count > 0) or before it (count < 0). */
export const addWeekdays = (epochDay: number, count: number): number =>
  count > 0 ? weekdayAt(weekdaysBefore(epochDay + 1) + count - 1) : weekdayAt(weekdaysBefore(epochDay) + count);

/** Index of the first element of the ascending `sorted` that is ≥ `value`. */
const lowerBound = (sorted: readonly number[], value: number): number => {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? Number.POSITIVE_INFINITY) < value) low = middle + 1;
    else high = middle;
  }
  return low;
};

/** How many elements of the ascending `sorted` lie in [first, last]. */
export const countBetween = (sorted: readonly number[], first: number, last: number): number =>
  first > last ? 0 : lowerBound(sorted, last + 1) - lowerBound(sorted, first);

/** The calendar day a zoned date shows. */
export const epochDayOfLocal = (local: TZDate): number =>
  epochDayFromParts(local.getFullYear(), local.getMonth(), local.getDate());

/** The local calendar day of an instant in a zone. */
export const localEpochDay = (timeZone: string, at: number): number => epochDayOfLocal(new TZDate(at, timeZone));

/** The first instant of a local day: its midnight, or the end of a DST gap that swallows midnight. */
export const localDayStart = (timeZone: string, epochDay: number): number => {
  const date = new Date(epochDay * DAY_MS);
  return new TZDate(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), timeZone).getTime();
};

/** A local day that is not 24 hours long (a DST change): `extraMs` = its length − 24 h. */
export interface IrregularDay {
  epochDay: number;
  extraMs: number;
}

const irregularDaysByZone = new Map<string, Map<number, readonly IrregularDay[]>>();

/**
 * The irregular days of a year in a zone, ascending. The UTC offset is sampled weekly (cheap) and only
 * the days around a week whose offset changed are measured, so two changes that cancel out within one
 * week would be missed: no IANA zone has those. Memoized per process like the public holidays.
 */
export const irregularDaysOf = (timeZone: string, year: number): readonly IrregularDay[] => {
  let byYear = irregularDaysByZone.get(timeZone);
  if (!byYear) {
    byYear = new Map();
    irregularDaysByZone.set(timeZone, byYear);
  }
  const known = byYear.get(year);
  if (known) return known;
  const [first, end] = [epochDayFromParts(year, 0, 1), epochDayFromParts(year + 1, 0, 1)];
  const extraByDay = new Map<number, number>();
  // Samples at UTC midnights from a day before the year to a day after it: a local day lies within a
  // day of its UTC namesake, so measuring one day either side of a changed week catches its change.
  for (let week = first - 1; week <= end; week += 7) {
    const weekEnd = Math.min(week + 7, end + 1);
    if (tzOffset(timeZone, new Date(week * DAY_MS)) === tzOffset(timeZone, new Date(weekEnd * DAY_MS))) continue;
    let dayStart = localDayStart(timeZone, Math.max(week - 1, first));
    for (let day = Math.max(week - 1, first); day < Math.min(weekEnd + 1, end); day += 1) {
      const nextStart = localDayStart(timeZone, day + 1);
      if (nextStart - dayStart !== DAY_MS) extraByDay.set(day, nextStart - dayStart - DAY_MS);
      dayStart = nextStart;
    }
  }
  const days = [...extraByDay]
    .map(([epochDay, extraMs]) => ({ epochDay, extraMs }))
    .sort((a, b) => a.epochDay - b.epochDay);
  byYear.set(year, days);
  return days;
};
