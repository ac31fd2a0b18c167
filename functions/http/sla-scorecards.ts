// GET /sla/scorecards (monthly trend, JSON or CSV; creditors see their own cases only) and GET /sla/score/what-if.
import {
  scorecardsQuerySchema,
  scorecardTrendAsCsv,
  scorecardTrendSchema,
  slaScorecards,
  slaWhatIf,
  whatIfQuerySchema,
  whatIfReportSchema,
} from '@casetasks/app/sla';
import { httpRoute, type RouteMap } from '../middleware/http-route.js';
import { scorecardCsvExample } from './sla-scorecards-docs.js';

/** CSV when the caller's Accept names text/csv; JSON otherwise (also for `*\/*`). */
const wantsCsv = (accept: string | undefined): boolean => /(^|[,\s])text\/csv\b/i.test(accept ?? '');

export const slaScorecardRoutes = {
  'GET /sla/scorecards': httpRoute({
    summary: 'Monthly SLA scorecards from `from` to `to`: a partner its own, a creditor its partners on its cases',
    query: scorecardsQuerySchema,
    response: scorecardTrendSchema,
    csv: { example: scorecardCsvExample },
    handle: async ({ principal, query, now, event }) => {
      const trend = await slaScorecards(principal, query, now);
      if (!wantsCsv(event.headers?.accept)) return { body: trend };
      return { body: trend, rendered: { contentType: 'text/csv; charset=utf-8', text: scorecardTrendAsCsv(trend) } };
    },
  }),
  'GET /sla/score/what-if': httpRoute({
    summary: 'The SLA score of a period if the named open tasks were completed at `at` (default now)',
    partnerOnly: true,
    query: whatIfQuerySchema,
    response: whatIfReportSchema,
    handle: async ({ principal, query, now }) => ({ body: await slaWhatIf(principal, query, now) }),
  }),
} satisfies RouteMap;
