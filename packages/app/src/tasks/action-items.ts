// The caller's open tasks on one case as action items, overdue first, with the catalogue's label and CTA.

import { catalogue, type Principal, type Task } from '@casetasks/core';
import { allTasksOf, planTaskList } from '@casetasks/db';
import * as z from 'zod';
import { tasksDb } from '../runtime/clients.js';

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

export const actionItemsSchema = z
  .object({ caseId: z.string(), overdue: z.array(actionItemSchema), upcoming: z.array(actionItemSchema) })
  .meta({ id: 'ActionItems' });
export type ActionItems = z.infer<typeof actionItemsSchema>;

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

/** Split by deadline against `now`: overdue and upcoming. */
export const caseActionItems = async (principal: Principal, caseId: string, now: Date): Promise<ActionItems> => {
  // Every open task of the caller's party and org on the case (a case has few; every page is read).
  const plan = planTaskList({ party: principal.party, orgId: principal.orgId, status: 'open', caseId });
  const items = (await allTasksOf(tasksDb(), plan)).map((task) => toActionItem(principal, task));
  const isOverdue = (item: { deadline: string }) => Date.parse(item.deadline) < now.getTime();
  return { caseId, overdue: items.filter(isOverdue), upcoming: items.filter((item) => !isOverdue(item)) };
};
