// Shapes the portal API shares across route groups: ids, the public task view and the visible-task read.

import { tasksDb } from '@casetasks/app/runtime';
import {
  assertMayChange,
  assertVisible,
  boundedInstantSchema,
  EARLIEST_INSTANT,
  historyEntrySchema,
  MAX_YEARS_AHEAD,
  type Principal,
  type Task,
  taskSchema,
} from '@casetasks/core';
import { getTask } from '@casetasks/db';
import * as z from 'zod';

/** Task ids are ULIDs (Crockford base32, 26 characters). */
export const taskIdSchema = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/i, 'must be a task id (ULID)')
  .describe('Task id (ULID)');

/** Case and user ids from the platform: the grammar the event contract shares (core/ids.ts). */
export { entityIdSchema } from '@casetasks/core';

/** An instant with an explicit offset, e.g. `2026-12-01T17:00:00Z`, inside the input domain. */
export const instantSchema = boundedInstantSchema.describe(
  `ISO 8601 date-time with offset, from ${EARLIEST_INSTANT.slice(0, 10)} to ${MAX_YEARS_AHEAD} years from now`,
);

export const taskIdParamsSchema = z.strictObject({ id: taskIdSchema });

/** The task as portals see it: internal bookkeeping (scope key, reminder schedule) stays inside. */
export const taskViewSchema = taskSchema.omit({ scopeKey: true, reminder: true }).meta({ id: 'Task' });
export type TaskView = z.infer<typeof taskViewSchema>;

export const toTaskView = (task: Task): TaskView => taskViewSchema.parse(task);

export const historySchema = z.object({ items: z.array(historyEntrySchema.meta({ id: 'HistoryEntry' })) });

/** Routes without query parameters still refuse unknown ones (a typo must not be silently ignored). */
export const noQuerySchema = z.strictObject({});

/** The task if the caller may see it; 404 exactly like a missing task otherwise. */
export const visibleTask = async (principal: Principal, id: string): Promise<Task> =>
  assertVisible(principal, await getTask(tasksDb(), id));

/** The task if the caller may change it (404 for other party/org, 403 for a contributor on another's task). */
export const changeableTask = async (principal: Principal, id: string): Promise<Task> =>
  assertMayChange(principal, await getTask(tasksDb(), id, true));
