// The org's settings put to work: its calendar, reminder rules and auto-assignment, looked up once per request, event or job run.
import {
  buildCalendar,
  type Calendar,
  defaultPolicy,
  type HolidayGap,
  leastOpenPick,
  type OrgPolicy,
  type OrgSettings,
  orgCalendarSource,
  type Party,
  type Principal,
  roundRobinPick,
  type Task,
} from '@casetasks/core';
import { type Db, getOrgSettings, nextAssignmentTurn, openTaskCounts, registerHolidayRefresh } from '@casetasks/db';
import { serviceCalendar, tasksDb } from '../runtime/clients.js';
import { config } from '../runtime/config.js';
import { logger } from '../runtime/observability.js';

export interface PolicyLookup {
  of(party: Party, orgId: string): Promise<OrgPolicy>;
}

// Built calendars depend only on the stored calendar and its materialised holidays, so they are shared for
// the life of the process (each keeps its per-year look-ups); the settings are read fresh for every lookup.
// Bounded like core's read day lists: cleared when it passes MAX_CALENDARS distinct calendars.
const calendars = new Map<string, Calendar>();
const MAX_CALENDARS = 256;
/** Warnings already logged by this process: each gap is logged once, not on every deadline. */
const warned = new Set<string>();

const warnOnce = (key: string, message: string, details: Record<string, unknown>): void => {
  if (warned.has(key)) return;
  warned.add(key);
  logger.warn(message, details);
};

/**
 * Public holidays are materialised for the input domain when the calendar is saved and kept ahead by the
 * calendar-refresh job; a year outside them (a stale range) counts weekends and closed days only.
 */
const reportUncoveredYear = (gap: HolidayGap): void => {
  if (gap.reason !== 'yearNotCovered') return;
  warnOnce(
    `year:${gap.country}:${gap.year}`,
    'public holidays not materialised for this year; weekends and closed days only',
    { ...gap },
  );
};

/** Does the org's calendar name a country whose holidays were never materialised (saved before issue 17)? */
const lacksHolidays = (settings: OrgSettings): boolean =>
  Boolean(settings.calendar?.country) && settings.holidays?.country !== settings.calendar?.country;

/**
 * The org's calendar, built synchronously from the stored dates (no date-holidays here). One that does not
 * build (a stored zone this runtime no longer knows) falls back to the deployment calendar with an error
 * log: failing every event of the org into the dead-letter queue would stop its work, not just shift its
 * deadlines.
 */
const orgCalendar = (settings: OrgSettings, fallback: Calendar): Calendar => {
  const { calendar: stored, holidays } = settings;
  if (!stored) return fallback;
  // The day list is a function of its country, source (the date-holidays release) and years, so those name it
  // in the key (orgCalendarSource uses holidays of the calendar's country only), not its ~2.3 KB of text.
  const used = holidays?.country === stored.country ? holidays : undefined;
  const key = JSON.stringify([stored, used ? [used.source, used.fromYear, used.throughYear] : null]);
  try {
    let calendar = calendars.get(key);
    if (!calendar) {
      calendar = buildCalendar(orgCalendarSource(stored, holidays), reportUncoveredYear);
      if (calendars.size >= MAX_CALENDARS) calendars.clear();
      calendars.set(key, calendar);
    }
    return calendar;
  } catch (error) {
    logger.error('org calendar does not build; using the deployment calendar', { calendar: settings.calendar, error });
    return fallback;
  }
};

/** The policy of stored settings; sections an org never set fall back to the deployment default and SPEC's rules. */
export const policyOf = async (settings: OrgSettings, fallback: Calendar): Promise<OrgPolicy> => {
  const base = defaultPolicy(orgCalendar(settings, fallback));
  return {
    ...base,
    ...(settings.reminders ? { reminders: settings.reminders } : {}),
    ...(settings.autoAssignment ? { autoAssignment: settings.autoAssignment } : {}),
  };
};

/**
 * Settings stored before issue 17 name a country without its holidays: until the calendar-refresh job
 * fills them (this registers the org with it, once per process), the org counts weekends and closed days.
 * Registering is best effort: a function without write access only logs.
 */
const registerLegacyCalendar = async (db: Db, party: Party, orgId: string, settings: OrgSettings): Promise<void> => {
  const once = `legacy:${party}:${orgId}`;
  if (!lacksHolidays(settings) || warned.has(once)) return;
  warnOnce(once, 'org calendar has no materialised public holidays yet; weekends and closed days only', {
    party,
    orgId,
    country: settings.calendar?.country,
  });
  try {
    await registerHolidayRefresh(db, party, orgId);
  } catch (error) {
    logger.warn('could not register the org with the calendar-refresh job', { party, orgId, error });
  }
};

/**
 * A lookup that reads each org's settings at most once (one GetItem) for its lifetime: one request,
 * one event, one job run. A settings change therefore applies from the next one, with no cache to expire.
 */
export const orgPolicies = (db: Db, fallback: Calendar): PolicyLookup => {
  const seen = new Map<string, Promise<OrgPolicy>>();
  return {
    of: (party, orgId) => {
      const key = `${party}#${orgId}`;
      let policy = seen.get(key);
      if (!policy) {
        policy = getOrgSettings(db, party, orgId).then(async (settings) => {
          await registerLegacyCalendar(db, party, orgId, settings);
          return policyOf(settings, fallback);
        });
        seen.set(key, policy);
      }
      return policy;
    },
  };
};

/** A fresh lookup on the service table and deployment calendar. */
export const servicePolicies = async (): Promise<PolicyLookup> => orgPolicies(tasksDb(), await serviceCalendar());

/**
 * The caller org's time zone, without building its calendar: "today" and day-only bounds need no
 * holidays, so the list routes read one small item and never build a calendar.
 */
export const principalTimeZone = async (principal: Principal): Promise<string> =>
  (await getOrgSettings(tasksDb(), principal.party, principal.orgId)).calendar?.timeZone ?? config().CALENDAR_TIME_ZONE;

/** The caller's org policy, for one request. */
export const principalPolicy = async (principal: Principal): Promise<OrgPolicy> =>
  (await servicePolicies()).of(principal.party, principal.orgId);

/**
 * Auto-assignment at creation: an unassigned task of a type the org has a rule for goes to the next
 * user in turn (an atomic counter) or to the user with the fewest open tasks. Counts are read just
 * before the write, so two creates in the same instant may pick the same user (docs/decisions.md).
 */
export const autoAssign = async (db: Db, policy: OrgPolicy, task: Task): Promise<Task> => {
  const rule = policy.autoAssignment.rules[task.type];
  if (!rule || task.assigneeId !== null || task.status !== 'open') return task;
  const party = task.accessLevel;
  const assigneeId =
    rule.strategy === 'round_robin'
      ? roundRobinPick(rule.userIds, await nextAssignmentTurn(db, party, task.orgId, task.type))
      : leastOpenPick(rule.userIds, await openTaskCounts(db, party, task.orgId, rule));
  return { ...task, assigneeId };
};
