// Public holidays materialised when an owner saves a calendar with a country (issue 17): stored beside it, so
// every other function builds org calendars from dates and only this path and the calendar-refresh job load date-holidays.
import { holidayYearsNeeded, type OrgSettings } from '@casetasks/core';
// date-holidays (~1.3 MB) through its one door, imported statically: only the settings and calendar-refresh
// bundles reach this module (infra's ServiceFunction `holidays` option keeps it external elsewhere, and the
// bundle-run tier starts every bundle). A dynamic import here made esbuild lazily initialise core modules
// shared with the static graph, and `sideEffects: false` then dropped their initialisers: the bundle crashed.
import { materialiseHolidays } from '@casetasks/core/holidays';
import { putOrgCalendarSection, type SettingsWrite } from '@casetasks/db';
import { tasksDb } from '../runtime/clients.js';

/**
 * PUT /settings/calendar: materialises the country's holidays over the input domain first (an unknown
 * country is an InvalidCalendarError and nothing is written), then stores the calendar, its holidays and
 * the org's refresh entry in one transaction.
 */
export const saveCalendarSection = async (write: SettingsWrite<'calendar'>): Promise<OrgSettings> => {
  const { country } = write.value;
  const holidays = country === null ? null : materialiseHolidays(country, holidayYearsNeeded(write.now.getTime()));
  return putOrgCalendarSection(tasksDb(), { ...write, holidays });
};
