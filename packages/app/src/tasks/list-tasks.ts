// The caller's task lists: open by deadline or completed by completion, one Query per page, with an opaque cursor.

import {
  boundedDateSchema,
  boundedInstantSchema,
  EARLIEST_INSTANT,
  MAX_SEARCH_KEY_LENGTH,
  MAX_YEARS_AHEAD,
  MIN_SEARCH_LENGTH,
  type Principal,
  portalTabs,
  searchKey,
  type Task,
  taskTypeSchema,
} from '@casetasks/core';
import {
  decodeListCursorOf,
  encodeListCursor,
  type ListPosition,
  listPlans,
  planIsEmpty,
  queryTasks,
  type TaskListFilter,
  taskListOrders,
} from '@casetasks/db';
import { addDays } from 'date-fns';
import * as z from 'zod';
import { principalTimeZone } from '../policies/org-policies.js';
import { tasksDb } from '../runtime/clients.js';
import { logger } from '../runtime/observability.js';
import { entityIdSchema, taskViewSchema, taskViews } from './task-view.js';
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

/** A search: normalised like the stored keys (core's searchKey), long enough to narrow a list. */
const searchSchema = z
  .string()
  .max(200)
  .transform(searchKey)
  .pipe(z.string().min(MIN_SEARCH_LENGTH, `must hold at least ${MIN_SEARCH_LENGTH} letters or digits`))
  .meta({
    type: 'string',
    maxLength: 200,
    description: `Case reference or debtor name starting with this: case, accents and punctuation ignored; at least ${MIN_SEARCH_LENGTH} letters or digits, the first ${MAX_SEARCH_KEY_LENGTH} count; open tasks only`,
  });

type ListFilterQuery = {
  status?: 'open' | 'completed';
  sort?: string;
  q?: string;
  caseId?: string;
  dueFrom?: string;
  dueTo?: string;
};

/**
 * The combinations a list serves by key (docs/api.md); each refusal names the parameter to drop. The list's
 * and its export's query share these checks.
 */
const combinationIssues = (query: ListFilterQuery): { path: string[]; message: string }[] => {
  const issues: { path: string[]; message: string }[] = [];
  if (query.dueFrom && query.dueTo && query.dueFrom > query.dueTo) {
    issues.push({ path: ['dueTo'], message: 'dueTo must not be before dueFrom' });
  }
  if (query.status === 'completed') {
    if (query.sort) issues.push({ path: ['sort'], message: 'completed lists are ordered by completion, newest first' });
    if (query.q) issues.push({ path: ['q'], message: 'search finds open tasks; list a case with caseId' });
    return issues;
  }
  if (query.q && query.sort) issues.push({ path: ['sort'], message: 'search results are ordered by the matched key' });
  const keyed = query.q
    ? 'q'
    : query.sort === '-created' || query.sort === '-amount'
      ? `sort=${query.sort}`
      : undefined;
  if (keyed) {
    for (const field of ['caseId', 'dueFrom', 'dueTo'] as const) {
      if (query[field]) issues.push({ path: [field], message: `not supported with ${keyed}` });
    }
  }
  return issues;
};

export const checkCombinations = (query: ListFilterQuery, ctx: z.core.$RefinementCtx<ListFilterQuery>): void => {
  for (const issue of combinationIssues(query)) ctx.addIssue({ code: 'custom', input: query, ...issue });
};

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
    sort: z
      .enum(taskListOrders)
      .optional()
      .describe(
        'Open lists: `deadline` (default), `-deadline`, `-created` or `-amount` (outstanding amount, largest first; unknown amounts last); `-created` and `-amount` take no caseId, dueFrom or dueTo',
      ),
    q: searchSchema.optional(),
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
  .superRefine(checkCombinations);
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

/**
 * One page of the caller's party and org's tasks: at most `limit` tasks from at most two Queries (a search
 * reads its reference index, then its debtor index). A cursor from another list is refused (400 on `cursor`).
 */
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
    ...(query.sort ? { order: query.sort } : {}),
    ...(query.q ? { search: query.q } : {}),
    ...(await dueBounds(principal, query.dueFrom, query.dueTo)),
  };
  const plans = listPlans(filter);
  let position: ListPosition = query.cursor ? decodeListCursorOf(plans, query.cursor) : { phase: 0 };
  if (planIsEmpty(filter)) return { items: [], nextCursor: null };
  const tasks: Task[] = [];
  let nextCursor: string | null = null;
  for (let plan = plans[position.phase]; plan; plan = plans[position.phase]) {
    const limit = query.limit - tasks.length;
    const startKey = position.startKey;
    const page = await queryTasks(tasksDb(), { ...plan, limit, ...(startKey ? { startKey } : {}) });
    logger.debug('task list page', { index: plan.index, items: page.items.length, consumed: page.consumed });
    tasks.push(...page.items);
    if (page.lastKey) {
      nextCursor = encodeListCursor(plan, page.lastKey);
      break;
    }
    // No last key: the plan ended before its Limit, so the page has room for the next plan.
    position = { phase: position.phase + 1 };
  }
  return { items: await taskViews(tasks), nextCursor };
};
