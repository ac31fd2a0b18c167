// Portal changes of one task: postpone, assign, mark as done, log a call. Rules in core; the save is conditional on the version.

import {
  assignTask,
  callResultSchema,
  completeManually,
  logCall,
  type OrgPolicy,
  type Principal,
  postponeTask,
  rescheduleOnDeadlineMove,
  type Task,
  type TaskChange,
  userActor,
  wellFormedTextSchema,
} from '@casetasks/core';
import { saveChange } from '@casetasks/db';
import * as z from 'zod';
import { principalPolicy } from '../policies/org-policies.js';
import { tasksDb } from '../runtime/clients.js';
import { changeableTask } from './task-access.js';
import { entityIdSchema, instantSchema, type TaskView, taskView } from './task-view.js';

const reasonSchema = wellFormedTextSchema.trim().min(1).max(500);

export const postponeBodySchema = z.strictObject({
  deadline: instantSchema.describe('The new deadline: later than now and than the current deadline'),
  reason: reasonSchema.optional(),
});

export const assignBodySchema = z.strictObject({
  assigneeId: entityIdSchema.nullable().describe('A user of the organisation, or null to unassign'),
});

export const completeBodySchema = z.strictObject({ reason: reasonSchema.optional() });

export const callBodySchema = z.strictObject({
  result: callResultSchema,
  note: wellFormedTextSchema.trim().min(1).max(2000).optional(),
  rescheduleTo: instantSchema.optional().describe('Keeps the reminder open with this new deadline'),
});

/** The body of each change action: its single route's body, and (with the task id and action) a bulk item. */
interface TaskActionBodies {
  postpone: z.infer<typeof postponeBodySchema>;
  assign: z.infer<typeof assignBodySchema>;
  complete: z.infer<typeof completeBodySchema>;
  call: z.infer<typeof callBodySchema>;
}
export type TaskActionName = keyof TaskActionBodies;
export type TaskActionBody<A extends TaskActionName> = TaskActionBodies[A];
type TaskAction = { [A in TaskActionName]: { action: A } & TaskActionBody<A> }[TaskActionName];

/** Typed per action, so a route built for one action gets exactly that action's body. */
export const taskActionBodies: { [A in TaskActionName]: z.ZodType<TaskActionBody<A>> } = {
  postpone: postponeBodySchema,
  assign: assignBodySchema,
  complete: completeBodySchema,
  call: callBodySchema,
};

type Rule = (task: Task) => TaskChange;

/** The core rule behind each action, shared by its single route and bulk items. */
const ruleOf = (principal: Principal, now: Date, action: TaskAction): Rule => {
  const by = userActor(principal);
  const at = now.toISOString();
  switch (action.action) {
    case 'postpone':
      return (task) => postponeTask(task, action.deadline, by, at, action.reason);
    case 'assign':
      return (task) => assignTask(task, action.assigneeId, by, at);
    case 'complete':
      return (task) => completeManually(task, by, at, action.reason);
    case 'call':
      return (task) =>
        logCall(
          task,
          {
            result: action.result,
            ...(action.note === undefined ? {} : { note: action.note }),
            ...(action.rescheduleTo === undefined ? {} : { rescheduleTo: action.rescheduleTo }),
          },
          by,
          at,
        );
  }
};

/**
 * Reads the task the caller may change, applies a core rule, re-plans its reminders on the org's
 * calendar if the deadline moved, and saves it conditionally on its version. The single routes and
 * every item of a bulk call go through here, so both apply the same access rules. The org's settings
 * are read only for a change that moves the deadline; a bulk call shares one read across its items.
 */
export const applyChange = async (
  principal: Principal,
  id: string,
  now: Date,
  rule: (task: Task) => TaskChange,
  policyOf: () => Promise<OrgPolicy> = () => principalPolicy(principal),
): Promise<Task> => {
  const change = rule(await changeableTask(principal, id));
  const moved = change.after.deadline !== change.before.deadline;
  const planned = moved ? rescheduleOnDeadlineMove(await policyOf(), change, now.toISOString()) : change;
  return saveChange(tasksDb(), planned);
};

/** One action on one task, as the caller's user. */
export const changeTask = async <A extends TaskActionName>(
  principal: Principal,
  id: string,
  action: A,
  body: TaskActionBody<A>,
  now: Date,
  policyOf?: () => Promise<OrgPolicy>,
): Promise<TaskView> => {
  // The signature keeps each action with its own body; TypeScript cannot follow that through the generic.
  const rule = ruleOf(principal, now, { action, ...body } as TaskAction);
  return await taskView(await applyChange(principal, id, now, rule, policyOf));
};
