// The org's settings put to work: its calendar, reminder rules and auto-assignment, looked up once per request, event or job run.
import {
  type Calendar,
  defaultPolicy,
  leastOpenPick,
  loadCalendar,
  type OrgPolicy,
  type OrgSettings,
  type Party,
  type Principal,
  roundRobinPick,
  type Task,
  toCalendarInput,
} from '@casetasks/core';
import { type Db, getOrgSettings, nextAssignmentTurn, openTaskCounts } from '@casetasks/db';
import { serviceCalendar, tasksDb } from '../runtime/clients.js';
import { config } from '../runtime/config.js';
import { logger } from '../runtime/observability.js';

export interface PolicyLookup {
  of(party: Party, orgId: string): Promise<OrgPolicy>;
}

// Built calendars depend only on their settings, so they are shared for the life of the process
// (date-holidays is costly to build); the settings themselves are read fresh for every lookup.
const calendars = new Map<string, Promise<Calendar>>();

const calendarOf = (settings: NonNullable<OrgSettings['calendar']>): Promise<Calendar> => {
  const key = JSON.stringify(settings);
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = loadCalendar(toCalendarInput(settings));
    calendars.set(key, calendar);
    calendar.catch(() => calendars.delete(key));
  }
  return calendar;
};

/**
 * The org's calendar. One that no longer loads (e.g. a library upgrade dropped its country) falls back
 * to the deployment calendar with an error log: failing every event of the org into the dead-letter
 * queue would stop its work, not just shift its deadlines.
 */
const orgCalendar = async (settings: OrgSettings, fallback: Calendar): Promise<Calendar> => {
  if (!settings.calendar) return fallback;
  try {
    return await calendarOf(settings.calendar);
  } catch (error) {
    logger.error('org calendar does not load; using the deployment calendar', { calendar: settings.calendar, error });
    return fallback;
  }
};

/** The policy of stored settings; sections an org never set fall back to the deployment default and SPEC's rules. */
export const policyOf = async (settings: OrgSettings, fallback: Calendar): Promise<OrgPolicy> => {
  const base = defaultPolicy(await orgCalendar(settings, fallback));
  return {
    ...base,
    ...(settings.reminders ? { reminders: settings.reminders } : {}),
    ...(settings.autoAssignment ? { autoAssignment: settings.autoAssignment } : {}),
  };
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
        policy = getOrgSettings(db, party, orgId).then((settings) => policyOf(settings, fallback));
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
 * holidays, so the list routes read one small item and never load date-holidays.
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
