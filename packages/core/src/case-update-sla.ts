// The case-update SLA of seed 002: status types with their next-update rule, per-case alerts and org compliance.
import * as z from 'zod';
import type { CaseState } from './case-state.js';

const DAY_MS = 86_400_000;
/** Seed 002: "Minimum status update every 14 days per case" — also the rule for a case with no update yet. */
export const DEFAULT_UPDATE_INTERVAL_DAYS = 14;
/** Seed 002: reminders go out 3 days before the deadline; a case due within this many days is at risk. */
export const AT_RISK_DAYS = 3;

export const statusTypeSchema = z.enum([
  'contact_attempted',
  'contact_established',
  'payment_promised',
  'payment_plan_agreed',
  'dispute_raised',
  'investigating',
  'uncollectible',
]);
export type StatusType = z.infer<typeof statusTypeSchema>;

/**
 * When the next update is due after an update of this type:
 * - `days`: that many calendar days after the update;
 * - `afterPromisedDate`: by the end of the day after the update's `promisedDate` (payment promised: the
 *   promised date; payment plan: the first instalment's due date), else the default interval;
 * - `none`: no further update is required.
 */
export type NextUpdateRule = { kind: 'days'; days: number } | { kind: 'afterPromisedDate' } | { kind: 'none' };

export interface StatusTypeEntry {
  label: string;
  nextUpdate: NextUpdateRule;
}

/** Seed 002's "Status types and when to use them", as one table. */
export const statusTypes: Readonly<Record<StatusType, StatusTypeEntry>> = {
  contact_attempted: { label: 'Contact attempted', nextUpdate: { kind: 'days', days: 7 } },
  contact_established: { label: 'Contact established', nextUpdate: { kind: 'days', days: 14 } },
  payment_promised: { label: 'Payment promised', nextUpdate: { kind: 'afterPromisedDate' } },
  payment_plan_agreed: { label: 'Payment plan agreed', nextUpdate: { kind: 'afterPromisedDate' } },
  // Seed: "after client reviews dispute (typically 7-14 days)": the upper bound, so partners are not flagged early.
  dispute_raised: { label: 'Dispute raised', nextUpdate: { kind: 'days', days: 14 } },
  investigating: { label: 'Investigating', nextUpdate: { kind: 'days', days: 14 } },
  uncollectible: { label: 'Uncollectible', nextUpdate: { kind: 'none' } },
};

export const alertSchema = z.enum(['green', 'yellow', 'red']);
export type Alert = z.infer<typeof alertSchema>;

export const caseUpdateLineSchema = z.object({
  caseId: z.string(),
  /** The last update's status type as reported (an unknown type is kept and gets the default interval). */
  statusType: z.string().nullable(),
  statusLabel: z.string().nullable(),
  lastUpdateAt: z.string().nullable(),
  promisedDate: z.string().nullable(),
  /** null: no further update required (uncollectible). */
  nextUpdateDue: z.string().nullable(),
  /** Whole calendar days to nextUpdateDue, rounded away from zero; negative = overdue. */
  daysRemaining: z.number().int().nullable(),
  alert: alertSchema,
});
export type CaseUpdateLine = z.infer<typeof caseUpdateLineSchema>;

export const caseUpdateDashboardSchema = z
  .object({
    orgId: z.string(),
    asOf: z.string(),
    activeCases: z.number().int(),
    /** Percentage of active cases whose update is not overdue; null when the org has no active case. */
    complianceRate: z.number().nullable(),
    /** Yellow: next update due within 3 days. */
    casesAtRisk: z.number().int(),
    /** Red: next update overdue. */
    overdueUpdates: z.number().int(),
    cases: z.array(caseUpdateLineSchema),
  })
  .meta({ id: 'CaseUpdateDashboard' });
export type CaseUpdateDashboard = z.infer<typeof caseUpdateDashboardSchema>;

/** What the dashboard needs of one active case. */
export interface ActiveCase {
  caseId: string;
  /** When the case last became active (the SLA clock of a case without a newer update starts here). */
  activeSince?: string;
  lastStatusUpdate?: { statusType: string; at: string; promisedDate?: string };
}

/** An active case's stored state as the dashboard sees it: `statusAt` of an active case is its activation. */
export const activeCaseOf = (state: CaseState): ActiveCase => ({
  caseId: state.caseId,
  ...(state.statusAt ? { activeSince: state.statusAt } : {}),
  ...(state.lastStatusUpdate ? { lastStatusUpdate: state.lastStatusUpdate } : {}),
});

const plusDays = (at: number, days: number) => at + days * DAY_MS;
const startOfUtcDay = (at: number) => at - (((at % DAY_MS) + DAY_MS) % DAY_MS);

const isStatusType = (value: string): value is StatusType => statusTypeSchema.safeParse(value).success;

/** Due time of the next update after `update`; null when none is required. */
const dueAfterUpdate = (update: NonNullable<ActiveCase['lastStatusUpdate']>): number | null => {
  const at = Date.parse(update.at);
  const rule: NextUpdateRule = isStatusType(update.statusType)
    ? statusTypes[update.statusType].nextUpdate
    : { kind: 'days', days: DEFAULT_UPDATE_INTERVAL_DAYS };
  switch (rule.kind) {
    case 'none':
      return null;
    case 'days':
      return plusDays(at, rule.days);
    case 'afterPromisedDate': {
      const promised = update.promisedDate === undefined ? Number.NaN : Date.parse(update.promisedDate);
      // The end of the day after the promised date: time to see the payment and report it.
      return Number.isNaN(promised) ? plusDays(at, DEFAULT_UPDATE_INTERVAL_DAYS) : plusDays(startOfUtcDay(promised), 2);
    }
  }
};

/**
 * Next update due for an active case. A case (re)activated after its last update (e.g. back from a pause)
 * gets at least the default interval from activation; a case with no known start is due at once.
 */
export const nextUpdateDue = (activeCase: ActiveCase): number | null => {
  const since = activeCase.activeSince === undefined ? Number.NaN : Date.parse(activeCase.activeSince);
  const fromActivation = Number.isNaN(since) ? null : plusDays(since, DEFAULT_UPDATE_INTERVAL_DAYS);
  const update = activeCase.lastStatusUpdate;
  if (!update) return fromActivation ?? Number.NEGATIVE_INFINITY;
  const afterUpdate = dueAfterUpdate(update);
  if (afterUpdate === null) return null;
  const reactivatedLater = fromActivation !== null && since > Date.parse(update.at);
  return reactivatedLater ? Math.max(afterUpdate, fromActivation) : afterUpdate;
};

/** Red once past due; yellow when due within 3 days (inclusive); green otherwise or when nothing is due. */
export const alertFor = (due: number | null, now: Date): Alert => {
  if (due === null) return 'green';
  const remaining = due - now.getTime();
  if (remaining < 0) return 'red';
  return remaining <= AT_RISK_DAYS * DAY_MS ? 'yellow' : 'green';
};

/** Whole days, rounded away from zero so that "overdue by an hour" reads -1 and "due in 2.5 days" reads 3. */
const wholeDays = (ms: number) => Math.sign(ms) * Math.ceil(Math.abs(ms) / DAY_MS) || 0;

export const caseUpdateLine = (activeCase: ActiveCase, now: Date): CaseUpdateLine => {
  const due = nextUpdateDue(activeCase);
  const update = activeCase.lastStatusUpdate;
  const known = due !== null && Number.isFinite(due);
  return {
    caseId: activeCase.caseId,
    statusType: update?.statusType ?? null,
    statusLabel: update && isStatusType(update.statusType) ? statusTypes[update.statusType].label : null,
    lastUpdateAt: update?.at ?? null,
    promisedDate: update?.promisedDate ?? null,
    nextUpdateDue: known ? new Date(due).toISOString() : null,
    daysRemaining: known ? wholeDays(due - now.getTime()) : null,
    alert: alertFor(due, now),
  };
};

const order: Record<Alert, number> = { red: 0, yellow: 1, green: 2 };

/** The dashboard of one partner org: most urgent cases first, with the org's compliance figures. */
export const caseUpdateDashboard = (orgId: string, cases: readonly ActiveCase[], now: Date): CaseUpdateDashboard => {
  const lines = cases
    .map((activeCase) => caseUpdateLine(activeCase, now))
    .sort(
      (a, b) =>
        order[a.alert] - order[b.alert] ||
        (a.nextUpdateDue ?? '\uffff').localeCompare(b.nextUpdateDue ?? '\uffff') ||
        a.caseId.localeCompare(b.caseId),
    );
  const overdue = lines.filter((line) => line.alert === 'red').length;
  return {
    orgId,
    asOf: now.toISOString(),
    activeCases: lines.length,
    complianceRate: lines.length === 0 ? null : Number(((100 * (lines.length - overdue)) / lines.length).toFixed(2)),
    casesAtRisk: lines.filter((line) => line.alert === 'yellow').length,
    overdueUpdates: overdue,
    cases: lines,
  };
};
