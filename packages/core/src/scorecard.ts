// Monthly SLA scorecards: a partner's month (score, compliance, lateness, breakdowns), a creditor's view of it,
// percentiles among partners, the CSV of a trend, and the what-if score of completing open tasks.
import * as z from 'zod';
import { toCsv } from './csv.js';
import { DomainError } from './errors.js';
import {
  type SlaLine,
  type SlaPeriod,
  type SlaScoreReport,
  slaLineOf,
  slaLineSchema,
  slaScoreReport,
  slaScoreReportSchema,
  slaTypeBreakdownSchema,
} from './sla-report.js';
import type { Task } from './task.js';

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const percent = (part: number, whole: number) => (whole === 0 ? null : round((100 * part) / whole, 2));

// ---- months -------------------------------------------------------------------------------------

/** A calendar month in UTC, `YYYY-MM`. */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month, YYYY-MM')
  .describe('A calendar month in UTC, YYYY-MM');
export type Month = z.infer<typeof monthSchema>;

/** The longest trend one request returns. */
export const MAX_SCORECARD_MONTHS = 24;

const monthIndex = (month: Month) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthAt = (index: number): Month =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The month (UTC) an instant falls in. */
export const monthOf = (instant: string | Date): Month => new Date(instant).toISOString().slice(0, 7);

/** The month before the one `now` is in: the last complete month, the one the job snapshots. */
export const previousMonth = (now: Date): Month => monthAt(monthIndex(monthOf(now)) - 1);

export const addMonths = (month: Month, count: number): Month => monthAt(monthIndex(month) + count);

/** The score period of a month: [YYYY-MM-01, first of the next month), UTC. */
export const monthPeriod = (month: Month): SlaPeriod => ({
  from: new Date(`${month}-01T00:00:00.000Z`),
  to: new Date(`${addMonths(month, 1)}-01T00:00:00.000Z`),
});

/** A month range that is not one, or longer than 24 months (400, names the field). */
export class ScorecardRangeError extends DomainError {
  override readonly statusCode = 400;
  override readonly code = 'invalid_request';
}

/** The months asked for: `to` defaults to the last complete month, `from` to 11 months before `to` (a year). */
export const requestedMonths = (query: { from?: Month; to?: Month }, now: Date): { from: Month; to: Month } => {
  const to = query.to ?? previousMonth(now);
  const from = query.from ?? addMonths(to, -11);
  if (monthIndex(to) < monthIndex(from)) throw new ScorecardRangeError('must not be before from', 'to');
  if (monthIndex(to) - monthIndex(from) + 1 > MAX_SCORECARD_MONTHS) {
    throw new ScorecardRangeError(`at most ${MAX_SCORECARD_MONTHS} months`, 'to');
  }
  return { from, to };
};

// ---- figures of a set of lines --------------------------------------------------------------------

export const scorecardFiguresSchema = z.object({
  /** The month's SLA score, exactly as GET /sla/score computes it for that month; null when nothing counted. */
  score: z.number().nullable(),
  reason: slaScoreReportSchema.shape.reason,
  counted: z.number().int(),
  /** Counted tasks with no lateness (points 1). */
  onTime: z.number().int(),
  late: z.number().int(),
  /** 100 × onTime / counted, 2 decimals; null when nothing counted. */
  complianceRate: z.number().nullable(),
  /** 100 × (weight of on-time tasks) / (weight of counted tasks), 2 decimals: compliance as the score weighs it. */
  onTimeShare: z.number().nullable(),
  /** Mean latenessDays of the late lines (as the lines show them, 2 decimals); null when none was late. */
  averageLatenessDays: z.number().nullable(),
  notYetDue: z.number().int(),
  breakdown: z.array(slaTypeBreakdownSchema),
});
export type ScorecardFigures = z.infer<typeof scorecardFiguresSchema>;

interface LinePair {
  /** The line as the report shows it (rounded). */
  shown: SlaLine;
  /** The same line unrounded: counts and weights are decided on it. */
  exact: SlaLine;
}

const linePairs = (report: SlaScoreReport, tasks: readonly Task[], now: Date): LinePair[] => {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  return (report.lines ?? []).flatMap((shown) => {
    const task = byId.get(shown.taskId);
    const exact = task ? slaLineOf(task, now) : undefined;
    return exact ? [{ shown, exact }] : [];
  });
};

const figuresOf = (report: SlaScoreReport, pairs: readonly LinePair[]): ScorecardFigures => {
  const late = pairs.filter((pair) => pair.exact.latenessDays > 0);
  const onTime = pairs.filter((pair) => pair.exact.latenessDays === 0);
  const weightOf = (group: readonly LinePair[]) => group.reduce((sum, pair) => sum + pair.exact.weight, 0);
  const shownLateness = late.reduce((sum, pair) => sum + pair.shown.latenessDays, 0);
  return {
    score: report.score,
    reason: report.reason,
    counted: report.counted,
    onTime: onTime.length,
    late: late.length,
    complianceRate: percent(onTime.length, pairs.length),
    onTimeShare: percent(weightOf(onTime), weightOf(pairs)),
    averageLatenessDays: late.length === 0 ? null : round(shownLateness / late.length, 2),
    notYetDue: report.notYetDue,
    breakdown: report.breakdown,
  };
};

/** The figures of a partner's tasks in a month, as of `now` (open tasks' lateness so far). */
const monthFigures = (partnerOrgId: string, month: Month, tasks: readonly Task[], now: Date) => {
  const report = slaScoreReport({ orgId: partnerOrgId, period: monthPeriod(month), now, tasks, withLines: true });
  return { report, figures: figuresOf(report, linePairs(report, tasks, now)) };
};

// ---- scorecards --------------------------------------------------------------------------------------

/** Lines without a known creditor are grouped under this id. */
export const UNKNOWN_CREDITOR = 'unknown';

export const creditorBreakdownSchema = scorecardFiguresSchema
  .omit({ breakdown: true, reason: true, notYetDue: true })
  .extend({ creditorOrgId: z.string() });

export const scorecardSchema = z
  .object({
    partnerOrgId: z.string(),
    month: monthSchema,
    /** The instant open tasks were measured at (the snapshot's run). */
    asOf: z.string(),
    ...scorecardFiguresSchema.shape,
    byCreditor: z.array(creditorBreakdownSchema),
    /** 0–100: share of ranked partners (those with a score this month) whose score is lower; null without a score. */
    percentile: z.number().nullable(),
    /** How many partners had a score this month; null until the month's ranking is done. */
    rankedPartners: z.number().int().nullable(),
  })
  .meta({ id: 'SlaScorecard' });
export type Scorecard = z.infer<typeof scorecardSchema>;

/** A partner's month restricted to one creditor's cases: what that creditor sees. */
export const creditorScorecardSchema = z
  .object({
    partnerOrgId: z.string(),
    creditorOrgId: z.string(),
    month: monthSchema,
    asOf: z.string(),
    ...scorecardFiguresSchema.shape,
  })
  .meta({ id: 'SlaCreditorScorecard' });
export type CreditorScorecard = z.infer<typeof creditorScorecardSchema>;

const creditorOf = (task: Task) => task.creditorOrgId ?? UNKNOWN_CREDITOR;

export interface ScorecardInput {
  partnerOrgId: string;
  month: Month;
  /** The partner's SLA tasks of the month (slaTasksInPeriod); filtered again by the score's own rule. */
  tasks: readonly Task[];
  now: Date;
}

/** One creditor's view: the same figures over the partner's tasks of that creditor's cases only. */
export const creditorScorecard = (input: ScorecardInput, creditorOrgId: string): CreditorScorecard => {
  const own = input.tasks.filter((task) => creditorOf(task) === creditorOrgId);
  const { figures } = monthFigures(input.partnerOrgId, input.month, own, input.now);
  return {
    partnerOrgId: input.partnerOrgId,
    creditorOrgId,
    month: input.month,
    asOf: input.now.toISOString(),
    ...figures,
  };
};

/**
 * A partner's month and the view of every creditor with a counted line in it (`unknown` has no view: no
 * creditor to show it to). The percentile comes later, once every partner of the month is scored.
 */
export const monthlyScorecard = (
  input: ScorecardInput,
): { scorecard: Scorecard; creditorViews: CreditorScorecard[] } => {
  const { report, figures } = monthFigures(input.partnerOrgId, input.month, input.tasks, input.now);
  const creditors = [...new Set((report.lines ?? []).map((line) => line.creditorOrgId ?? UNKNOWN_CREDITOR))].sort();
  const views = creditors.map((creditor) => creditorScorecard(input, creditor));
  return {
    scorecard: {
      partnerOrgId: input.partnerOrgId,
      month: input.month,
      asOf: input.now.toISOString(),
      ...figures,
      byCreditor: views.map((view) => creditorBreakdownSchema.parse(view)),
      percentile: null,
      rankedPartners: null,
    },
    creditorViews: views.filter((view) => view.creditorOrgId !== UNKNOWN_CREDITOR),
  };
};

// ---- percentiles ---------------------------------------------------------------------------------------

export interface RankedScore {
  partnerOrgId: string;
  score: number | null;
}

/**
 * Each partner's percentile among the month's ranked partners (those with a score): 100 × (ranked partners
 * with a strictly lower score) / (ranked partners), 2 decimals; equal scores share a percentile. Anonymised:
 * only the share and the count are kept, never who is above or below.
 */
export const percentiles = (
  scores: readonly RankedScore[],
): Map<string, { percentile: number | null; rankedPartners: number }> => {
  const ranked = scores.flatMap((entry) => (entry.score === null ? [] : [entry.score])).sort((a, b) => a - b);
  const lowerThan = (score: number) => {
    let count = 0;
    while (count < ranked.length && (ranked[count] ?? Infinity) < score) count += 1;
    return count;
  };
  return new Map(
    scores.map((entry) => [
      entry.partnerOrgId,
      {
        percentile: entry.score === null ? null : (percent(lowerThan(entry.score), ranked.length) ?? null),
        rankedPartners: ranked.length,
      },
    ]),
  );
};

// ---- CSV -------------------------------------------------------------------------------------------------

const figureColumns = [
  'score',
  'complianceRate',
  'onTimeShare',
  'averageLatenessDays',
  'counted',
  'onTime',
  'late',
  'notYetDue',
] as const;

/** A partner's trend as CSV: one row per month, oldest first, columns in this fixed order. */
export const scorecardTrendCsv = (scorecards: readonly Scorecard[]): string =>
  toCsv(
    ['month', ...figureColumns, 'percentile', 'rankedPartners'],
    [...scorecards]
      .sort((a, b) => a.month.localeCompare(b.month))
      .map((card) => [
        card.month,
        ...figureColumns.map((column) => card[column]),
        card.percentile,
        card.rankedPartners,
      ]),
  );

/** A creditor's trend as CSV: one row per month and partner, oldest month first. */
export const creditorTrendCsv = (scorecards: readonly CreditorScorecard[]): string =>
  toCsv(
    ['month', 'partnerOrgId', ...figureColumns],
    [...scorecards]
      .sort((a, b) => a.month.localeCompare(b.month) || a.partnerOrgId.localeCompare(b.partnerOrgId))
      .map((card) => [card.month, card.partnerOrgId, ...figureColumns.map((column) => card[column])]),
  );

// ---- what-if ----------------------------------------------------------------------------------------------

/** At most this many tasks in one what-if. */
export const MAX_WHAT_IF_TASKS = 50;

/** A named task that is not an open task of the caller counted in the period (400, names `complete`). */
export class WhatIfTaskError extends DomainError {
  override readonly statusCode = 400;
  override readonly code = 'invalid_request';
  constructor(message: string, field: 'complete' | 'at' = 'complete') {
    super(message, field);
  }
}

export const whatIfChangeSchema = z.object({
  taskId: z.string(),
  /** The line today; null when the task does not count yet (open, not due). */
  before: slaLineSchema.nullable(),
  after: slaLineSchema.nullable(),
});

export const whatIfReportSchema = z
  .object({
    current: slaScoreReportSchema,
    whatIf: slaScoreReportSchema,
    /** The lines that differ, in the order of `complete`. */
    changed: z.array(whatIfChangeSchema),
  })
  .meta({ id: 'SlaWhatIfReport' });
export type WhatIfReport = z.infer<typeof whatIfReportSchema>;

export interface WhatIfInput {
  orgId: string;
  period: SlaPeriod;
  now: Date;
  tasks: readonly Task[];
  /** Ids of open tasks of the org with their original deadline in the period; none: today's score twice. */
  complete: readonly string[];
  /** When they would be completed. */
  at: Date;
}

/**
 * The score if the named open tasks were completed at `at` (as `done`, by the same rules a real completion
 * follows: a running clock pause still freezes the clock at its start). Nothing is read or written.
 */
export const whatIfScore = (input: WhatIfInput): WhatIfReport => {
  const { orgId, period, now, tasks, complete } = input;
  const candidates = new Map(
    tasks
      .filter((task) => task.orgId === orgId)
      .filter((task) => {
        const deadline = Date.parse(task.originalDeadline);
        return deadline >= period.from.getTime() && deadline < period.to.getTime();
      })
      .map((task) => [task.id, task]),
  );
  if (complete.length > MAX_WHAT_IF_TASKS) throw new WhatIfTaskError(`name at most ${MAX_WHAT_IF_TASKS} tasks`);
  if (new Set(complete).size !== complete.length) throw new WhatIfTaskError('a task is named twice');
  const at = input.at.toISOString();
  const completions = new Map<string, Task>();
  for (const id of complete) {
    const task = candidates.get(id);
    if (task?.status !== 'open' || slaLineOf({ ...task, status: 'completed', completedAt: at }, now) === undefined) {
      throw new WhatIfTaskError(`${id} is not an open task of yours counted in the period`);
    }
    if (at < task.createdAt) throw new WhatIfTaskError(`before the creation of ${id}`, 'at');
    completions.set(id, { ...task, status: 'completed', completedAt: at, resolution: 'done' });
  }
  const current = slaScoreReport({ orgId, period, now, tasks, withLines: true });
  const whatIf = slaScoreReport({
    orgId,
    period,
    now,
    tasks: tasks.map((task) => completions.get(task.id) ?? task),
    withLines: true,
  });
  const lineOf = (report: SlaScoreReport, id: string) => report.lines?.find((line) => line.taskId === id) ?? null;
  return {
    current,
    whatIf,
    changed: complete.map((taskId) => ({ taskId, before: lineOf(current, taskId), after: lineOf(whatIf, taskId) })),
  };
};
