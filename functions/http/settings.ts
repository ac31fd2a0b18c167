// The org's settings: working calendar, reminder thresholds and auto-assignment. Any role reads, owners replace a section.

import { config, tasksDb } from '@casetasks/app/runtime';
import {
  type AutoAssignmentSettings,
  autoAssignmentSettingsSchema,
  catalogue,
  DEFAULT_REMINDER_SETTINGS,
  ForbiddenError,
  loadCalendar,
  type OrgCalendarSettings,
  type OrgSettings,
  orgCalendarSettingsSchema,
  type Principal,
  reminderSettingsSchema,
  TaskRuleError,
  type TaskType,
  toCalendarInput,
  typesOfParty,
} from '@casetasks/core';
import { getOrgSettings, putOrgSettingsSection } from '@casetasks/db';
import * as z from 'zod';
import { httpHandler, httpRoute, type RouteMap } from '../middleware/http-handler.js';
import { noQuerySchema } from './task-views.js';

type Section = 'calendar' | 'reminders' | 'autoAssignment';
type SectionValue<S extends Section> = NonNullable<OrgSettings[S]>;

/** Version and authorship belong to the org's settings item as a whole: one counter for every section. */
const viewMetaShape = {
  version: z.number().int().min(0).describe("Changes to any section of the org's settings so far; 0 = never set"),
  updatedAt: z.iso.datetime().optional().describe('Last change to any section'),
  updatedBy: z.string().optional().describe('User who made the last change to any section'),
  isDefault: z.boolean().describe('true = the org never set this section: the effective default is shown'),
};

const viewOf = <S extends z.ZodObject>(section: S, id: string) => section.extend(viewMetaShape).meta({ id });

/** What GET answers when the org never set the section: the same values deadlines and reminders then use. */
const defaults: { [S in Section]: () => SectionValue<S> } = {
  calendar: () => ({
    timeZone: config().CALENDAR_TIME_ZONE,
    // An empty CALENDAR_COUNTRY means weekends only, exactly as serviceCalendar reads it.
    country: config().CALENDAR_COUNTRY || null,
    closedDays: [],
  }),
  reminders: () => DEFAULT_REMINDER_SETTINGS,
  autoAssignment: () => ({ rules: {} }),
};

const view = <S extends Section>(settings: OrgSettings, section: S) => {
  const value = settings[section];
  return {
    ...(value ?? defaults[section]()),
    version: settings.version,
    ...(settings.updatedAt === undefined ? {} : { updatedAt: settings.updatedAt }),
    ...(settings.updatedBy === undefined ? {} : { updatedBy: settings.updatedBy }),
    isDefault: value === undefined,
  };
};

const assertOwner = (principal: Principal): void => {
  if (principal.role !== 'owner') throw new ForbiddenError('only owners may change settings');
};

/** Building the calendar is the check: an unknown zone or country is an InvalidCalendarError naming its field. */
const checkCalendar = async (settings: OrgCalendarSettings): Promise<void> => {
  await loadCalendar(toCalendarInput(settings));
};

/** A rule for a type the org can never hold would be silently dead, so it is refused. */
const checkAutoAssignment = async (settings: AutoAssignmentSettings, principal: Principal): Promise<void> => {
  const own = new Set(typesOfParty(principal.party));
  for (const type of Object.keys(settings.rules) as TaskType[]) {
    if (!own.has(type)) {
      throw new TaskRuleError(`${type} tasks are for ${catalogue[type].party} organisations`, `rules.${type}`);
    }
  }
};

const sectionRoutes = <S extends Section>(spec: {
  section: S;
  path: string;
  /** What the section is, for the OpenAPI summaries. */
  title: string;
  /** The core schema: the PUT body, the stored shape and the OpenAPI component. */
  body: z.ZodObject & z.ZodType<SectionValue<S>>;
  viewId: string;
  /** Checks beyond the schema, run before anything is written. */
  check?: (value: SectionValue<S>, principal: Principal) => Promise<void>;
}): RouteMap => {
  const response = viewOf(spec.body, spec.viewId);
  return {
    [`GET ${spec.path}`]: httpRoute({
      summary: `The caller org's ${spec.title} (the effective default until an owner sets it); any role`,
      query: noQuerySchema,
      response,
      handle: async ({ principal }) => {
        // Consistent, so an owner's change shows at once (one small item).
        const settings = await getOrgSettings(tasksDb(), principal.party, principal.orgId, true);
        return { body: view(settings, spec.section) };
      },
    }),
    [`PUT ${spec.path}`]: httpRoute({
      summary: `Replace the caller org's ${spec.title} (owners only); applies to tasks created or re-planned afterwards`,
      query: noQuerySchema,
      body: spec.body,
      response,
      handle: async ({ principal, body, now }) => {
        assertOwner(principal);
        await spec.check?.(body, principal);
        const settings = await putOrgSettingsSection(tasksDb(), {
          party: principal.party,
          orgId: principal.orgId,
          section: spec.section,
          value: body,
          updatedBy: principal.userId,
          now,
        });
        return { body: view(settings, spec.section) };
      },
    }),
  };
};

export const routes = {
  ...sectionRoutes({
    section: 'calendar',
    path: '/settings/calendar',
    title: 'working calendar (time zone, public holidays, closed days)',
    body: orgCalendarSettingsSchema,
    viewId: 'CalendarSettingsView',
    check: checkCalendar,
  }),
  ...sectionRoutes({
    section: 'reminders',
    path: '/settings/reminders',
    title: 'deadline warnings and escalation',
    body: reminderSettingsSchema,
    viewId: 'ReminderSettingsView',
  }),
  ...sectionRoutes({
    section: 'autoAssignment',
    path: '/settings/auto-assignment',
    title: 'auto-assignment rules per task type',
    body: autoAssignmentSettingsSchema,
    viewId: 'AutoAssignmentSettingsView',
    check: checkAutoAssignment,
  }),
} satisfies RouteMap;

export const handler = httpHandler(routes);
