// The Partner Score SLA component for a period, explained: score, breakdown per task type and per-task lines.
import * as z from 'zod';
import { catalogue, slaWeightFor } from './catalogue.js';
import { DomainError } from './errors.js';
import { lateness, slaPoints, weightedScore } from './sla.js';
import { approvedExtensionDays, slaDeadlineOf, slaEndOf } from './sla-clock.js';
import { slaTermsRefSchema, type Task, taskTypeSchema } from './task.js';

const DAY_MS = 86_400_000;
/** The longest period one score covers: a year plus a leap day keeps every query bounded. */
export const MAX_SLA_PERIOD_DAYS = 366;

/** Why a period has no score: nothing in it counts, or everything in it is open and not due yet. */
export const noScoreReasonSchema = z.enum(['no_tasks_in_period', 'none_due_yet']);
export type NoScoreReason = z.infer<typeof noScoreReasonSchema>;

const round = (value: number, digits: number) => Number(value.toFixed(digits));

export const slaLineSchema = z.object({
  taskId: z.string(),
  type: taskTypeSchema,
  status: z.enum(['open', 'completed']),
  originalDeadline: z.string(),
  /** What lateness is measured against: originalDeadline + approved extensions + paused working time. */
  slaDeadline: z.string(),
  completedAt: z.string().nullable(),
  /** Calendar days after the SLA deadline (so far, for an open task; frozen while paused); 0 when on time. */
  latenessDays: z.number(),
  points: z.number(),
  weight: z.number(),
  /** The SLA terms the deadline was set under. */
  terms: slaTermsRefSchema,
  /** Working days the clock stood still (closed pauses), 2 decimals. */
  pausedDays: z.number(),
  /** Business days of approved extensions. */
  extensionDays: z.number().int(),
  /** The creditor of the task's case, when known. */
  creditorOrgId: z.string().nullable(),
});
export type SlaLine = z.infer<typeof slaLineSchema>;

export const slaTypeBreakdownSchema = z.object({
  type: taskTypeSchema,
  label: z.string(),
  weight: z.number(),
  /** Tasks of this type that count in the period. */
  count: z.number().int(),
  onTime: z.number().int(),
  /** Completed late, or still open past the original deadline. */
  late: z.number().int(),
  /** Of `late`: still open past the original deadline. */
  openOverdue: z.number().int(),
  averagePoints: z.number(),
});
export type SlaTypeBreakdown = z.infer<typeof slaTypeBreakdownSchema>;

export const slaScoreReportSchema = z
  .object({
    orgId: z.string(),
    /** Period start, inclusive (on originalDeadline). */
    from: z.string(),
    /** Period end, exclusive. */
    to: z.string(),
    /** The "now" open tasks' lateness is measured against. */
    asOf: z.string(),
    /** 0–100; null when nothing counts (see `reason`). */
    score: z.number().nullable(),
    reason: noScoreReasonSchema.nullable(),
    counted: z.number().int(),
    totalWeight: z.number(),
    /** Open tasks whose original deadline is in the period but not yet reached: they count once due. */
    notYetDue: z.number().int(),
    breakdown: z.array(slaTypeBreakdownSchema),
    /** Present only when asked for (`lines=true`). */
    lines: z.array(slaLineSchema).optional(),
  })
  .meta({ id: 'SlaScoreReport' });
export type SlaScoreReport = z.infer<typeof slaScoreReportSchema>;

export interface SlaPeriod {
  from: Date;
  to: Date;
}

/** What is wrong with a requested period, naming the field; undefined when it is fine. */
export const slaPeriodProblem = (period: SlaPeriod): { field: 'from' | 'to'; message: string } | undefined => {
  if (Number.isNaN(period.to.getTime())) return { field: 'to', message: 'not a date' };
  if (Number.isNaN(period.from.getTime())) return { field: 'from', message: 'not a date' };
  if (period.to <= period.from) return { field: 'to', message: 'must be after from' };
  if (period.to.getTime() - period.from.getTime() > MAX_SLA_PERIOD_DAYS * DAY_MS) {
    return { field: 'to', message: `the period may span at most ${MAX_SLA_PERIOD_DAYS} days` };
  }
  return undefined;
};

/** A score period that is not a period, or too long to query (400, names the field). */
export class SlaPeriodError extends DomainError {
  override readonly statusCode = 400;
  override readonly code = 'invalid_request';
}

export const assertSlaPeriod = (period: SlaPeriod): SlaPeriod => {
  const problem = slaPeriodProblem(period);
  if (problem) throw new SlaPeriodError(problem.message, problem.field);
  return period;
};

/** Length of the period when the caller gives no `from`. */
export const DEFAULT_SLA_PERIOD_DAYS = 30;

/**
 * The period a caller asked for: `to` defaults to now, `from` to 30 days before `to`; a bare date is
 * midnight UTC. Throws SlaPeriodError naming the field when it is not a usable period.
 */
export const requestedSlaPeriod = (query: { from?: string; to?: string }, now: Date): SlaPeriod => {
  const to = query.to === undefined ? now : new Date(query.to);
  const from =
    query.from === undefined ? new Date(to.getTime() - DEFAULT_SLA_PERIOD_DAYS * DAY_MS) : new Date(query.from);
  return assertSlaPeriod({ from, to });
};

/** Tasks that never count: creditor, commission or unweighted types, and `ai`/`cancelled` resolutions. */
const slaWeightOf = (task: Task): number | null =>
  task.resolution === 'ai' || task.resolution === 'cancelled' ? null : slaWeightFor(task.type, task.accessLevel);

const inPeriod = (task: Task, period: SlaPeriod) => {
  const deadline = Date.parse(task.originalDeadline);
  return deadline >= period.from.getTime() && deadline < period.to.getTime();
};

/**
 * The line a task contributes, or undefined when it does not count (yet). An open task counts only once
 * `now` is past its original deadline, with the lateness so far.
 */
export const slaLineOf = (task: Task, now: Date): SlaLine | undefined => {
  const weight = slaWeightOf(task);
  if (weight === null) return undefined;
  const ended = task.status === 'completed' ? task.completedAt : now.toISOString();
  if (ended === undefined) return undefined;
  const deadline = slaDeadlineOf(task);
  const endedAt = slaEndOf(task, ended);
  // An open task counts once its SLA deadline has passed on the clock (a running pause stops the clock).
  if (task.status === 'open' && Date.parse(deadline) >= Date.parse(endedAt)) return undefined;
  return {
    taskId: task.id,
    type: task.type,
    status: task.status,
    originalDeadline: task.originalDeadline,
    slaDeadline: deadline,
    completedAt: task.completedAt ?? null,
    latenessDays: lateness(deadline, endedAt),
    points: slaPoints(deadline, endedAt),
    weight,
    terms: task.slaTerms ?? { source: 'catalogue', version: 0 },
    pausedDays: (task.pausedWorkingMs ?? 0) / DAY_MS,
    extensionDays: approvedExtensionDays(task.extensions),
    creditorOrgId: task.creditorOrgId ?? null,
  };
};

const breakdownOf = (lines: readonly SlaLine[]): SlaTypeBreakdown[] => {
  const byType = new Map<SlaLine['type'], SlaLine[]>();
  for (const line of lines) byType.set(line.type, [...(byType.get(line.type) ?? []), line]);
  return [...byType.entries()]
    .map(([type, group]) => {
      const late = group.filter((line) => line.latenessDays > 0);
      return {
        type,
        label: catalogue[type].label,
        weight: group[0]?.weight ?? 0,
        count: group.length,
        onTime: group.length - late.length,
        late: late.length,
        openOverdue: late.filter((line) => line.status === 'open').length,
        averagePoints: round(group.reduce((sum, line) => sum + line.points, 0) / group.length, 4),
      };
    })
    .sort((a, b) => b.weight - a.weight || a.type.localeCompare(b.type));
};

export interface SlaScoreInput {
  orgId: string;
  period: SlaPeriod;
  now: Date;
  /** Candidate tasks (from the slaByOrg index); filtered here again so the rule lives in one place. */
  tasks: readonly Task[];
  withLines?: boolean;
}

/** Score = 100 × Σ(weight × points) / Σ(weight) over the counted tasks; null with a reason when none count. */
export const slaScoreReport = ({ orgId, period, now, tasks, withLines = false }: SlaScoreInput): SlaScoreReport => {
  const candidates = tasks.filter(
    (task) => task.orgId === orgId && inPeriod(task, period) && slaWeightOf(task) !== null,
  );
  const lines = candidates
    .map((task) => slaLineOf(task, now))
    .filter((line) => line !== undefined)
    .sort((a, b) => a.originalDeadline.localeCompare(b.originalDeadline) || a.taskId.localeCompare(b.taskId));
  const score = weightedScore(lines);
  const reason: NoScoreReason | null =
    score !== null ? null : candidates.length === 0 ? 'no_tasks_in_period' : 'none_due_yet';
  return {
    orgId,
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    asOf: now.toISOString(),
    score: score === null ? null : round(score, 2),
    reason,
    counted: lines.length,
    totalWeight: lines.reduce((sum, line) => sum + line.weight, 0),
    notYetDue: candidates.length - lines.length,
    breakdown: breakdownOf(lines),
    ...(withLines
      ? {
          lines: lines.map((line) => ({
            ...line,
            latenessDays: round(line.latenessDays, 2),
            pausedDays: round(line.pausedDays, 2),
            points: round(line.points, 4),
          })),
        }
      : {}),
  };
};
