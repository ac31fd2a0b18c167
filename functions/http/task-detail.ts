// GET /tasks/{id} and its audit history: only tasks of the caller's party and org exist for the caller.

import { tasksDb } from '@casetasks/app/runtime';
import { listHistory } from '@casetasks/db';
import { httpHandler, httpRoute, type RouteMap } from '../middleware/http-handler.js';
import {
  historySchema,
  noQuerySchema,
  taskIdParamsSchema,
  taskViewSchema,
  toTaskView,
  visibleTask,
} from './task-views.js';

export const routes = {
  'GET /tasks/{id}': httpRoute({
    summary: 'One task',
    params: taskIdParamsSchema,
    query: noQuerySchema,
    response: taskViewSchema,
    handle: async ({ principal, params }) => ({ body: toTaskView(await visibleTask(principal, params.id)) }),
  }),
  'GET /tasks/{id}/history': httpRoute({
    summary: "A task's audit history, oldest first",
    params: taskIdParamsSchema,
    query: noQuerySchema,
    response: historySchema,
    handle: async ({ principal, params }) => {
      const task = await visibleTask(principal, params.id);
      return { body: { items: await listHistory(tasksDb(), task.id) } };
    },
  }),
} satisfies RouteMap;

export const handler = httpHandler(routes);
