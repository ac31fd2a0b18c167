// GET /tasks, GET /tasks/summary and GET /tasks/export: the caller's task lists, the tab counts and the CSV export.
import {
  listQuerySchema,
  listTasks,
  noQuerySchema,
  summarizeTasks,
  taskListSchema,
  taskSummarySchema,
} from '@casetasks/app/tasks';
import { httpHandler } from '../middleware/http-handler.js';
import { httpRoute, type RouteMap } from '../middleware/http-route.js';
import { taskExportRoutes } from './task-export.js';

export const routes = {
  'GET /tasks': httpRoute({
    summary: "The caller's tasks: open by deadline (ascending) or completed by completion (newest first)",
    query: listQuerySchema,
    response: taskListSchema,
    handle: async ({ principal, query }) => ({ body: await listTasks(principal, query) }),
  }),
  'GET /tasks/summary': httpRoute({
    summary: "Counts of the caller's open tasks per portal tab, overdue and due today",
    query: noQuerySchema,
    response: taskSummarySchema,
    handle: async ({ principal, now }) => ({ body: await summarizeTasks(principal, now) }),
  }),
  ...taskExportRoutes,
} satisfies RouteMap;

export const handler = httpHandler(routes);
