// SLA terms per creditor (issue 19): deadlines and case-update intervals a creditor agrees, versioned; pure resolution.
import * as z from 'zod';
import { DEFAULT_UPDATE_INTERVAL_DAYS, type StatusType, statusTypeSchema, statusTypes } from './case-update-sla.js';
import { catalogue } from './catalogue.js';
import { DomainError } from './errors.js';
import { entityIdSchema } from './ids.js';
import { type SlaTermsRef, slaTermsRefSchema, type TaskType, taskTypeSchema } from './task.js';

/** Business days a term may set for a task deadline. */
export const TERMS_DEADLINE_DAYS = { min: 1, max: 60 } as const;
/** Calendar days a term may set for a case-update interval. */
export const TERMS_INTERVAL_DAYS = { min: 1, max: 90 } as const;
/** Versions GET /sla/terms lists, newest first. */
export const TERMS_VERSIONS_LISTED = 20;

/** Partner task types with a catalogue deadline that terms may change. */
export const termsTaskTypeSchema = taskTypeSchema.extract([
  'review_new_case',
  'update_case_status',
  'new_message',
  'provide_quote',
  'respond_to_complaint',
  'paused_case_follow_up',
  'invoice_commission',
  'chase_commission',
]);
export type TermsTaskType = z.infer<typeof termsTaskTypeSchema>;

/** Status types with a next-update interval: `uncollectible` needs no further update, so it has none to set. */
export const termsStatusTypeSchema = statusTypeSchema.exclude(['uncollectible']);

const days = (bounds: { min: number; max: number }, unit: string) =>
  z.number().int().min(bounds.min).max(bounds.max).describe(`${unit}, ${bounds.min}–${bounds.max}`);

export const slaTermsSchema = z
  .strictObject({
    taskDeadlines: z
      .partialRecord(termsTaskTypeSchema, days(TERMS_DEADLINE_DAYS, 'business days'))
      .describe('Deadline per partner task type; an unset type keeps its catalogue deadline'),
    updateIntervals: z
      .partialRecord(termsStatusTypeSchema, days(TERMS_INTERVAL_DAYS, 'calendar days'))
      .describe('Days to the next case update per status type; an unset type keeps the rule of docs/sla.md'),
    defaultUpdateIntervalDays: days(TERMS_INTERVAL_DAYS, 'calendar days')
      .optional()
      .describe('Days to the next update without one yet, for an unknown type or without a promised date; default 14'),
  })
  .meta({ id: 'SlaTerms' });
export type SlaTerms = z.infer<typeof slaTermsSchema>;

const isoDateTime = z.iso.datetime({ offset: true });

/** One stored version of a creditor's terms (partnerOrgId null) or of its agreement with one partner. */
export const slaTermsVersionSchema = z
  .object({
    creditorOrgId: entityIdSchema,
    /** null: every partner of the creditor; set: the agreement with that partner, which wins. */
    partnerOrgId: entityIdSchema.nullable(),
    version: z.number().int().positive(),
    effectiveFrom: isoDateTime,
    terms: slaTermsSchema,
    /** The creditor owner's user id, or `platform` (the `SLA Terms Set` event). */
    setBy: z.string(),
    setAt: isoDateTime,
  })
  .meta({ id: 'SlaTermsVersion' });
export type SlaTermsVersion = z.infer<typeof slaTermsVersionSchema>;

/** The terms that apply to one (creditor, partner): the agreement when there is one, else the creditor's terms. */
export interface TermsInForce {
  ref: SlaTermsRef;
  terms: SlaTerms | undefined;
}

export const catalogueTermsRef: SlaTermsRef = { source: 'catalogue', version: 0 };

/**
 * The agreement with the partner replaces the creditor's terms as a whole (values it leaves unset fall
 * back to the catalogue, not to the creditor's terms), so one version explains every number.
 */
export const termsInForce = (creditorVersion?: SlaTermsVersion, agreementVersion?: SlaTermsVersion): TermsInForce => {
  if (agreementVersion)
    return { ref: { source: 'agreement', version: agreementVersion.version }, terms: agreementVersion.terms };
  if (creditorVersion)
    return { ref: { source: 'creditor', version: creditorVersion.version }, terms: creditorVersion.terms };
  return { ref: catalogueTermsRef, terms: undefined };
};

export interface TermValue {
  days: number;
  /** Where the value comes from: the terms in force, or the catalogue (version 0) when they leave it unset. */
  from: SlaTermsRef;
}

const isTermsTaskType = (type: TaskType): type is TermsTaskType => termsTaskTypeSchema.safeParse(type).success;

/** Business days to a task's deadline under the terms in force; undefined for a type without a catalogue deadline. */
export const deadlineDaysFor = (type: TaskType, inForce: TermsInForce): TermValue | undefined => {
  const set = isTermsTaskType(type) ? inForce.terms?.taskDeadlines[type] : undefined;
  if (set !== undefined) return { days: set, from: inForce.ref };
  const catalogueDays = catalogue[type].businessDays;
  return catalogueDays === null ? undefined : { days: catalogueDays, from: catalogueTermsRef };
};

/** The case-update intervals the dashboard applies for these terms (case-update-sla.ts's `UpdateIntervals`). */
export const updateIntervalsOf = (inForce: TermsInForce) => ({
  days: { ...inForce.terms?.updateIntervals } as Partial<Record<StatusType, number>>,
  defaultDays: inForce.terms?.defaultUpdateIntervalDays ?? DEFAULT_UPDATE_INTERVAL_DAYS,
  terms: inForce.ref,
});

/** Every value of the terms in force, resolved with the catalogue fallback: what both parties of a case see. */
export const resolvedTerms = (inForce: TermsInForce) => {
  const pick = (set: number | undefined, fallback: number): TermValue =>
    set === undefined ? { days: fallback, from: catalogueTermsRef } : { days: set, from: inForce.ref };
  const taskDeadlines = Object.fromEntries(
    termsTaskTypeSchema.options.map((type) => [type, deadlineDaysFor(type, inForce) as TermValue]),
  ) as Record<TermsTaskType, TermValue>;
  const defaultUpdateInterval = pick(inForce.terms?.defaultUpdateIntervalDays, DEFAULT_UPDATE_INTERVAL_DAYS);
  const updateIntervals = Object.fromEntries(
    termsStatusTypeSchema.options.map((type) => {
      const rule = statusTypes[type as StatusType].nextUpdate;
      // afterPromisedDate types keep the promised-date rule; their days apply without a promised date.
      const fallback = rule.kind === 'days' ? rule.days : defaultUpdateInterval.days;
      return [type, pick(inForce.terms?.updateIntervals[type], fallback)];
    }),
  );
  return { terms: inForce.ref, taskDeadlines, updateIntervals, defaultUpdateInterval };
};

const termValueSchema = z.object({ days: z.number().int(), from: slaTermsRefSchema });

export const caseSlaTermsSchema = z
  .object({
    caseId: z.string(),
    creditorOrgId: z.string(),
    partnerOrgId: z.string().nullable(),
    asOf: isoDateTime,
    terms: slaTermsRefSchema.describe(
      'The terms version in force: the agreement with the partner, else the creditor terms, else catalogue 0',
    ),
    taskDeadlines: z.record(z.string(), termValueSchema).describe('Business days per partner task type'),
    updateIntervals: z.record(z.string(), termValueSchema).describe('Calendar days to the next update per status type'),
    defaultUpdateInterval: termValueSchema,
  })
  .meta({ id: 'CaseSlaTerms' });
export type CaseSlaTerms = z.infer<typeof caseSlaTermsSchema>;

/** The case does not exist, or the caller is neither its creditor nor its partner (404, indistinguishable). */
export class CaseNotFoundError extends DomainError {
  override readonly statusCode = 404;
  override readonly code = 'not_found';
  constructor() {
    super('case not found');
  }
}
