// One request (where there is a body) and one success answer per route, emitted as OpenAPI examples.
// test/unit/openapi-examples.test.ts validates each against its schema in docs/openapi.json.
import { chatCleanupExamples } from './chat-cleanup-examples.js';
import * as sample from './example-values.js';
import { extensionExamples } from './extension-docs.js';
import { caseAndSlaExamples, settingsExamples } from './operation-examples-more.js';
import { slaScorecardExamples } from './sla-scorecards-docs.js';
import { slaTermsExamples } from './sla-terms-docs.js';

export const operationExamples: Record<string, sample.OperationExample> = {
  'GET /tasks': { response: { items: [sample.openTask], nextCursor: null } },
  'GET /tasks/summary': {
    response: {
      tabs: { 'new-cases': 2, 'case-updates': 5, messages: 1, all: 8 },
      ...{ overdue: 1, dueToday: 2, day: '2026-11-24', timeZone: 'Europe/Copenhagen' },
    },
  },
  'GET /tasks/{id}': { response: sample.openTask },
  'GET /tasks/{id}/history': { response: { items: sample.history } },
  'POST /tasks': {
    request: { type: 'call_reminder', title: sample.openTask.title, caseId: sample.CASE_ID, dueInBusinessDays: 3 },
    response: sample.openTask,
  },
  'POST /tasks/{id}/postpone': {
    request: { deadline: sample.postponedTask.deadline, reason: sample.POSTPONE_REASON },
    response: sample.postponedTask,
  },
  'POST /tasks/{id}/assign': { request: { assigneeId: sample.USER_ID }, response: sample.openTask },
  'POST /tasks/{id}/complete': { request: { reason: 'Payment plan agreed' }, response: sample.completedTask },
  'POST /tasks/{id}/calls': {
    request: { result: 'answered', note: 'Agreed to pay in 3 instalments' },
    response: sample.completedTask,
  },
  'POST /tasks/bulk': {
    request: {
      items: [
        { id: sample.TASK_ID, action: 'complete' },
        { id: sample.OTHER_TASK_ID, action: 'assign', assigneeId: null },
      ],
    },
    response: {
      results: [
        { id: sample.TASK_ID, action: 'complete', status: 'applied', task: sample.completedTask },
        {
          id: sample.OTHER_TASK_ID,
          action: 'assign',
          status: 'not_found',
          error: { code: 'not_found', message: 'task not found' },
        },
      ],
      counts: { applied: 1, not_found: 1 },
    },
  },
  ...extensionExamples,
  ...caseAndSlaExamples,
  ...slaTermsExamples,
  ...slaScorecardExamples,
  ...{ ...settingsExamples, ...chatCleanupExamples },
  'GET /openapi.json': { response: { openapi: '3.1.0', info: { title: 'casetasks portal API', version: '1.0.0' } } },
};
