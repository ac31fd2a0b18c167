// GET /tasks/{id} and its audit history: only tasks of the caller's party and org exist for the caller.
import {
  historySchema,
  noQuerySchema,
  showTask,
  taskHistory,
  taskIdParamsSchema,
  taskViewSchema,
} from '@casetasks/app/tasks';
import { httpHandler } from '../middleware/http-handler.js';
import { httpRoute, type RouteMap } from '../middleware/http-route.js';

export const routes = {
  'GET /tasks/{id}': httpRoute({
    summary: 'One task',
    taskParam: 'id',
    params: taskIdParamsSchema,
    query: noQuerySchema,
    response: taskViewSchema,
    handle: async ({ principal, params }) => ({ body: await showTask(principal, params.id) }),
  }),
  'GET /tasks/{id}/history': httpRoute({
    summary: "A task's audit history, oldest first",
    taskParam: 'id',
    params: taskIdParamsSchema,
    query: noQuerySchema,
    response: historySchema,
    handle: async ({ principal, params }) => ({ body: await taskHistory(principal, params.id) }),
  }),
} satisfies RouteMap;

export const handler = httpHandler(routes);
