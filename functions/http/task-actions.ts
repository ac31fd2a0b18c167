// Portal writes: create a manual task (optional Idempotency-Key); postpone, assign, complete or log a call, one by one or in bulk; reopen an AI-closed task; extensions.
import * as tasks from '@casetasks/app/tasks';
import { httpHandler } from '../middleware/http-handler.js';
import { replayAware } from '../middleware/http-replay.js';
import { httpRoute, type RouteMap } from '../middleware/http-route.js';
import { reopenRoutes } from './chat-cleanup-routes.js';
import { extensionRoutes } from './extension-routes.js';
import { taskWriteRoute } from './task-write-route.js';

const changeRoute = <A extends tasks.TaskActionName>(action: A, summary: string) =>
  taskWriteRoute({
    summary,
    body: tasks.taskActionBodies[action],
    handle: async ({ principal, params, body, now }) => ({
      body: await tasks.changeTask(principal, params.id, action, body, now),
    }),
  });
export const routes = {
  'POST /tasks': httpRoute({
    summary: "Create a manual task in the caller's organisation (optional Idempotency-Key header)",
    writes: true,
    query: tasks.noQuerySchema,
    headers: tasks.createTaskHeadersSchema,
    body: tasks.createTaskBodySchema,
    response: tasks.taskViewSchema,
    successStatus: 201,
    handle: async ({ principal, body, now, headers }) => {
      const { task, replayed } = await tasks.createTask(principal, body, now, headers['idempotency-key']);
      return replayAware(task, replayed);
    },
  }),
  'POST /tasks/{id}/postpone': changeRoute(
    'postpone',
    'Move the deadline later (open and not yet overdue); originalDeadline stays',
  ),
  'POST /tasks/{id}/assign': changeRoute('assign', 'Assign to a user of the organisation, or unassign with null'),
  'POST /tasks/{id}/complete': changeRoute(
    'complete',
    '"Mark as done": only where the catalogue allows manual completion, otherwise 409',
  ),
  'POST /tasks/bulk': httpRoute({
    summary: 'Assign, postpone or mark as done up to 100 tasks; each item is applied or refused on its own',
    writes: true,
    query: tasks.noQuerySchema,
    body: tasks.bulkBodySchema,
    response: tasks.bulkResponseSchema,
    handle: async ({ principal, body, now }) => ({ body: await tasks.changeTasksInBulk(principal, body, now) }),
  }),
  'POST /tasks/{id}/calls': changeRoute(
    'call',
    'Log a call on a call reminder: completes it, or keeps it open rescheduled to rescheduleTo',
  ),
  ...reopenRoutes,
  ...extensionRoutes,
} satisfies RouteMap;
export const handler = httpHandler(routes);
