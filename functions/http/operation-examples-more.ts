// OpenAPI examples of the task export, case, SLA, settings and saved-view and webhook routes (the task routes' are in operation-examples.ts).
import * as sample from './example-values.js';
import { notificationExamples } from './notifications-docs.js';
import { taskExportExamples } from './task-export-docs.js';
import { viewExamples } from './views-docs.js';
import { webhookDeliveryExamples } from './webhook-deliveries-docs.js';
import { webhookExamples } from './webhooks-docs.js';

const asOf = '2026-11-24T12:00:00.000Z';

export const caseAndSlaExamples: Record<string, sample.OperationExample> = {
  ...taskExportExamples,
  'GET /cases/{caseId}/action-items': {
    response: {
      caseId: sample.CASE_ID,
      overdue: [],
      upcoming: [
        {
          ...{ taskId: sample.TASK_ID, type: sample.openTask.type, title: sample.openTask.title },
          ...{ label: 'Call debtor', cta: 'Log call' },
          ...{ deadline: sample.openTask.deadline, assigneeId: sample.USER_ID, canMarkDone: true },
        },
      ],
    },
  },
  'GET /sla/score': {
    response: {
      ...{ orgId: sample.ORG_ID, from: '2026-11-01', to: '2026-11-30', asOf, score: 92.5, reason: null },
      ...{ counted: 4, totalWeight: 4, notYetDue: 1 },
      breakdown: [
        { type: 'update_case_status', label: 'Update case status', weight: 1, count: 4, onTime: 3, late: 1 },
      ].map((line) => ({ ...line, openOverdue: 0, averagePoints: 92.5 })),
    },
  },
  'GET /sla/cases': {
    response: {
      ...{ orgId: sample.ORG_ID, asOf, activeCases: 1, complianceRate: 1, casesAtRisk: 0, overdueUpdates: 0 },
      cases: [
        {
          ...{ caseId: sample.CASE_ID, statusType: 'payment_plan', statusLabel: 'Payment plan', promisedDate: null },
          ...{ lastUpdateAt: '2026-11-20T09:00:00.000Z', nextUpdateDue: '2026-12-04', daysRemaining: 8 },
          ...{ alert: 'green', extensionDays: 0 },
        },
      ],
    },
  },
};

export const settingsExamples: Record<string, sample.OperationExample> = {
  'GET /settings/calendar': { response: { ...sample.calendar, ...sample.meta } },
  'PUT /settings/calendar': { request: sample.calendar, response: { ...sample.calendar, ...sample.meta } },
  'GET /settings/reminders': { response: { ...sample.reminders, ...sample.meta } },
  'PUT /settings/reminders': { request: sample.reminders, response: { ...sample.reminders, ...sample.meta } },
  'GET /settings/auto-assignment': { response: { ...sample.assignment, ...sample.meta } },
  'PUT /settings/auto-assignment': { request: sample.assignment, response: { ...sample.assignment, ...sample.meta } },
  ...viewExamples,
  ...webhookExamples,
  ...notificationExamples,
  ...webhookDeliveryExamples,
};
