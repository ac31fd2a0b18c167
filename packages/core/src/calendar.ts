// Business-day calendar: date-fns addBusinessDays semantics in an IANA time zone, with optional closed days.
import { TZDate } from '@date-fns/tz';
import { addDays, format, isWeekend, startOfDay } from 'date-fns';
import * as z from 'zod';
import { DomainError } from './errors.js';

export const calendarSettingsSchema = z.object({
  timeZone: z.string().default('UTC'),
  /** ISO 3166 country code whose public holidays are closed days; off when absent. */
  country: z.string().length(2).optional(),
  /** Extra closed days (YYYY-MM-DD), e.g. company holidays. */
  closedDays: z.array(z.iso.date()).default([]),
});
export type CalendarSettings = z.input<typeof calendarSettingsSchema>;

export interface Calendar {
  readonly timeZone: string;
  /** True for a weekday that is nonetheless closed (holiday or extra closed day). */
  isHoliday(day: string): boolean;
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

const plainCalendar = (timeZone: string, closed: ReadonlySet<string>): Calendar => ({
  timeZone,
  isHoliday: (day) => closed.has(day),
  hasHolidays: closed.size > 0,
  description: closed.size > 0 ? `${timeZone}, ${closed.size} closed days` : `${timeZone}, weekends only`,
});

export const utcCalendar: Calendar = plainCalendar('UTC', new Set());

/** A calendar without public holidays: synchronous, no date-holidays in the bundle. */
export const weekendCalendar = (timeZone = 'UTC', closedDays: readonly string[] = []): Calendar => {
  if (!isValidTimeZone(timeZone)) throw new InvalidCalendarError(`unknown time zone ${timeZone}`, 'timeZone');
  return plainCalendar(timeZone, new Set(closedDays));
};

/**
 * Builds a calendar from settings. Public holidays load date-holidays lazily (a dynamic import), so
 * only the code paths that use a country calendar pay for its ~1.4 MB.
 */
export const loadCalendar = async (input: CalendarSettings = {}): Promise<Calendar> => {
  const settings = calendarSettingsSchema.parse(input);
  const base = weekendCalendar(settings.timeZone, settings.closedDays);
  if (!settings.country) return base;
  const { default: Holidays } = await import('date-holidays');
  const holidays = new Holidays(settings.country);
  if (!holidays.getCountries()[settings.country.toUpperCase()]) {
    throw new InvalidCalendarError(`unknown country ${settings.country}`, 'country');
  }
  const byYear = new Map<number, Set<string>>();
  const publicHolidays = (year: number): Set<string> => {
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
    timeZone: settings.timeZone,
    isHoliday: (day) => base.isHoliday(day) || publicHolidays(Number(day.slice(0, 4))).has(day),
    hasHolidays: true,
    description: `${settings.timeZone}, public holidays of ${settings.country.toUpperCase()}`,
  };
};

const dayOf = (date: TZDate): string => format(date, 'yyyy-MM-dd');

const isClosed = (calendar: Calendar, date: TZDate): boolean => isWeekend(date) || calendar.isHoliday(dayOf(date));

/**
 * `from + amount` business days, keeping the local time of day: date-fns addBusinessDays semantics
 * (a start on a weekend counts from Monday), walked day by day in the calendar's zone so holidays
 * can be skipped too. A property test pins the walk to addBusinessDays itself.
 */
export const addWorkingDays = (calendar: Calendar, from: Date | string, amount: number): Date => {
  const start = new TZDate(new Date(from).getTime(), calendar.timeZone);
  const step = amount < 0 ? -1 : 1;
  let remaining = Math.abs(amount);
  let cursor = start;
  while (remaining > 0) {
    cursor = addDays(cursor, step);
    if (!isClosed(calendar, cursor)) remaining -= 1;
  }
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
 * The instant at which `fraction` of the working time between `start` and `end` has passed, counting
 * whole open days of the calendar (weekends and holidays do not count). "50 % of the time to the
 * deadline" must not fall on a Sunday. Without any working time in between it falls back to wall time.
 */
export const workingTimeAt = (calendar: Calendar, start: string, end: string, fraction: number): string => {
  const [from, to] = [Date.parse(start), Date.parse(end)];
  const segments: [number, number][] = [];
  let day = startOfDay(new TZDate(from, calendar.timeZone));
  while (day.getTime() < to) {
    const next = addDays(day, 1);
    if (!isClosed(calendar, day)) {
      const [a, b] = [Math.max(from, day.getTime()), Math.min(to, next.getTime())];
      if (b > a) segments.push([a, b]);
    }
    day = next;
  }
  const total = segments.reduce((sum, [a, b]) => sum + b - a, 0);
  if (total === 0) return new Date(from + fraction * (to - from)).toISOString();
  let remaining = fraction * total;
  for (const [a, b] of segments) {
    if (remaining <= b - a) return new Date(a + remaining).toISOString();
    remaining -= b - a;
  }
  return new Date(to).toISOString();
};
