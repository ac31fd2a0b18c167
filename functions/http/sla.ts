// GET /sla/score and GET /sla/cases: a partner org's Partner Score SLA component and its case-update dashboard.
import {
  caseUpdateDashboardSchema,
  slaCaseDashboard,
  slaScore,
  slaScoreQuerySchema,
  slaScoreReportSchema,
} from '@casetasks/app/sla';
import { noQuerySchema } from '@casetasks/app/tasks';
import { httpHandler } from '../middleware/http-handler.js';
import { httpRoute, type RouteMap } from '../middleware/http-route.js';
import { slaScorecardRoutes } from './sla-scorecards.js';
import { slaTermsRoutes } from './sla-terms.js';

export const routes = {
  'GET /sla/score': httpRoute({
    summary: "The SLA component of the caller's Partner Score for a period, with a breakdown per task type",
    partnerOnly: true,
    query: slaScoreQuerySchema,
    response: slaScoreReportSchema,
    handle: async ({ principal, query, now }) => ({ body: await slaScore(principal, query, now) }),
  }),
  'GET /sla/cases': httpRoute({
    summary: "The case-update SLA dashboard of the caller's active cases (seed 002)",
    partnerOnly: true,
    query: noQuerySchema,
    response: caseUpdateDashboardSchema,
    handle: async ({ principal, now }) => ({ body: await slaCaseDashboard(principal, now) }),
  }),
  ...slaTermsRoutes,
  ...slaScorecardRoutes,
} satisfies RouteMap;

export const handler = httpHandler(routes);
