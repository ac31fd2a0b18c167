// Calendar days in an org's time zone, as the instants the table stores (`toISOString`).

import { TZDate } from '@date-fns/tz';

/** A date-only value (`2026-11-05`), as opposed to a date-time. */
export const isDay = (value: string): boolean => value.length === 10;

/** Start of a calendar day in the zone. */
export const dayStart = (timeZone: string, day: string): Date => {
  const [year, month, date] = day.split('-').map(Number);
  return new TZDate(year ?? 0, (month ?? 1) - 1, date ?? 1, timeZone);
};
