// SLA views of a partner org: the Partner Score SLA component for a period and the case-update dashboard.

import {
  activeCaseOf,
  boundedDateSchema,
  boundedInstantSchema,
  caseUpdateDashboard,
  EARLIEST_INSTANT,
  ForbiddenError,
  MAX_YEARS_AHEAD,
  type Principal,
  requestedSlaPeriod,
  slaScoreReport,
} from '@casetasks/core';
import { activeCasesOfPartner, slaTasksInPeriod } from '@casetasks/db';
import * as z from 'zod';
import { tasksDb } from '../runtime/clients.js';
import { logger } from '../runtime/observability.js';
import { updateIntervalsByCase } from './sla-terms.js';

export { caseUpdateDashboardSchema, slaScoreReportSchema } from '@casetasks/core';

const instant = z
  .union([boundedDateSchema, boundedInstantSchema])
  .describe(
    `ISO date (midnight UTC) or date-time with offset, from ${EARLIEST_INSTANT.slice(0, 10)} to ${MAX_YEARS_AHEAD} years from now`,
  );

export const slaScoreQuerySchema = z.strictObject({
  from: instant.optional().describe('Period start on originalDeadline, inclusive; default: 30 days before `to`'),
  to: instant.optional().describe('Period end, exclusive; default: now. At most 366 days after `from`'),
  lines: z.enum(['true', 'false']).optional().describe('`true` adds the per-task lines behind the score'),
});
export type SlaScoreQuery = z.infer<typeof slaScoreQuerySchema>;

/** Both views are about the caller's own partner work: a creditor is refused outright (403), see docs/sla.md. */
const assertPartner = (principal: Principal): void => {
  if (principal.party !== 'partner') throw new ForbiddenError('SLA views are for partner organisations only');
};

/** The score for the requested period, with a breakdown per task type (and the lines behind it on request). */
export const slaScore = async (principal: Principal, query: SlaScoreQuery, now: Date) => {
  assertPartner(principal);
  const period = requestedSlaPeriod(query, now);
  const { tasks, stats } = await slaTasksInPeriod(tasksDb(), principal.orgId, period);
  logger.debug('sla score read', { ...stats, tasks: tasks.length });
  const withLines = query.lines === 'true';
  return slaScoreReport({ orgId: principal.orgId, period, now, tasks, withLines });
};

/** The case-update SLA of every active case of the caller's partner org. */
export const slaCaseDashboard = async (principal: Principal, now: Date) => {
  assertPartner(principal);
  const db = tasksDb();
  const { cases, stats } = await activeCasesOfPartner(db, principal.orgId);
  logger.debug('sla cases read', { ...stats, cases: cases.length });
  // Each creditor's agreed intervals (issue 19): each line names the terms version it was measured under.
  const intervals = await updateIntervalsByCase(db, principal.orgId, cases, now);
  return caseUpdateDashboard(principal.orgId, cases.map(activeCaseOf), now, intervals);
};
