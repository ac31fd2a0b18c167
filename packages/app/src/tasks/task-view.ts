// The shapes the portal API shares across use cases: ids, the public task view and its history, the no-query input.

import {
  boundedInstantSchema,
  type CaseDetails,
  caseDetailsSchema,
  EARLIEST_INSTANT,
  historyEntrySchema,
  MAX_YEARS_AHEAD,
  type Task,
  taskSchema,
} from '@casetasks/core';
import { getCaseDetails, getCaseDetailsOf } from '@casetasks/db';
import * as z from 'zod';
import { tasksDb } from '../runtime/clients.js';

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

/**
 * The task as portals see it: internal bookkeeping (scope key, reminder schedule, which details its copy is)
 * stays inside. `caseDetails` are the case's current details: an open task's own copy (kept current by every
 * details change), a completed task's read from the case.
 */
export const taskViewSchema = taskSchema
  .omit({ scopeKey: true, reminder: true, caseDetailsStamp: true })
  .extend({
    caseDetails: caseDetailsSchema
      .meta({ id: 'CaseDetails' })
      .optional()
      .describe("The case's current details, when the platform sent some"),
  })
  .meta({ id: 'Task' });
export type TaskView = z.infer<typeof taskViewSchema>;

const toTaskView = (task: Task, details: CaseDetails | undefined): TaskView => {
  const { caseDetails: _copy, ...rest } = task;
  return taskViewSchema.parse(details ? { ...rest, caseDetails: details } : rest);
};

/** Whose details are read from the case: a completed task's copy stopped following them when it closed. */
const readsCaseDetails = (task: Task): task is Task & { caseId: string } =>
  task.status === 'completed' && !!task.caseId;

/** The tasks' views: open tasks from their copy, completed ones with one BatchGetItem for the page's cases. */
export const taskViews = async (tasks: readonly Task[]): Promise<TaskView[]> => {
  const caseIds = tasks.filter(readsCaseDetails).map((task) => task.caseId);
  const read = caseIds.length > 0 ? await getCaseDetailsOf(tasksDb(), caseIds) : new Map<string, CaseDetails>();
  return tasks.map((task) => toTaskView(task, readsCaseDetails(task) ? read.get(task.caseId) : task.caseDetails));
};

/** One task's view (a completed task with a case: one GetItem for its case's details). */
export const taskView = async (task: Task): Promise<TaskView> => {
  if (!readsCaseDetails(task)) return toTaskView(task, task.caseDetails);
  return toTaskView(task, (await getCaseDetails(tasksDb(), task.caseId))?.details);
};

export const historySchema = z.object({ items: z.array(historyEntrySchema.meta({ id: 'HistoryEntry' })) });

/** Use cases without query parameters still refuse unknown ones (a typo must not be silently ignored). */
export const noQuerySchema = z.strictObject({});
