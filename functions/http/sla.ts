// SLA views of a partner org: the Partner Score SLA component for a period and the case-update dashboard.

import { logger, tasksDb } from '@casetasks/app/runtime';
import {
  activeCaseOf,
  boundedDateSchema,
  boundedInstantSchema,
  caseUpdateDashboard,
  caseUpdateDashboardSchema,
  EARLIEST_INSTANT,
  ForbiddenError,
  MAX_YEARS_AHEAD,
  type Principal,
  requestedSlaPeriod,
  slaScoreReport,
  slaScoreReportSchema,
} from '@casetasks/core';
import { activeCasesOfPartner, slaTasksInPeriod } from '@casetasks/db';
import * as z from 'zod';
import { httpHandler, httpRoute, type RouteMap } from '../middleware/http-handler.js';
import { noQuerySchema } from './task-views.js';

const instant = z
  .union([boundedDateSchema, boundedInstantSchema])
  .describe(
    `ISO date (midnight UTC) or date-time with offset, from ${EARLIEST_INSTANT.slice(0, 10)} to ${MAX_YEARS_AHEAD} years from now`,
  );

const scoreQuerySchema = z.strictObject({
  from: instant.optional().describe('Period start on originalDeadline, inclusive; default: 30 days before `to`'),
  to: instant.optional().describe('Period end, exclusive; default: now. At most 366 days after `from`'),
  lines: z.enum(['true', 'false']).optional().describe('`true` adds the per-task lines behind the score'),
});

/** Both views are about the caller's own partner work: a creditor is refused outright (403), see docs/sla.md. */
const assertPartner = (principal: Principal): void => {
  if (principal.party !== 'partner') throw new ForbiddenError('SLA views are for partner organisations only');
};

export const routes = {
  'GET /sla/score': httpRoute({
    summary: "The SLA component of the caller's Partner Score for a period, with a breakdown per task type",
    query: scoreQuerySchema,
    response: slaScoreReportSchema,
    handle: async ({ principal, query, now }) => {
      assertPartner(principal);
      const period = requestedSlaPeriod(query, now);
      const { tasks, stats } = await slaTasksInPeriod(tasksDb(), principal.orgId, period);
      logger.debug('sla score read', { ...stats, tasks: tasks.length });
      const withLines = query.lines === 'true';
      return { body: slaScoreReport({ orgId: principal.orgId, period, now, tasks, withLines }) };
    },
  }),
  'GET /sla/cases': httpRoute({
    summary: "The case-update SLA dashboard of the caller's active cases (seed 002)",
    query: noQuerySchema,
    response: caseUpdateDashboardSchema,
    handle: async ({ principal, now }) => {
      assertPartner(principal);
      const { cases, stats } = await activeCasesOfPartner(tasksDb(), principal.orgId);
      logger.debug('sla cases read', { ...stats, cases: cases.length });
      return { body: caseUpdateDashboard(principal.orgId, cases.map(activeCaseOf), now) };
    },
  }),
} satisfies RouteMap;

export const handler = httpHandler(routes);
