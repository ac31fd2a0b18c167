// The caller's tab counts: open tasks per portal tab, overdue and due today in the org's time zone.

import { localDay, type Principal, weekendCalendar } from '@casetasks/core';
import { countTasks, planTaskCounts } from '@casetasks/db';
import { addDays } from 'date-fns';
import * as z from 'zod';
import { principalTimeZone } from '../policies/org-policies.js';
import { tasksDb } from '../runtime/clients.js';
import { dayStart } from './zoned-day.js';

export const taskSummarySchema = z
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
export type TaskSummary = z.infer<typeof taskSummarySchema>;

/** The six counts are read in parallel. */
export const summarizeTasks = async (principal: Principal, now: Date): Promise<TaskSummary> => {
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
    tabs: { 'new-cases': newCases, 'case-updates': caseUpdates, messages, all },
    overdue,
    dueToday,
    day,
    timeZone: calendar.timeZone,
  };
};
