// SLA scorecard trends (a partner's own, a creditor's view of its partners) read from the monthly snapshots,
// and the what-if score of completing open tasks.
import {
  creditorScorecardSchema,
  creditorTrendCsv,
  ForbiddenError,
  MAX_WHAT_IF_TASKS,
  monthSchema,
  type Principal,
  requestedMonths,
  requestedSlaPeriod,
  scorecardSchema,
  scorecardTrendCsv,
  WhatIfTaskError,
  whatIfScore,
} from '@casetasks/core';
import { creditorScorecards, partnerScorecards, slaTasksInPeriod } from '@casetasks/db';
import * as z from 'zod';
import { tasksDb } from '../runtime/clients.js';
import { logger } from '../runtime/observability.js';
import { slaScoreQuerySchema } from './sla-views.js';

export { whatIfReportSchema } from '@casetasks/core';

export const scorecardsQuerySchema = z.strictObject({
  from: monthSchema.optional().describe('First month (UTC), YYYY-MM; default: 11 months before `to`'),
  to: monthSchema.optional().describe('Last month, inclusive; default: the last complete month. At most 24 months'),
});
export type ScorecardsQuery = z.infer<typeof scorecardsQuerySchema>;

export const scorecardTrendSchema = z
  .discriminatedUnion('view', [
    z.object({
      view: z.literal('partner'),
      orgId: z.string(),
      from: monthSchema,
      to: monthSchema,
      /** One per month with a snapshot, oldest first; a month without SLA tasks has none. */
      scorecards: z.array(scorecardSchema),
    }),
    z.object({
      view: z.literal('creditor'),
      orgId: z.string(),
      from: monthSchema,
      to: monthSchema,
      /** Per month and partner, restricted to the creditor's own cases. */
      scorecards: z.array(creditorScorecardSchema),
    }),
  ])
  .meta({ id: 'SlaScorecardTrend' });
export type ScorecardTrend = z.infer<typeof scorecardTrendSchema>;

/** A partner's own trend, or a creditor's view of its partners restricted to its cases: one Query either way. */
export const slaScorecards = async (
  principal: Principal,
  query: ScorecardsQuery,
  now: Date,
): Promise<ScorecardTrend> => {
  const months = requestedMonths(query, now);
  const db = tasksDb();
  if (principal.party === 'partner') {
    const { scorecards, stats } = await partnerScorecards(db, principal.orgId, months);
    logger.debug('sla scorecards read', { ...stats, scorecards: scorecards.length });
    return { view: 'partner', orgId: principal.orgId, ...months, scorecards };
  }
  const { scorecards, stats } = await creditorScorecards(db, principal.orgId, months);
  logger.debug('sla creditor scorecards read', { ...stats, scorecards: scorecards.length });
  return { view: 'creditor', orgId: principal.orgId, ...months, scorecards };
};

/** The trend as CSV: one row per month (a creditor's: per month and partner), columns in a fixed order. */
export const scorecardTrendAsCsv = (trend: ScorecardTrend): string =>
  trend.view === 'partner' ? scorecardTrendCsv(trend.scorecards) : creditorTrendCsv(trend.scorecards);

export const whatIfQuerySchema = slaScoreQuerySchema.omit({ lines: true }).extend({
  complete: z
    .string()
    .max(MAX_WHAT_IF_TASKS * 65)
    .optional()
    .describe(`Comma-separated ids of open tasks of yours counted in the period, at most ${MAX_WHAT_IF_TASKS}`),
  at: slaScoreQuerySchema.shape.from.describe('When they would be completed; default: now'),
});
export type WhatIfQuery = z.infer<typeof whatIfQuerySchema>;

/** The score of the period if the named open tasks were completed at `at`: one Query, then pure computation. */
export const slaWhatIf = async (principal: Principal, query: WhatIfQuery, now: Date) => {
  if (principal.party !== 'partner') throw new ForbiddenError('SLA views are for partner organisations only');
  const period = requestedSlaPeriod(query, now);
  const at = query.at === undefined ? now : new Date(query.at);
  if (Number.isNaN(at.getTime())) throw new WhatIfTaskError('not a date', 'at');
  const { tasks, stats } = await slaTasksInPeriod(tasksDb(), principal.orgId, period);
  logger.debug('sla what-if read', { ...stats, tasks: tasks.length });
  const complete = query.complete ? query.complete.split(',').map((id) => id.trim()) : [];
  return whatIfScore({ orgId: principal.orgId, period, now, tasks, complete, at });
};
