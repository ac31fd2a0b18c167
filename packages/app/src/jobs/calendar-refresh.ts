// Monthly: keeps every org's materialised public holidays covering the input domain and computed by the running
// date-holidays release (issue 17), walking the holiday-refresh partition by key; owners' saves always win.
import {
  coversYears,
  type HolidayYears,
  holidayYearsNeeded,
  InvalidCalendarError,
  type MaterialisedHolidays,
  mapBounded,
} from '@casetasks/core';
import { HOLIDAY_SOURCE, materialiseHolidays } from '@casetasks/core/holidays';
import {
  dropHolidayRefresh,
  getOrgSettings,
  type HolidayRefreshEntry,
  holidayRefreshPages,
  SettingsChangedError,
  saveMaterialisedHolidays,
} from '@casetasks/db';
import { tasksDb } from '../runtime/clients.js';
import { serviceNow } from '../runtime/clock.js';
import { logger } from '../runtime/observability.js';
import { DEFAULT_CONCURRENCY, type JobRunOptions } from './due-items-job.js';
import type { JobInput, JobSummary } from './job-contract.js';

const JOB = 'calendar-refresh';
const DEFAULT_BUDGET_MS = 4 * 60_000;

type Outcome = 'current' | 'refreshed' | 'removed' | 'changed' | 'unknownCountry' | 'failed';

/** Is what an org holds (per its entry or its item) of the running release and long enough? */
const isCurrent = (held: HolidayYears & { source: string }, source: string, needed: HolidayYears): boolean =>
  held.source === source && coversYears(held, needed);

/**
 * One org: an entry that says its holidays are current costs nothing more. Otherwise the settings are read
 * (consistent) and the holidays recomputed and stored on condition that the settings did not change since
 * (an owner's save in between wins: it stored fresh holidays itself). A calendar without a country any more
 * loses its entry.
 */
const refreshOrg = async (
  entry: HolidayRefreshEntry,
  holidaysOf: (country: string) => MaterialisedHolidays,
  source: string,
  needed: HolidayYears,
): Promise<Outcome> => {
  if (entry.country && isCurrent(entry, source, needed)) return 'current';
  const db = tasksDb();
  const { party, orgId } = entry;
  const settings = await getOrgSettings(db, party, orgId, true);
  const country = settings.calendar?.country;
  try {
    if (!country) {
      await dropHolidayRefresh(db, { party, orgId, version: settings.version });
      return 'removed';
    }
    const stored = settings.holidays;
    // The entry lagged behind its item (a read registered the org as the owner saved): realign it.
    const holidays = stored?.country === country && isCurrent(stored, source, needed) ? stored : holidaysOf(country);
    await saveMaterialisedHolidays(db, { party, orgId, version: settings.version, holidays });
    return holidays === stored ? 'current' : 'refreshed';
  } catch (error) {
    if (error instanceof SettingsChangedError) return 'changed';
    if (!(error instanceof InvalidCalendarError)) throw error;
    // date-holidays dropped the country: the org keeps the days it has until an owner picks another.
    logger.error('calendar country no longer known to date-holidays; stored holidays kept', { party, orgId, country });
    return 'unknownCountry';
  }
};

/**
 * The run: every entry of the holiday-refresh partition, within the time budget. It keeps no checkpoint:
 * each run walks the partition from its start, and an entry a stopped run already refreshed is current, so
 * it costs only its share of the Query. A run stopped at its budget says `stopped: true`; the next monthly
 * run finishes the walk (the years needed move on yearly, months before any deadline reaches them).
 */
export const runCalendarRefresh = async (input: JobInput = {}, options: JobRunOptions = {}): Promise<JobSummary> => {
  const started = Date.now();
  const now = input.now ? new Date(input.now) : serviceNow();
  const needed = holidayYearsNeeded(now.getTime());
  const source = HOLIDAY_SOURCE;
  // Computed once per country and run (~50 ms each), however many orgs share it.
  const byCountry = new Map<string, MaterialisedHolidays>();
  const holidaysOf = (country: string) => {
    const holidays = byCountry.get(country) ?? materialiseHolidays(country, needed);
    byCountry.set(country, holidays);
    return holidays;
  };
  const counts: Record<Outcome | 'entries', number> = {
    entries: 0,
    current: 0,
    refreshed: 0,
    removed: 0,
    changed: 0,
    unknownCountry: 0,
    failed: 0,
  };
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  let stopped = false;
  for await (const page of holidayRefreshPages(tasksDb(), options.pageSize ? { pageSize: options.pageSize } : {})) {
    if (Date.now() - started > budgetMs) {
      stopped = true;
      logger.warn(`${JOB} stopped at its time budget; the next run walks the partition again`, { counts });
      break;
    }
    const outcomes = await mapBounded(page.entries, options.concurrency ?? DEFAULT_CONCURRENCY, (entry) =>
      refreshOrg(entry, holidaysOf, source, needed).catch((error: unknown): Outcome => {
        logger.error('calendar refresh failed', { party: entry.party, orgId: entry.orgId, error });
        return 'failed';
      }),
    );
    counts.entries += page.entries.length;
    for (const outcome of outcomes) counts[outcome] += 1;
    logger.info(`${JOB} progress`, { counts });
  }
  return {
    job: JOB,
    now: now.toISOString(),
    counts,
    source,
    years: needed,
    ...(stopped ? { stopped } : {}),
    durationMs: Date.now() - started,
  };
};
