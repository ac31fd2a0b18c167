// Extensions approved by the client (issue 19): the partner asks for more business days, the creditor approves or rejects.
import * as tasks from '@casetasks/app/tasks';
import { replayAware } from '../middleware/http-replay.js';
import type { RouteMap } from '../middleware/http-route.js';
import { caseExtensionRoutes } from './case-extension-routes.js';
import { taskWriteRoute } from './task-write-route.js';

const decisionRoute = (decision: 'approved' | 'rejected', summary: string) =>
  taskWriteRoute({
    summary,
    body: tasks.extensionDecisionBodySchema,
    handle: async ({ principal, params, body, now }) => ({
      body: await tasks.decideTaskExtension(principal, params.id, decision, body, now),
    }),
  });

/** Spread into the task-actions group: the same function and table grant. */
export const extensionRoutes = {
  'POST /tasks/{id}/extension': taskWriteRoute({
    summary: 'Ask the creditor for more business days on an SLA task (optional Idempotency-Key header)',
    headers: tasks.createTaskHeadersSchema,
    body: tasks.extensionBodySchema,
    handle: async ({ principal, params, body, now, headers }) => {
      const { task, replayed } = await tasks.requestTaskExtension(
        principal,
        params.id,
        body,
        now,
        headers['idempotency-key'],
      );
      return replayAware(task, replayed);
    },
  }),
  'POST /tasks/{id}/approve': decisionRoute(
    'approved',
    'Approve the extension request of an approve_extension task: the SLA deadline moves by its business days',
  ),
  'POST /tasks/{id}/reject': decisionRoute(
    'rejected',
    'Reject the extension request of an approve_extension task: the SLA deadline stays',
  ),
  ...caseExtensionRoutes,
} satisfies RouteMap;
