// Each route's operationId, tag and description in the OpenAPI document, keyed by route key.
// Kept beside the route groups rather than in them so each group file stays a short adapter.
import { chatCleanupDocs } from './chat-cleanup-docs.js';
import { extensionDocs } from './extension-docs.js';
import { notificationDocs } from './notifications-docs.js';
import { doc, type OperationDoc } from './operation-tags.js';
import { slaScorecardDocs } from './sla-scorecards-docs.js';
import { slaTermsDocs } from './sla-terms-docs.js';
import { taskExportDocs } from './task-export-docs.js';
import { viewDocs } from './views-docs.js';
import { webhookDeliveryDocs } from './webhook-deliveries-docs.js';
import { webhookDocs } from './webhooks-docs.js';

const settings = (path: string, name: string, what: string): Record<string, OperationDoc> => ({
  [`GET ${path}`]: doc(`get${name}`, 'Settings', `Reads ${what}; the effective defaults until an owner sets them.`),
  [`PUT ${path}`]: doc(`replace${name}`, 'Settings', `Replaces ${what} as a whole (owners only).`),
});

/** test/unit/openapi-contract.test.ts checks that every route has one. */
export const operationDocs: Record<string, OperationDoc> = {
  'GET /tasks': doc('listTasks', 'Tasks', 'One page of open or completed tasks; follow `nextCursor` for the next.'),
  'GET /tasks/summary': doc('summarizeTasks', 'Tasks', 'Open tasks per portal tab, overdue and due today.'),
  ...taskExportDocs,
  'GET /tasks/{id}': doc('getTask', 'Tasks', "One task of the caller's party and organisation; any other id is 404."),
  'GET /tasks/{id}/history': doc('getTaskHistory', 'Tasks', 'Every change of the task, oldest first: who, when, what.'),
  'POST /tasks': doc('createTask', 'Task actions', 'Creates a manual task; a retried Idempotency-Key replays it.'),
  'POST /tasks/{id}/postpone': doc('postponeTask', 'Task actions', 'Moves the deadline of an open task later.'),
  'POST /tasks/{id}/assign': doc('assignTask', 'Task actions', 'Assigns the task to a user, or unassigns it.'),
  'POST /tasks/{id}/complete': doc('completeTask', 'Task actions', 'Marks the task as done where its type allows.'),
  'POST /tasks/{id}/calls': doc('logTaskCall', 'Task actions', 'Logs a call: completes or reschedules the reminder.'),
  'POST /tasks/bulk': doc('changeTasksInBulk', 'Task actions', 'Up to 100 actions; each item answers its own status.'),
  ...extensionDocs,
  'GET /cases/{caseId}/action-items': doc('listCaseActionItems', 'Cases', "The caller's open tasks on one case."),
  'GET /sla/score': doc('getSlaScore', 'SLA', "The SLA component of the caller's Partner Score for a period."),
  'GET /sla/cases': doc('getSlaCaseDashboard', 'SLA', 'Each active case with its case-update SLA status.'),
  ...slaTermsDocs,
  ...slaScorecardDocs,
  ...viewDocs,
  ...settings('/settings/calendar', 'CalendarSettings', 'the time zone, public holidays and closed days'),
  ...settings('/settings/reminders', 'ReminderSettings', 'the deadline warning and escalation settings'),
  ...settings('/settings/auto-assignment', 'AutoAssignmentSettings', 'the auto-assignment rules per task type'),
  ...chatCleanupDocs,
  ...webhookDocs,
  ...notificationDocs,
  ...webhookDeliveryDocs,
  'GET /openapi.json': doc('getOpenApiDocument', 'Documents', 'This OpenAPI 3.1 document; no authentication.'),
};
