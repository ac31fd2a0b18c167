// Business-day calendar: date-fns addBusinessDays semantics in an IANA time zone, with closed days and public
// holidays materialised as dates (date-holidays itself is only behind @casetasks/core/holidays).
import { TZDate } from '@date-fns/tz';
import { addDays, format, isWeekend } from 'date-fns';
import {
  addWeekdays,
  countBetween,
  countStep,
  DAY_MS,
  epochDayOf,
  epochDayOfLocal,
  irregularDaysOf,
  isWeekday,
  localDayStart,
  localEpochDay,
  type StepCounter,
  weekdaysBetween,
  yearOfEpochDay,
} from './calendar-days.js';
import { DomainError } from './errors.js';
import type { HolidaysByYear } from './holiday-dates.js';

export type { StepCounter } from './calendar-days.js';

export interface Calendar {
  readonly timeZone: string;
  /** True for a weekday that is nonetheless closed (holiday or extra closed day). */
  isHoliday(day: string): boolean;
  /**
   * The year's closed weekdays (holidays and closed days on Monday to Friday) as ascending epoch days
   * (days since 1970-01-01): what lets deadline arithmetic skip whole weeks instead of asking day by day.
   */
  closedWeekdays(year: number): readonly number[];
  readonly hasHolidays: boolean;
  readonly description: string;
}

export const isValidTimeZone = (timeZone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
};

/** An unknown time zone or country (400, names the setting). */
export class InvalidCalendarError extends DomainError {
  override readonly code = 'invalid_calendar';
}

/** Weekdays among `days` (YYYY-MM-DD) as ascending epoch days; weekend and invalid dates drop out. */
const weekdaysAmong = (days: Iterable<string>, alsoClosed: readonly number[] = []): number[] =>
  [...new Set([...alsoClosed, ...[...days].map(epochDayOf).filter(isWeekday)])].sort((a, b) => a - b);

const plainCalendar = (timeZone: string, closed: ReadonlySet<string>): Calendar => {
  const byYear = new Map<number, number[]>();
  for (const day of weekdaysAmong(closed)) {
    const year = yearOfEpochDay(day);
    const days = byYear.get(year) ?? [];
    days.push(day);
    byYear.set(year, days);
  }
  return {
    timeZone,
    isHoliday: (day) => closed.has(day),
    closedWeekdays: (year) => byYear.get(year) ?? [],
    hasHolidays: closed.size > 0,
    description: closed.size > 0 ? `${timeZone}, ${closed.size} closed days` : `${timeZone}, weekends only`,
  };
};

export const utcCalendar: Calendar = plainCalendar('UTC', new Set());

/** A calendar without public holidays: synchronous, no date-holidays in the bundle. */
export const weekendCalendar = (timeZone = 'UTC', closedDays: readonly string[] = []): Calendar => {
  if (!isValidTimeZone(timeZone)) throw new InvalidCalendarError(`unknown time zone ${timeZone}`, 'timeZone');
  return plainCalendar(timeZone, new Set(closedDays));
};

/** A calendar day's public holidays are missing: not materialised, or a year outside the materialised range. */
export type HolidayGap =
  | { reason: 'notMaterialised'; country: string }
  | { reason: 'yearNotCovered'; country: string; year: number };

/** What a calendar is built from: an org's settings with its materialised holidays, or the deployment's. */
export interface CalendarSource {
  timeZone: string;
  /** Extra closed days (YYYY-MM-DD), e.g. company holidays. */
  closedDays?: readonly string[];
  /** Country whose public holidays are closed days; null or absent = none. */
  country?: string | null;
  /** That country's public holidays as materialised (holiday-dates.ts); absent = not materialised. */
  holidays?: HolidaysByYear;
}

/**
 * A calendar from its source, synchronously and without date-holidays: public holidays come as
 * materialised dates. A country without them, or a year outside them, counts weekends and closed days
 * only; `onGap` hears of it (at most once per year and calendar) so the caller can log it.
 */
export const buildCalendar = (source: CalendarSource, onGap?: (gap: HolidayGap) => void): Calendar => {
  const base = weekendCalendar(source.timeZone, source.closedDays);
  const { country, holidays } = source;
  if (!country) return base;
  if (!holidays) {
    onGap?.({ reason: 'notMaterialised', country });
    return base;
  }
  const byYear = new Map<number, ReadonlySet<string>>();
  const publicHolidays = (year: number): ReadonlySet<string> => {
    let days = byYear.get(year);
    if (!days) {
      const listed = holidays.get(year);
      if (!listed) onGap?.({ reason: 'yearNotCovered', country, year });
      days = new Set(listed ?? []);
      byYear.set(year, days);
    }
    return days;
  };
  const closedByYear = new Map<number, readonly number[]>();
  // A date listed under another year is never matched by isHoliday: dropped here too.
  const closedWeekdays = (year: number): readonly number[] => {
    let days = closedByYear.get(year);
    if (!days) {
      const inYear = [...publicHolidays(year)].filter((day) => yearOfEpochDay(epochDayOf(day)) === year);
      days = weekdaysAmong(inYear, base.closedWeekdays(year));
      closedByYear.set(year, days);
    }
    return days;
  };
  return {
    timeZone: source.timeZone,
    isHoliday: (day) => base.isHoliday(day) || publicHolidays(Number(day.slice(0, 4))).has(day),
    closedWeekdays,
    hasHolidays: true,
    description: `${source.timeZone}, public holidays of ${country}`,
  };
};

const dayOf = (date: TZDate): string => format(date, 'yyyy-MM-dd');

const isClosed = (calendar: Calendar, date: TZDate): boolean => isWeekend(date) || calendar.isHoliday(dayOf(date));

/** Closed weekdays among the local days [first, last]: a binary search per year, not a look per day. */
const closedWeekdaysBetween = (calendar: Calendar, first: number, last: number, counter?: StepCounter): number => {
  if (!calendar.hasHolidays || first > last) return 0;
  let closed = 0;
  for (let year = yearOfEpochDay(first); year <= yearOfEpochDay(last); year += 1) {
    countStep(counter);
    closed += countBetween(calendar.closedWeekdays(year), first, last);
  }
  return closed;
};

/**
 * The `amount`-th open day after `day` (before it when negative). Whole weeks go by arithmetic; then
 * each round adds as many weekdays as the last stretch held closed weekdays, so the rounds are bounded by
 * the closed days in range (a handful in practice), never by the distance.
 */
const addOpenDays = (calendar: Calendar, day: number, amount: number, counter?: StepCounter): number => {
  const forward = amount > 0;
  let [cursor, missing] = [day, Math.ceil(Math.abs(amount))];
  while (missing > 0) {
    countStep(counter);
    const next = addWeekdays(cursor, forward ? missing : -missing);
    missing = forward
      ? closedWeekdaysBetween(calendar, cursor + 1, next, counter)
      : closedWeekdaysBetween(calendar, next, cursor - 1, counter);
    cursor = next;
  }
  return cursor;
};

/**
 * `from + amount` business days, keeping the local time of day: date-fns addBusinessDays semantics
 * (a start on a weekend counts from Monday) in the calendar's zone, with holidays skipped too. Bounded
 * work (issue 15): see addOpenDays. Property tests pin it to addBusinessDays and to the old day walk.
 */
export const addWorkingDays = (
  calendar: Calendar,
  from: Date | string,
  amount: number,
  counter?: StepCounter,
): Date => {
  const start = new TZDate(new Date(from).getTime(), calendar.timeZone);
  const startDay = epochDayOfLocal(start);
  const cursor = addDays(start, addOpenDays(calendar, startDay, amount, counter) - startDay);
  // Passing a DST gap shifts the wall clock: restore the start's local time, as date-fns does.
  const result = new TZDate(cursor.getTime(), calendar.timeZone);
  result.setHours(start.getHours(), start.getMinutes(), start.getSeconds(), start.getMilliseconds());
  return new Date(result.getTime());
};

/** ISO string form of addWorkingDays, the form deadlines are stored in. */
export const deadlineAfter = (calendar: Calendar, from: Date | string, businessDays: number): string =>
  addWorkingDays(calendar, from, businessDays).toISOString();

/** Calendar day (YYYY-MM-DD) of an instant in the calendar's zone: "due today", digests, months. */
export const localDay = (calendar: Calendar, at: Date | string): string =>
  dayOf(new TZDate(new Date(at).getTime(), calendar.timeZone));

/** Month (YYYY-MM) of an instant in the calendar's zone: the monthly survey's scope. */
export const localMonth = (calendar: Calendar, at: Date | string): string => localDay(calendar, at).slice(0, 7);

/** Is `at` a working day in this calendar? */
export const isWorkingDay = (calendar: Calendar, at: Date | string): boolean =>
  !isClosed(calendar, new TZDate(new Date(at).getTime(), calendar.timeZone));

/**
 * Open days and their lengths over the local days [first, last], indexed once per computation: closed
 * weekdays as running totals per year, open DST-change days as running sums. Building it visits each year
 * and each DST change once; each query after that is a few binary searches.
 */
const openDayIndex = (calendar: Calendar, first: number, last: number, counter?: StepCounter) => {
  const firstYear = yearOfEpochDay(first);
  const closedByYear: (readonly number[])[] = [];
  const closedBeforeYear: number[] = [];
  let closedSoFar = 0;
  for (let year = firstYear; year <= yearOfEpochDay(last); year += 1) {
    countStep(counter);
    const closed = calendar.closedWeekdays(year);
    closedByYear.push(closed);
    closedBeforeYear.push(closedSoFar);
    closedSoFar += closed.length;
  }
  const closedUpTo = (day: number): number => {
    const index = yearOfEpochDay(day) - firstYear;
    if (index < 0) return 0;
    return (closedBeforeYear[index] ?? closedSoFar) + countBetween(closedByYear[index] ?? [], -Infinity, day);
  };
  const isOpen = (day: number): boolean => isWeekday(day) && closedUpTo(day) === closedUpTo(day - 1);

  const irregular: number[] = [];
  const extraBefore = [0];
  for (let year = firstYear; year <= yearOfEpochDay(last); year += 1) {
    for (const { epochDay, extraMs } of irregularDaysOf(calendar.timeZone, year)) {
      countStep(counter);
      if (epochDay < first || epochDay > last || !isOpen(epochDay)) continue;
      irregular.push(epochDay);
      extraBefore.push((extraBefore.at(-1) ?? 0) + extraMs);
    }
  }
  const extraUpTo = (day: number): number => extraBefore[countBetween(irregular, -Infinity, day)] ?? 0;

  return {
    isOpen,
    /** Working time of the whole days [from, to]: 24 h per open day, plus or minus its DST change. */
    openMs: (from: number, to: number): number =>
      from > to
        ? 0
        : (weekdaysBetween(from, to) - closedUpTo(to) + closedUpTo(from - 1)) * DAY_MS +
          extraUpTo(to) -
          extraUpTo(from - 1),
  };
};

/** The working time of [start, end] and how to find the instant at which a share of it has passed. */
const workingSpan = (calendar: Calendar, start: string, end: string, counter?: StepCounter) => {
  const [from, to] = [Date.parse(start), Date.parse(end)];
  const wallTime = (fraction: number) => new Date(from + fraction * (to - from)).toISOString();
  if (!(from < to)) return { total: 0, locate: wallTime };
  const { timeZone } = calendar;
  const [first, last] = [localEpochDay(timeZone, from), localEpochDay(timeZone, to)];
  const days = openDayIndex(calendar, first, last, counter);
  const firstDayMs = days.isOpen(first) ? Math.min(to, localDayStart(timeZone, first + 1)) - from : 0;
  const lastDayMs = first < last && days.isOpen(last) ? to - localDayStart(timeZone, last) : 0;
  const total = first === last ? firstDayMs : firstDayMs + days.openMs(first + 1, last - 1) + lastDayMs;
  if (total === 0) return { total, locate: wallTime };
  /** Working time from `start` to the end of local day `day`. */
  const workedBy = (day: number): number => (day >= last ? total : firstDayMs + days.openMs(first + 1, day));
  const locate = (fraction: number): string => {
    const target = fraction * total;
    if (!(target <= total)) return new Date(to).toISOString();
    // The first day by whose end the target has passed and that holds working time (a target of 0 is
    // the start of the first open stretch).
    let [low, high] = [first, last];
    while (low < high) {
      countStep(counter);
      const middle = Math.floor((low + high) / 2);
      const worked = workedBy(middle);
      if (worked >= target && worked > 0) high = middle;
      else low = middle + 1;
    }
    const [dayStart, before] = low === first ? [from, 0] : [localDayStart(timeZone, low), workedBy(low - 1)];
    return new Date(dayStart + (target - before)).toISOString();
  };
  return { total, locate };
};

/**
 * workingTimeAt for any number of fractions of one range: the range's open days are indexed once, then
 * each fraction is a binary search over its days. Bounded work (issue 15): years away cost a step per
 * year and DST change to index and about a dozen probes per fraction, never a step per day.
 */
export const workingTimeLocator = (
  calendar: Calendar,
  start: string,
  end: string,
  counter?: StepCounter,
): ((fraction: number) => string) => workingSpan(calendar, start, end, counter).locate;

/**
 * Working time (ms) between two instants: 24 h for each open day of the calendar (weekends, holidays and
 * closed days count 0), with the same bounded index as workingTimeLocator. 0 when `end` is not after `start`.
 */
export const workingMsBetween = (calendar: Calendar, start: string, end: string, counter?: StepCounter): number =>
  workingSpan(calendar, start, end, counter).total;

/**
 * The instant `ms` of working time after `from` (open days only): the SLA clock's "add the paused
 * working time". Searches a span a day longer than the whole days asked for, so DST changes fit.
 */
export const addWorkingMs = (calendar: Calendar, from: string, ms: number, counter?: StepCounter): string => {
  if (!(ms > 0)) return new Date(Date.parse(from)).toISOString();
  const end = addWorkingDays(calendar, from, Math.ceil(ms / DAY_MS) + 1, counter).toISOString();
  const span = workingSpan(calendar, from, end, counter);
  return span.locate(Math.min(1, ms / span.total));
};

/**
 * The instant at which `fraction` of the working time between `start` and `end` has passed, counting
 * whole open days of the calendar (weekends and holidays do not count). "50 % of the time to the
 * deadline" must not fall on a Sunday. Without any working time in between it falls back to wall time.
 * Property tests pin it to the old day-by-day walk.
 */
export const workingTimeAt = (
  calendar: Calendar,
  start: string,
  end: string,
  fraction: number,
  counter?: StepCounter,
): string => workingTimeLocator(calendar, start, end, counter)(fraction);
