// The sections of an org's settings: the stored shape (core's schema), the view GET answers, the default and the checks.

import {
  type AutoAssignmentSettings,
  autoAssignmentSettingsSchema,
  catalogue,
  chatCleanupSettingsSchema,
  DEFAULT_REMINDER_SETTINGS,
  type OrgCalendarSettings,
  type OrgSettings,
  orgCalendarSettingsSchema,
  type Principal,
  reminderSettingsSchema,
  TaskRuleError,
  type TaskType,
  typesOfParty,
  weekendCalendar,
} from '@casetasks/core';
import type { SettingsWrite } from '@casetasks/db';
import * as z from 'zod';
import { config } from '../runtime/config.js';
import { saveCalendarSection } from './calendar-holidays.js';

export type SettingsSection = 'calendar' | 'reminders' | 'autoAssignment' | 'chatCleanup';
export type SectionValue<S extends SettingsSection> = NonNullable<OrgSettings[S]>;

export interface SectionSpec<S extends SettingsSection> {
  /** The core schema: the PUT body, the stored shape and the OpenAPI component. */
  body: z.ZodObject & z.ZodType<SectionValue<S>>;
  /** The section as GET and PUT answer it: its values and the settings item's version and authorship. */
  view: z.ZodObject;
  /** What GET answers when the org never set the section: the same values deadlines and reminders then use. */
  defaults: () => SectionValue<S>;
  /** Checks beyond the schema, run before anything is written. */
  check?: (value: SectionValue<S>, principal: Principal) => Promise<void>;
  /** Writes the section with what it derives (the calendar's public holidays); default: the section alone. */
  save?: (write: SettingsWrite<S>) => Promise<OrgSettings>;
}

/** Version and authorship belong to the org's settings item as a whole: one counter for every section. */
const viewMetaShape = {
  version: z.number().int().min(0).describe("Changes to any section of the org's settings so far; 0 = never set"),
  updatedAt: z.iso.datetime().optional().describe('Last change to any section'),
  updatedBy: z.string().optional().describe('User who made the last change to any section'),
  isDefault: z.boolean().describe('true = the org never set this section: the effective default is shown'),
};

const viewOf = <S extends z.ZodObject>(section: S, id: string) => section.extend(viewMetaShape).meta({ id });

/**
 * An unknown zone is an InvalidCalendarError naming `timeZone`; an unknown country one naming `country`,
 * found when the save materialises its holidays (saveCalendarSection), before anything is written.
 */
const checkCalendar = async (settings: OrgCalendarSettings): Promise<void> => {
  weekendCalendar(settings.timeZone, settings.closedDays);
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

export const settingsSections: { [S in SettingsSection]: SectionSpec<S> } = {
  calendar: {
    body: orgCalendarSettingsSchema,
    view: viewOf(orgCalendarSettingsSchema, 'CalendarSettingsView'),
    defaults: () => ({
      timeZone: config().CALENDAR_TIME_ZONE,
      // An empty CALENDAR_COUNTRY means weekends only, exactly as serviceCalendar reads it.
      country: config().CALENDAR_COUNTRY || null,
      closedDays: [],
    }),
    check: checkCalendar,
    save: saveCalendarSection,
  },
  reminders: {
    body: reminderSettingsSchema,
    view: viewOf(reminderSettingsSchema, 'ReminderSettingsView'),
    defaults: () => DEFAULT_REMINDER_SETTINGS,
  },
  autoAssignment: {
    body: autoAssignmentSettingsSchema,
    view: viewOf(autoAssignmentSettingsSchema, 'AutoAssignmentSettingsView'),
    defaults: () => ({ rules: {} }),
    check: checkAutoAssignment,
  },
  chatCleanup: {
    body: chatCleanupSettingsSchema,
    view: viewOf(chatCleanupSettingsSchema, 'ChatCleanupSettingsView'),
    defaults: () => ({ mode: 'deployment' }),
  },
};
