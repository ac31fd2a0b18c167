// The deployment calendar's environment: its zone and country, and the country's public holidays materialised at
// synth (CALENDAR_HOLIDAYS), so no function needs date-holidays for the calendar of orgs without settings (issue 17).
import { encodeHolidayDays, type HolidayYears } from '@casetasks/core';
import { isKnownCountry, publicHolidayDates } from '@casetasks/core/holidays';

/**
 * The years CALENDAR_HOLIDAYS lists: from the year before synth through six years after it. Eight years
 * of the country with the most public holidays (VA) take ~1.1 KB of Lambda's 4 KB environment; deadlines
 * of orgs without settings lie near the present. A year outside counts weekends only (logged once per
 * process), so redeploy at least yearly to move the window (docs/operations.md).
 */
export const deploymentHolidayYears = (now: Date = new Date()): HolidayYears => ({
  fromYear: now.getUTCFullYear() - 1,
  throughYear: now.getUTCFullYear() + 6,
});

/** What CALENDAR_HOLIDAYS may take of the 4 KB Lambda allows for all variables together. */
export const MAX_CALENDAR_HOLIDAYS_BYTES = 1_536;

/**
 * CALENDAR_TIME_ZONE, CALENDAR_COUNTRY (GET /settings/calendar shows it as the default) and, with a
 * country, CALENDAR_HOLIDAYS (`YYYY:MMDD,…;…`, core's holiday-dates.ts). An unknown country fails the
 * synth, naming `calendarCountry`.
 */
export const deploymentCalendarEnvironment = (
  timeZone: string,
  country: string,
  now: Date = new Date(),
): Record<string, string> => {
  if (!country) return { CALENDAR_TIME_ZONE: timeZone };
  const code = country.toUpperCase();
  if (!isKnownCountry(code)) {
    throw new Error(`calendarCountry: date-holidays knows no country ${country} (an ISO 3166-1 alpha-2 code, e.g. DE)`);
  }
  const years = deploymentHolidayYears(now);
  const days = encodeHolidayDays(publicHolidayDates(code, years), years);
  if (days.length > MAX_CALENDAR_HOLIDAYS_BYTES) {
    throw new Error(
      `calendarCountry: ${code}'s holidays take ${days.length} bytes, over ${MAX_CALENDAR_HOLIDAYS_BYTES}`,
    );
  }
  return { CALENDAR_TIME_ZONE: timeZone, CALENDAR_COUNTRY: code, CALENDAR_HOLIDAYS: days };
};
