// The shapes the portal API shares across use cases: ids, the public task view and its history, the no-query input.

import {
  boundedInstantSchema,
  EARLIEST_INSTANT,
  historyEntrySchema,
  MAX_YEARS_AHEAD,
  type Task,
  taskSchema,
} from '@casetasks/core';
import * as z from 'zod';

/** Task ids are ULIDs (Crockford base32, 26 characters, either case); no regex flag, so the published pattern is portable. */
export const taskIdSchema = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{26}$/, 'must be a task id (ULID)')
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

/** Use cases without query parameters still refuse unknown ones (a typo must not be silently ignored). */
export const noQuerySchema = z.strictObject({});
