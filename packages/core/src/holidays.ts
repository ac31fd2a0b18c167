// @casetasks/core/holidays: public holidays from date-holidays, materialised as dates (issue 17). The one door
// to date-holidays (~1.3 MB with moment-timezone and astronomia): only the settings use case, the calendar-refresh
// job (both by static import) and infra at synth and in local mode come through it; every other bundle leaves it out.
import Holidays from 'date-holidays';
import dateHolidaysPackage from 'date-holidays/package.json' with { type: 'json' };
import { buildCalendar, type Calendar, InvalidCalendarError } from './calendar.js';
import {
  encodeHolidayDays,
  type HolidayYears,
  holidayYearsNeeded,
  type MaterialisedHolidays,
  materialisedHolidaysSchema,
} from './holiday-dates.js';

/** The release that computes the days: stored with them, so an upgrade is noticed and the days recomputed. */
export const HOLIDAY_SOURCE = `date-holidays ${dateHolidaysPackage.version}`;

let countries: ReadonlySet<string> | undefined;

/** Does date-holidays know this ISO 3166-1 alpha-2 code (in capitals)? */
export const isKnownCountry = (country: string): boolean => {
  countries ??= new Set(Object.keys(new Holidays().getCountries()));
  return countries.has(country);
};

/**
 * The country's public holidays (type `public`: no bank holidays, observances or optional days) in the
 * years given, as YYYY-MM-DD by year. A date that date-holidays lists under another year is left out, as
 * the calendar always did. Unknown country: InvalidCalendarError naming `country`.
 */
export const publicHolidayDates = (country: string, years: HolidayYears): Map<number, string[]> => {
  if (!isKnownCountry(country)) throw new InvalidCalendarError(`unknown country ${country}`, 'country');
  const holidays = new Holidays(country);
  const byYear = new Map<number, string[]>();
  for (let year = years.fromYear; year <= years.throughYear; year += 1) {
    const days = holidays
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => holiday.date.slice(0, 10))
      .filter((day) => day.startsWith(`${year}-`));
    byYear.set(year, [...new Set(days)].sort());
  }
  return byYear;
};

/** The country's public holidays over `years` (by default the whole input domain at `now`), as stored. */
export const materialiseHolidays = (
  country: string,
  years: HolidayYears = holidayYearsNeeded(),
): MaterialisedHolidays =>
  materialisedHolidaysSchema.parse({
    format: 1,
    country,
    source: HOLIDAY_SOURCE,
    ...years,
    days: encodeHolidayDays(publicHolidayDates(country, years), years),
  });

/**
 * The calendar of a country as date-holidays gives it, over `years` (default: the input domain now):
 * what an org with these settings gets once they are saved. Tests and benchmarks use it as the reference.
 */
export const countryCalendar = (
  settings: { timeZone: string; country: string; closedDays?: readonly string[] },
  years: HolidayYears = holidayYearsNeeded(),
): Calendar => buildCalendar({ ...settings, holidays: publicHolidayDates(settings.country, years) });
