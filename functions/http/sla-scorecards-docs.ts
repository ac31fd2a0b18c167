// OpenAPI docs and examples of the scorecard and what-if routes (functions/http/sla-scorecards.ts).
import * as sample from './example-values.js';
import { doc, type OperationDoc } from './operation-tags.js';

export const slaScorecardDocs: Record<string, OperationDoc> = {
  'GET /sla/scorecards': doc('listSlaScorecards', 'SLA', 'Monthly SLA scorecards; `Accept: text/csv` exports.'),
  'GET /sla/score/what-if': doc('getSlaWhatIf', 'SLA', 'The score if the named open tasks were completed at `at`.'),
};

// November 2026: a review on time (weight 3, points 1) and a message 3.5 days late (weight 2, points 0.5).
const figures = { score: 80, counted: 2, onTime: 1, late: 1, complianceRate: 50, onTimeShare: 60 };
const message = { type: 'new_message', label: 'New Message', weight: 2, count: 1, onTime: 0, late: 1, openOverdue: 0 };
const breakdown = [
  { ...message, type: 'review_new_case', label: 'Review New Case', weight: 3, onTime: 1, late: 0, averagePoints: 1 },
  { ...message, averagePoints: 0.5 },
];

/** The CSV of the partner example, exactly as the route renders it. */
export const scorecardCsvExample =
  'month,score,complianceRate,onTimeShare,averageLatenessDays,counted,onTime,late,notYetDue,percentile,rankedPartners\r\n' +
  '2026-11,80,50,60,3.5,2,1,1,0,33.33,3\r\n';

// What-if on 11-20: a message due 11-17 and open (3 days late so far) completed on 11-18 12:00 (1.5 days late).
const period = { orgId: sample.ORG_ID, from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' };
const report = { ...period, asOf: '2026-11-20T00:00:00.000Z', reason: null, counted: 1, totalWeight: 2, notYetDue: 0 };
const due = { originalDeadline: '2026-11-17T00:00:00.000Z', slaDeadline: '2026-11-17T00:00:00.000Z', weight: 2 };
const line = { taskId: sample.TASK_ID, type: 'new_message', ...due, pausedDays: 0, extensionDays: 0 };
const terms = { terms: { source: 'catalogue', version: 0 }, creditorOrgId: 'org-bank-north' };
const before = { ...line, ...terms, status: 'open', completedAt: null, latenessDays: 3, points: 0.5714 };
const after = { ...before, status: 'completed', completedAt: '2026-11-18T12:00:00.000Z', latenessDays: 1.5 };

export const slaScorecardExamples: Record<string, sample.OperationExample> = {
  'GET /sla/scorecards': {
    response: {
      ...{ view: 'partner', orgId: sample.ORG_ID, from: '2026-11', to: '2026-11' },
      scorecards: [
        {
          ...{ partnerOrgId: sample.ORG_ID, month: '2026-11', asOf: '2026-12-01T05:00:00.000Z', reason: null },
          ...{ ...figures, averageLatenessDays: 3.5, notYetDue: 0, breakdown, percentile: 33.33, rankedPartners: 3 },
          byCreditor: [{ creditorOrgId: 'org-bank-north', ...figures, averageLatenessDays: 3.5 }],
        },
      ],
    },
  },
  'GET /sla/score/what-if': {
    response: {
      current: { ...report, score: 57.14, breakdown: [{ ...message, openOverdue: 1, averagePoints: 0.5714 }] },
      whatIf: { ...report, score: 78.57, breakdown: [{ ...message, averagePoints: 0.7857 }] },
      changed: [{ taskId: sample.TASK_ID, before, after: { ...after, points: 0.7857 } }],
    },
  },
};
