// The case-update SLA of seed 002: status types with their next-update rule, per-case alerts and org compliance.
import * as z from 'zod';
import type { CaseState, UpdateExtension } from './case-state.js';
import { type SlaTermsRef, slaTermsRefSchema } from './task.js';

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
  'waiting_on_client',
  'waiting_on_third_party',
  'monthly_survey',
]);
export type StatusType = z.infer<typeof statusTypeSchema>;

/**
 * When the next update is due after an update of this type:
 * - `days`: that many calendar days after the update;
 * - `afterPromisedDate`: by the end of the day after the update's `promisedDate` (payment promised: the
 *   promised date; payment plan: the first instalment's due date), else the default interval;
 * - `afterExpectedDate`: the same with the update's `expectedDate` (waiting on the client or a third party);
 * - `none`: no further update is required.
 */
export type NextUpdateRule =
  | { kind: 'days'; days: number }
  | { kind: 'afterPromisedDate' }
  | { kind: 'afterExpectedDate' }
  | { kind: 'none' };

/** A status update that says the partner waits on someone else stops the clock (clock-pauses.ts). */
export type WaitingReason = 'waiting_on_client' | 'waiting_on_third_party';

export interface StatusTypeEntry {
  label: string;
  nextUpdate: NextUpdateRule;
  /** Set when an update of this type stops the clock of the partner's update_case_status task. */
  waiting?: WaitingReason;
}

/** A waiting update stops the clock at most this many calendar days, so a partner cannot stop it forever. */
export const MAX_WAITING_DAYS = 14;

/** Seed 002's "Status types and when to use them", as one table. */
export const statusTypes: Readonly<Record<StatusType, StatusTypeEntry>> = {
  contact_attempted: { label: 'Contact attempted', nextUpdate: { kind: 'days', days: 7 } },
  contact_established: { label: 'Contact established', nextUpdate: { kind: 'days', days: 14 } },
  payment_promised: { label: 'Payment promised', nextUpdate: { kind: 'afterPromisedDate' } },
  payment_plan_agreed: { label: 'Payment plan agreed', nextUpdate: { kind: 'afterPromisedDate' } },
  // Seed: "after client reviews dispute (typically 7-14 days)": the upper bound, so partners are not flagged early.
  // Seed 002: the next update comes "after client reviews dispute": the partner waits on the client.
  dispute_raised: { label: 'Dispute raised', nextUpdate: { kind: 'days', days: 14 }, waiting: 'waiting_on_client' },
  investigating: { label: 'Investigating', nextUpdate: { kind: 'days', days: 14 } },
  uncollectible: { label: 'Uncollectible', nextUpdate: { kind: 'none' } },
  waiting_on_client: {
    label: 'Waiting on client',
    nextUpdate: { kind: 'afterExpectedDate' },
    waiting: 'waiting_on_client',
  },
  waiting_on_third_party: {
    label: 'Waiting on third party',
    nextUpdate: { kind: 'afterExpectedDate' },
    waiting: 'waiting_on_third_party',
  },
  // Case Survey Submitted counts as an update (issue 19): the monthly progress report, default interval.
  monthly_survey: { label: 'Monthly survey', nextUpdate: { kind: 'days', days: DEFAULT_UPDATE_INTERVAL_DAYS } },
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
  /** waiting_on_client / waiting_on_third_party: when the other party is expected to answer. */
  expectedDate: z.string().optional(),
  /** null: no further update required (uncollectible). */
  nextUpdateDue: z.string().nullable(),
  /** Whole calendar days to nextUpdateDue, rounded away from zero; negative = overdue. */
  daysRemaining: z.number().int().nullable(),
  alert: alertSchema,
  /** Calendar days added to nextUpdateDue by the creditor's approved extensions of the current update (issue 19). */
  extensionDays: z.number().int().nonnegative(),
  /** While the last update says the partner waits on someone else: why, and until when the clock stands. */
  clockPaused: z
    .object({ reason: z.enum(['waiting_on_client', 'waiting_on_third_party']), until: z.string() })
    .optional(),
  /** The SLA terms version in force for the case's creditor (issue 19, sla-terms.ts); absent = catalogue. */
  terms: slaTermsRefSchema.optional(),
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
  lastStatusUpdate?: { statusType: string; at: string; promisedDate?: string; expectedDate?: string };
  /** Extension requests of the case (issue 19): the approved ones of the current update move nextUpdateDue. */
  updateExtensions?: readonly UpdateExtension[];
}

/** An active case's stored state as the dashboard sees it: `statusAt` of an active case is its activation. */
export const activeCaseOf = (state: CaseState): ActiveCase => ({
  caseId: state.caseId,
  ...(state.statusAt ? { activeSince: state.statusAt } : {}),
  ...(state.lastStatusUpdate ? { lastStatusUpdate: state.lastStatusUpdate } : {}),
  ...(state.updateExtensions ? { updateExtensions: state.updateExtensions } : {}),
});

/** The update whose clock runs: the last status update, else the activation; undefined when neither is known. */
export const currentUpdateAt = (activeCase: ActiveCase): string | undefined =>
  activeCase.lastStatusUpdate?.at ?? activeCase.activeSince;

/** Approved extension days of the current update: a newer update starts a new clock and leaves them behind. */
export const updateExtensionDays = (activeCase: ActiveCase): number => {
  const current = currentUpdateAt(activeCase);
  return (activeCase.updateExtensions ?? [])
    .filter((extension) => extension.status === 'approved' && extension.forUpdateAt === current)
    .reduce((sum, extension) => sum + extension.days, 0);
};

/** A creditor's agreed intervals (sla-terms.ts `updateIntervalsOf`): calendar days per status type and the default. */
export interface UpdateIntervals {
  days: Partial<Record<StatusType, number>>;
  defaultDays: number;
  terms?: SlaTermsRef;
}

const plusDays = (at: number, days: number) => at + days * DAY_MS;
const startOfUtcDay = (at: number) => at - (((at % DAY_MS) + DAY_MS) % DAY_MS);

export const isStatusType = (value: string): value is StatusType => statusTypeSchema.safeParse(value).success;

/** The reason a status update of this type stops the clock, if it does. */
export const waitingReasonOf = (statusType: string): WaitingReason | undefined =>
  isStatusType(statusType) ? statusTypes[statusType].waiting : undefined;

/** The end of the day after a date or instant (UTC days, like the whole case-update SLA); NaN when unparsable. */
const endOfDayAfter = (date: string | undefined): number =>
  date === undefined ? Number.NaN : startOfUtcDay(Date.parse(date)) + 2 * DAY_MS;

/**
 * Until when a waiting update stops the clock unless a later update ends it first: the end of its
 * expectedDate's day, at most MAX_WAITING_DAYS after the update (also the end without an expectedDate).
 */
export const waitingUntil = (update: { at: string; expectedDate?: string }): number => {
  const at = Date.parse(update.at);
  const cap = plusDays(at, MAX_WAITING_DAYS);
  const expectedEnd = endOfDayAfter(update.expectedDate) - DAY_MS;
  return Number.isNaN(expectedEnd) ? cap : Math.min(Math.max(expectedEnd, at), cap);
};

/** Due time of the next update after `update`; null when none is required. */
const dueAfterUpdate = (
  update: NonNullable<ActiveCase['lastStatusUpdate']>,
  intervals?: UpdateIntervals,
): number | null => {
  const at = Date.parse(update.at);
  const defaultDays = intervals?.defaultDays ?? DEFAULT_UPDATE_INTERVAL_DAYS;
  const agreed = isStatusType(update.statusType) ? intervals?.days[update.statusType] : undefined;
  const tableRule: NextUpdateRule = isStatusType(update.statusType)
    ? statusTypes[update.statusType].nextUpdate
    : { kind: 'days', days: defaultDays };
  // Agreed days replace a `days` rule; a promised-date rule keeps the date and uses them without one.
  const rule: NextUpdateRule =
    agreed !== undefined && tableRule.kind === 'days' ? { kind: 'days', days: agreed } : tableRule;
  switch (rule.kind) {
    case 'none':
      return null;
    case 'days':
      return plusDays(at, rule.days);
    case 'afterPromisedDate':
    case 'afterExpectedDate': {
      // The end of the day after the promised (expected) date: time to see the payment (answer) and report it.
      const due = endOfDayAfter(rule.kind === 'afterPromisedDate' ? update.promisedDate : update.expectedDate);
      return Number.isNaN(due) ? plusDays(at, agreed ?? defaultDays) : due;
    }
  }
};

/**
 * Next update due for an active case. A case (re)activated after its last update (e.g. back from a pause)
 * gets at least the default interval from activation; a case with no known start is due at once. Approved
 * extensions of the current update add their calendar days.
 */
export const nextUpdateDue = (activeCase: ActiveCase, intervals?: UpdateIntervals): number | null => {
  const due = dueBeforeExtensions(activeCase, intervals);
  return due === null || !Number.isFinite(due) ? due : plusDays(due, updateExtensionDays(activeCase));
};

const dueBeforeExtensions = (activeCase: ActiveCase, intervals?: UpdateIntervals): number | null => {
  const since = activeCase.activeSince === undefined ? Number.NaN : Date.parse(activeCase.activeSince);
  const defaultDays = intervals?.defaultDays ?? DEFAULT_UPDATE_INTERVAL_DAYS;
  const fromActivation = Number.isNaN(since) ? null : plusDays(since, defaultDays);
  const update = activeCase.lastStatusUpdate;
  if (!update) return fromActivation ?? Number.NEGATIVE_INFINITY;
  const afterUpdate = dueAfterUpdate(update, intervals);
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

/** The waiting pause of the last update, while it still stands at `now` (the task clock's rule, clock-pauses.ts). */
const clockPausedOf = (update: ActiveCase['lastStatusUpdate'], now: Date): Pick<CaseUpdateLine, 'clockPaused'> => {
  const reason = update ? waitingReasonOf(update.statusType) : undefined;
  if (!update || !reason) return {};
  const until = waitingUntil(update);
  return until > now.getTime() ? { clockPaused: { reason, until: new Date(until).toISOString() } } : {};
};

export const caseUpdateLine = (activeCase: ActiveCase, now: Date, intervals?: UpdateIntervals): CaseUpdateLine => {
  const due = nextUpdateDue(activeCase, intervals);
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
    extensionDays: known ? updateExtensionDays(activeCase) : 0,
    ...(update?.expectedDate === undefined ? {} : { expectedDate: update.expectedDate }),
    ...clockPausedOf(update, now),
    ...(intervals?.terms ? { terms: intervals.terms } : {}),
  };
};

const order: Record<Alert, number> = { red: 0, yellow: 1, green: 2 };

/** The dashboard of one partner org: most urgent cases first, with the org's compliance figures. */
export const caseUpdateDashboard = (
  orgId: string,
  cases: readonly ActiveCase[],
  now: Date,
  /** Per case id: its creditor's agreed intervals (issue 19); a case not in it follows the table. */
  intervals?: ReadonlyMap<string, UpdateIntervals>,
): CaseUpdateDashboard => {
  const lines = cases
    .map((activeCase) => caseUpdateLine(activeCase, now, intervals?.get(activeCase.caseId)))
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
