// Public holidays materialised when an owner saves a calendar with a country (issue 17): stored beside it, so
// every other function builds org calendars from dates and only this path and the calendar-refresh job load date-holidays.
import { holidayYearsNeeded, type MaterialisedHolidays, type OrgSettings } from '@casetasks/core';
import * as holidays from '@casetasks/core/holidays';
import { putOrgCalendarSection, type SettingsWrite } from '@casetasks/db';
import { tasksDb } from '../runtime/clients.js';

/**
 * date-holidays (~1.3 MB) through its one door, imported statically: only the settings and calendar-refresh
 * bundles reach this module (infra's ServiceFunction `holidays` option keeps it external elsewhere, and the
 * bundle-run tier starts every bundle). A dynamic import here made esbuild lazily initialise core modules
 * shared with the static graph, and `sideEffects: false` then dropped their initialisers: the bundle crashed.
 */
export const loadHolidays = async () => holidays;

/** The country's public holidays over the input domain at `now`; an unknown country is an InvalidCalendarError. */
export const materialiseFor = async (country: string, now: Date): Promise<MaterialisedHolidays> => {
  const { materialiseHolidays } = await loadHolidays();
  return materialiseHolidays(country, holidayYearsNeeded(now.getTime()));
};

/**
 * PUT /settings/calendar: materialises the country's holidays first (nothing is written for an unknown
 * country), then stores the calendar, its holidays and the org's refresh entry in one transaction.
 */
export const saveCalendarSection = async (write: SettingsWrite<'calendar'>): Promise<OrgSettings> => {
  const { country } = write.value;
  const holidays = country === null ? null : await materialiseFor(country, write.now);
  return putOrgCalendarSection(tasksDb(), { ...write, holidays });
};
