// GET /tasks/export: the caller's filtered task list as one CSV file (every page; 413 beyond the bounds).
import { exportQuerySchema, exportTasks } from '@casetasks/app/tasks';
import * as z from 'zod';
import { httpRoute, type RouteMap } from '../middleware/http-route.js';
import { taskExportCsvExample } from './task-export-docs.js';

export const taskExportRoutes = {
  'GET /tasks/export': httpRoute({
    summary: "The caller's tasks as CSV: the filters of GET /tasks, every page, at most 10,000 rows",
    query: exportQuerySchema,
    response: z.string(),
    csv: { example: taskExportCsvExample, only: true },
    handle: async ({ principal, query, now }) => {
      const { csv } = await exportTasks(principal, query);
      const filename = `tasks-${now.toISOString().slice(0, 10)}.csv`;
      return {
        body: null,
        headers: { 'content-disposition': `attachment; filename="${filename}"` },
        rendered: { contentType: 'text/csv; charset=utf-8', text: csv },
      };
    },
  }),
} satisfies RouteMap;
