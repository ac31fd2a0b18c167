// The chat cleanup's routes (issue 23): reopen an AI-closed task (task-actions group); a shadow night's report and
// the reopened examples (settings group).
import * as tasks from '@casetasks/app/tasks';
import { httpRoute, type RouteMap } from '../middleware/http-route.js';
import { taskWriteRoute } from './task-write-route.js';

export const reopenRoutes = {
  'POST /tasks/{id}/reopen': taskWriteRoute({
    summary:
      'Reopen a task the nightly chat cleanup closed (within 7 days): its deadline kept, the chat kept as feedback',
    body: tasks.reopenBodySchema,
    handle: async ({ principal, params, body, now }) => ({
      body: await tasks.reopenTask(principal, params.id, body, now),
    }),
  }),
} satisfies RouteMap;

export const chatCleanupRoutes = {
  'GET /chat-cleanup/shadow-report': httpRoute({
    summary: "Tasks of the caller's org a shadow night would have closed, with the reasons; owners and managers",
    query: tasks.shadowReportQuerySchema,
    response: tasks.shadowReportSchema,
    handle: async ({ principal, query, now }) => ({
      body: await tasks.chatCleanupShadowReport(principal, query.night, now),
    }),
  }),
  'GET /chat-cleanup/examples': httpRoute({
    summary: 'Conversations of AI-closed tasks people reopened, labelled reply_needed in the corpus format; owners',
    ownerOnly: true,
    query: tasks.noQuerySchema,
    response: tasks.chatCleanupExamplesSchema,
    handle: async ({ principal }) => ({ body: await tasks.chatCleanupExamples(principal) }),
  }),
} satisfies RouteMap;
