// GET /tasks and GET /tasks/summary: the caller's task lists, one Query per page, and the tab counts.

import { principalTimeZone } from '@casetasks/app/policies';
import { logger, tasksDb } from '@casetasks/app/runtime';
import {
  boundedDateSchema,
  boundedInstantSchema,
  EARLIEST_INSTANT,
  localDay,
  MAX_YEARS_AHEAD,
  type Principal,
  portalTabs,
  taskTypeSchema,
  weekendCalendar,
} from '@casetasks/core';
import { countTasks, planIsEmpty, planTaskCounts, planTaskList, queryTasks, type TaskListFilter } from '@casetasks/db';
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import * as z from 'zod';
import { httpHandler, httpRoute, type RouteMap } from '../middleware/http-handler.js';
import { decodeCursor, encodeCursor } from './list-cursor.js';
import { entityIdSchema, noQuerySchema, taskViewSchema, toTaskView } from './task-views.js';

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
      .default(25),
    cursor: z.string().min(1).max(2048).optional().describe('`nextCursor` of the previous page'),
  })
  .refine((query) => !query.dueFrom || !query.dueTo || query.dueFrom <= query.dueTo, {
    path: ['dueTo'],
    message: 'dueTo must not be before dueFrom',
  });

const taskListSchema = z
  .object({
    items: z.array(taskViewSchema),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
  })
  .meta({ id: 'TaskList' });

const summarySchema = z
  .object({
    tabs: z.object({
      'new-cases': z.number().int(),
      'case-updates': z.number().int(),
      messages: z.number().int(),
      all: z.number().int(),
    }),
    overdue: z.number().int().describe('Open tasks whose deadline has passed'),
    dueToday: z.number().int().describe("Open tasks whose deadline falls on today in the org's time zone"),
    day: z.iso.date().describe("Today in the org's time zone"),
    timeZone: z.string(),
  })
  .meta({ id: 'TaskSummary' });

const isDay = (value: string) => value.length === 10;

/** Start of a calendar day in the zone, as stored (`toISOString`). */
const dayStart = (timeZone: string, day: string): Date => {
  const [year, month, date] = day.split('-').map(Number);
  return new TZDate(year ?? 0, (month ?? 1) - 1, date ?? 1, timeZone);
};

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

export const routes = {
  'GET /tasks': httpRoute({
    summary: "The caller's tasks: open by deadline (ascending) or completed by completion (newest first)",
    query: listQuerySchema,
    response: taskListSchema,
    handle: async ({ principal, query }) => {
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
      const startKey = query.cursor ? decodeCursor(query.cursor, plan, filter) : undefined;
      if (planIsEmpty(filter)) return { body: { items: [], nextCursor: null } };
      const page = await queryTasks(tasksDb(), { ...plan, limit: query.limit, ...(startKey ? { startKey } : {}) });
      logger.debug('task list page', { index: plan.index, items: page.items.length, consumed: page.consumed });
      return {
        body: {
          items: page.items.map(toTaskView),
          nextCursor: page.lastKey ? encodeCursor(plan, page.lastKey) : null,
        },
      };
    },
  }),
  'GET /tasks/summary': httpRoute({
    summary: "Counts of the caller's open tasks per portal tab, overdue and due today",
    query: noQuerySchema,
    response: summarySchema,
    handle: async ({ principal, now }) => {
      const calendar = weekendCalendar(await principalTimeZone(principal));
      const day = localDay(calendar, now);
      const start = dayStart(calendar.timeZone, day);
      const plans = planTaskCounts(principal.party, principal.orgId, {
        now: now.toISOString(),
        dayStart: start.toISOString(),
        dayEnd: addDays(start, 1).toISOString(),
      });
      const db = tasksDb();
      const count = async (plan: Parameters<typeof countTasks>[1]) => (await countTasks(db, plan)).count;
      const [newCases, caseUpdates, messages, all, overdue, dueToday] = await Promise.all([
        count(plans.tabs['new-cases']),
        count(plans.tabs['case-updates']),
        count(plans.tabs.messages),
        count(plans.tabs.all),
        count(plans.overdue),
        count(plans.dueToday),
      ]);
      return {
        body: {
          tabs: { 'new-cases': newCases, 'case-updates': caseUpdates, messages, all },
          overdue,
          dueToday,
          day,
          timeZone: calendar.timeZone,
        },
      };
    },
  }),
} satisfies RouteMap;

export const handler = httpHandler(routes);
