// The caller's task lists: open by deadline or completed by completion, one Query per page, with an opaque cursor.

import {
  boundedDateSchema,
  boundedInstantSchema,
  EARLIEST_INSTANT,
  MAX_YEARS_AHEAD,
  type Principal,
  portalTabs,
  taskTypeSchema,
} from '@casetasks/core';
import {
  decodeListCursor,
  encodeListCursor,
  planIsEmpty,
  planTaskList,
  queryTasks,
  type TaskListFilter,
} from '@casetasks/db';
import { addDays } from 'date-fns';
import * as z from 'zod';
import { principalTimeZone } from '../policies/org-policies.js';
import { tasksDb } from '../runtime/clients.js';
import { logger } from '../runtime/observability.js';
import { entityIdSchema, taskViewSchema, toTaskView } from './task-view.js';
import { dayStart, isDay } from './zoned-day.js';

/** A due bound: a date-time, or a calendar day in the caller org's time zone (the whole day). */
const dueBoundSchema = z
  .union([boundedDateSchema, boundedInstantSchema])
  .describe(
    `ISO date-time with offset, or a date (a whole day in the caller org's time zone); inclusive; from ${EARLIEST_INSTANT.slice(0, 10)} to ${MAX_YEARS_AHEAD} years from now`,
  );

const TASK_TYPE_COUNT = taskTypeSchema.options.length;

/** Capped before each entry is checked: the types become an `IN (...)` filter, whose operands DynamoDB limits. */
const typeListSchema = z
  .string()
  .transform((value) => value.split(',').map((part) => part.trim()))
  .pipe(z.array(z.string()).max(TASK_TYPE_COUNT, `at most ${TASK_TYPE_COUNT} types`))
  .pipe(z.array(taskTypeSchema).min(1))
  .describe(`Comma-separated task types, at most ${TASK_TYPE_COUNT}; duplicates count once`);

/** dueTo not before dueFrom: the list's and its export's query share this check. */
export const dueRange: [(query: { dueFrom?: string; dueTo?: string }) => boolean, { path: string[]; message: string }] =
  [
    (query) => !query.dueFrom || !query.dueTo || query.dueFrom <= query.dueTo,
    { path: ['dueTo'], message: 'dueTo must not be before dueFrom' },
  ];

export const listQuerySchema = z
  .strictObject({
    status: z.enum(['open', 'completed']).default('open'),
    tab: z.enum(portalTabs).optional(),
    type: typeListSchema.optional(),
    assignee: z
      .union([z.enum(['me', 'unassigned']), entityIdSchema])
      .optional()
      .describe('`me`, `unassigned` or a user id'),
    caseId: entityIdSchema.optional(),
    dueFrom: dueBoundSchema.optional(),
    dueTo: dueBoundSchema.optional(),
    // Digits only: coercion alone would read `0x10`, `1e1` or ` 5` as numbers.
    limit: z
      .string()
      .regex(/^[0-9]+$/, 'must be a whole number')
      .transform(Number)
      .pipe(z.number().int().min(1).max(100))
      .default(25)
      // Documented as what it means: the digits-only string check above is how a query string is read.
      .meta({ type: 'integer', minimum: 1, maximum: 100, default: 25, description: 'Page size, 1-100' }),
    cursor: z.string().min(1).max(2048).optional().describe('`nextCursor` of the previous page'),
  })
  .refine(...dueRange);
export type ListQuery = z.infer<typeof listQuerySchema>;

export const taskListSchema = z
  .object({
    items: z.array(taskViewSchema),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
  })
  .meta({ id: 'TaskList' });
export type TaskList = z.infer<typeof taskListSchema>;

const dueBounds = async (principal: Principal, dueFrom?: string, dueTo?: string) => {
  // Only a day-only bound needs the org's zone: the plain list reads no settings (one less GetItem).
  const needsZone = [dueFrom, dueTo].some((bound) => bound !== undefined && isDay(bound));
  const timeZone = needsZone ? await principalTimeZone(principal) : 'UTC';
  const from = dueFrom && (isDay(dueFrom) ? dayStart(timeZone, dueFrom) : new Date(dueFrom));
  // A day as upper bound means up to its last millisecond.
  const to = dueTo && (isDay(dueTo) ? new Date(addDays(dayStart(timeZone, dueTo), 1).getTime() - 1) : new Date(dueTo));
  return {
    ...(from ? { dueFrom: from.toISOString() } : {}),
    ...(to ? { dueTo: to.toISOString() } : {}),
  };
};

const assigneeOf = (principal: Principal, assignee: string | undefined): string | null | undefined => {
  if (assignee === 'me') return principal.userId;
  if (assignee === 'unassigned') return null;
  return assignee;
};

/** One page of the caller's party and org's tasks: a cursor from another list is refused (400 on `cursor`). */
export const listTasks = async (principal: Principal, query: ListQuery): Promise<TaskList> => {
  const assignee = assigneeOf(principal, query.assignee);
  const filter: TaskListFilter = {
    party: principal.party,
    orgId: principal.orgId,
    status: query.status,
    ...(query.tab ? { tab: query.tab } : {}),
    ...(query.type ? { types: [...new Set(query.type)] } : {}),
    ...(assignee === undefined ? {} : { assignee }),
    ...(query.caseId ? { caseId: query.caseId } : {}),
    ...(await dueBounds(principal, query.dueFrom, query.dueTo)),
  };
  const plan = planTaskList(filter);
  const startKey = query.cursor ? decodeListCursor(plan, query.cursor) : undefined;
  if (planIsEmpty(filter)) return { items: [], nextCursor: null };
  const page = await queryTasks(tasksDb(), { ...plan, limit: query.limit, ...(startKey ? { startKey } : {}) });
  logger.debug('task list page', { index: plan.index, items: page.items.length, consumed: page.consumed });
  return {
    items: page.items.map(toTaskView),
    nextCursor: page.lastKey ? encodeListCursor(plan, page.lastKey) : null,
  };
};
