// Per-organisation settings (issue 11): working calendar, warning thresholds, escalation and auto-assignment.
// Declared once as zod schemas: the PUT validators, the stored shape and the OpenAPI components.
import * as z from 'zod';
import type { Calendar, CalendarSource } from './calendar.js';
import { catalogue } from './catalogue.js';
import { decodeHolidayDays, type MaterialisedHolidays } from './holiday-dates.js';
import { entityIdSchema } from './ids.js';
import { boundedDateSchema, wellFormedTextSchema } from './input-domain.js';
import { type Party, type TaskType, taskTypeSchema } from './task.js';

/** The working calendar as an org stores it; `country: null` = weekends (and closed days) only. */
export const orgCalendarSettingsSchema = z
  .strictObject({
    timeZone: wellFormedTextSchema.min(1).max(64).describe('IANA time zone, e.g. Europe/Copenhagen'),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. DK')
      .nullable()
      .describe('Country whose public holidays are closed days (date-holidays); null = none'),
    closedDays: z
      .array(boundedDateSchema)
      .max(366)
      .describe('Extra closed days (YYYY-MM-DD, from 2000-01-01 to 10 years from now), e.g. a company holiday'),
  })
  .meta({ id: 'CalendarSettings' });
export type OrgCalendarSettings = z.infer<typeof orgCalendarSettingsSchema>;

/** One warning point before a deadline. */
export const warningThresholdSchema = z
  .union([
    z.strictObject({
      percentOfTime: z
        .number()
        .int()
        .min(1)
        .max(99)
        .describe('When this share of the working time from creation to deadline has passed'),
    }),
    z.strictObject({
      businessDaysBefore: z.number().int().min(1).max(60).describe('This many business days before the deadline'),
    }),
  ])
  .meta({ id: 'WarningThreshold' });
export type WarningThreshold = z.infer<typeof warningThresholdSchema>;

/** SPEC §3's rule, used by every org that has not set its own thresholds. */
export const DEFAULT_WARNINGS: readonly WarningThreshold[] = [{ businessDaysBefore: 3 }];

export const thresholdLabel = (threshold: WarningThreshold): string =>
  'percentOfTime' in threshold ? `${threshold.percentOfTime}%` : `${threshold.businessDaysBefore}bd`;

export const reminderSettingsSchema = z
  .strictObject({
    warnings: z
      .array(warningThresholdSchema)
      .max(10)
      .describe('Warning points, each sent once per deadline; [] sends none. Replaces the 3-business-day default')
      .superRefine((warnings, ctx) => {
        const seen = new Set<string>();
        warnings.forEach((warning, index) => {
          const label = thresholdLabel(warning);
          if (seen.has(label)) ctx.addIssue({ code: 'custom', path: [index], message: `${label} is listed twice` });
          seen.add(label);
        });
      }),
    escalation: z
      .strictObject({
        businessDaysOverdue: z
          .number()
          .int()
          .min(1)
          .max(60)
          .describe('Escalate a task still open this many business days after its deadline'),
      })
      .nullable()
      .describe('null = no escalation'),
  })
  .meta({ id: 'ReminderSettings' });
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { warnings: [...DEFAULT_WARNINGS], escalation: null };

export const assignmentStrategySchema = z
  .enum(['round_robin', 'least_open'])
  .describe('round_robin: in turn; least_open: the user with the fewest open tasks (list order breaks ties)');
export type AssignmentStrategy = z.infer<typeof assignmentStrategySchema>;

export const assignmentRuleSchema = z
  .strictObject({
    strategy: assignmentStrategySchema,
    userIds: z
      .array(entityIdSchema)
      .min(1)
      .max(50)
      .describe('Users of the organisation who take this type in turn')
      .superRefine((ids, ctx) => {
        ids.forEach((id, index) => {
          if (ids.indexOf(id) !== index)
            ctx.addIssue({ code: 'custom', path: [index], message: `${id} is listed twice` });
        });
      }),
  })
  .meta({ id: 'AssignmentRule' });
export type AssignmentRule = z.infer<typeof assignmentRuleSchema>;

export const autoAssignmentSettingsSchema = z
  .strictObject({
    rules: z
      .partialRecord(taskTypeSchema, assignmentRuleSchema)
      .describe('Per task type; a type without a rule stays unassigned at creation'),
  })
  .meta({ id: 'AutoAssignmentSettings' });
export type AutoAssignmentSettings = z.infer<typeof autoAssignmentSettingsSchema>;

/** Issue 23: whether the nightly chat cleanup may close this org's tasks; `deployment` follows the deployment. */
export const chatCleanupModeSchema = z
  .enum(['off', 'shadow', 'on'])
  .describe('off: never judged; shadow: judged and recorded, nothing closes; on: closes clear no-reply-needed chats');
export type ChatCleanupMode = z.infer<typeof chatCleanupModeSchema>;

export const chatCleanupSettingsSchema = z
  .strictObject({
    mode: z
      .union([chatCleanupModeSchema, z.literal('deployment')])
      .describe("The org's chat cleanup; deployment = the deployment's mode (shadow for its first nights, then on)"),
  })
  .meta({ id: 'ChatCleanupSettings' });
export type ChatCleanupSettings = z.infer<typeof chatCleanupSettingsSchema>;

/** Types an org of this party can hold, so a rule for another party's type is refused, not ignored. */
export const typesOfParty = (party: Party): TaskType[] =>
  taskTypeSchema.options.filter((type) => [party, 'either'].includes(catalogue[type].party));

/** Everything an org has configured; each section absent until an owner sets it. */
export interface OrgSettings {
  calendar?: OrgCalendarSettings;
  reminders?: ReminderSettings;
  autoAssignment?: AutoAssignmentSettings;
  chatCleanup?: ChatCleanupSettings;
  /** The calendar country's public holidays, materialised when the calendar was saved (never shown by the API). */
  holidays?: MaterialisedHolidays;
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}

/** The settings put to work: what deadlines, reminders and creation need for one org. */
export interface OrgPolicy {
  calendar: Calendar;
  reminders: ReminderSettings;
  autoAssignment: AutoAssignmentSettings;
}

/** A policy for the deployment default calendar and SPEC's rules: orgs without settings, and tests. */
export const defaultPolicy = (calendar: Calendar): OrgPolicy => ({
  calendar,
  reminders: DEFAULT_REMINDER_SETTINGS,
  autoAssignment: { rules: {} },
});

/**
 * What an org's calendar is built from (core's buildCalendar): its settings and the public holidays
 * materialised when it was saved. Holidays of another country than the calendar's (never written
 * together; an item edited by hand) count as not materialised.
 */
export const orgCalendarSource = (settings: OrgCalendarSettings, holidays?: MaterialisedHolidays): CalendarSource => ({
  timeZone: settings.timeZone,
  closedDays: settings.closedDays,
  country: settings.country,
  ...(holidays && holidays.country === settings.country ? { holidays: decodeHolidayDays(holidays.days) } : {}),
});

// ---- auto-assignment --------------------------------------------------------------------------

/** The user whose turn it is: `turn` counts from 1 (an atomic counter's value after incrementing). */
export const roundRobinPick = (userIds: readonly string[], turn: number): string => {
  const pick = userIds[(((turn - 1) % userIds.length) + userIds.length) % userIds.length];
  if (pick === undefined) throw new Error('an assignment rule needs at least one user');
  return pick;
};

/** The user with the fewest open tasks; the earlier in the list wins a tie. */
export const leastOpenPick = (userIds: readonly string[], openCounts: readonly number[]): string => {
  let best = 0;
  openCounts.forEach((count, index) => {
    if (count < (openCounts[best] ?? Number.POSITIVE_INFINITY)) best = index;
  });
  const pick = userIds[best];
  if (pick === undefined) throw new Error('an assignment rule needs at least one user');
  return pick;
};
