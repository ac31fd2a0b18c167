// GET /cases/{caseId}/action-items: the caller's open tasks on one case, overdue first, with the catalogue's label and CTA.

import { tasksDb } from '@casetasks/app/runtime';
import { catalogue, type Principal, type Task } from '@casetasks/core';
import { planTaskList, queryTasks } from '@casetasks/db';
import * as z from 'zod';
import { httpHandler, httpRoute, type RouteMap } from '../middleware/http-handler.js';
import { entityIdSchema, noQuerySchema } from './task-views.js';

const actionItemSchema = z
  .object({
    taskId: z.string(),
    type: z.string(),
    title: z.string(),
    label: z.string().describe("The catalogue's action item label, e.g. `Record Payment`"),
    cta: z.string().describe('Call to action of the button, e.g. `Go to Chat`'),
    deadline: z.string(),
    assigneeId: z.string().nullable(),
    canMarkDone: z
      .boolean()
      .describe('"Mark as done" is offered: the catalogue allows it and the caller may change the task'),
  })
  .meta({ id: 'ActionItem' });

const actionItemsSchema = z
  .object({ caseId: z.string(), overdue: z.array(actionItemSchema), upcoming: z.array(actionItemSchema) })
  .meta({ id: 'ActionItems' });

const mayChange = (principal: Principal, task: Task) =>
  principal.role !== 'contributor' || task.assigneeId === principal.userId;

const toActionItem = (principal: Principal, task: Task): z.infer<typeof actionItemSchema> => {
  const entry = catalogue[task.type];
  return {
    taskId: task.id,
    type: task.type,
    title: task.title,
    label: entry.actionItem.label,
    cta: entry.actionItem.cta,
    deadline: task.deadline,
    assigneeId: task.assigneeId,
    canMarkDone: entry.manualCompletion && mayChange(principal, task),
  };
};

/** Every open task of the caller's party and org on the case (a case has few; pages are followed). */
const openTasksOnCase = async (principal: Principal, caseId: string): Promise<Task[]> => {
  const plan = planTaskList({ party: principal.party, orgId: principal.orgId, status: 'open', caseId });
  const tasks: Task[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await queryTasks(tasksDb(), { ...plan, ...(startKey ? { startKey } : {}) });
    tasks.push(...page.items);
    startKey = page.lastKey;
  } while (startKey);
  return tasks;
};

export const routes = {
  'GET /cases/{caseId}/action-items': httpRoute({
    summary: "The caller's open tasks on a case as action items, split into overdue and upcoming (by deadline)",
    params: z.strictObject({ caseId: entityIdSchema }),
    query: noQuerySchema,
    response: actionItemsSchema,
    handle: async ({ principal, params, now }) => {
      const tasks = await openTasksOnCase(principal, params.caseId);
      const items = tasks.map((task) => toActionItem(principal, task));
      const isOverdue = (item: { deadline: string }) => Date.parse(item.deadline) < now.getTime();
      return {
        body: {
          caseId: params.caseId,
          overdue: items.filter(isOverdue),
          upcoming: items.filter((item) => !isOverdue(item)),
        },
      };
    },
  }),
} satisfies RouteMap;

export const handler = httpHandler(routes);
