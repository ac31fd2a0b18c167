// The creditor approves or rejects an extension request on its approve_extension task (issue 19).

import {
  type Actor,
  closeTask,
  decideExtension,
  decideUpdateExtension,
  type ExtensionDecision,
  extensionRequestOf,
  type Principal,
  rescheduleOnDeadlineMove,
  type TaskChange,
  TaskStateError,
  userActor,
  wellFormedTextSchema,
} from '@casetasks/core';
import { getCaseState, getTask, saveExtensionWrite } from '@casetasks/db';
import * as z from 'zod';
import { servicePolicies } from '../policies/org-policies.js';
import { tasksDb } from '../runtime/clients.js';
import { changeableTask } from './task-access.js';
import { type TaskView, taskView } from './task-view.js';

export const extensionDecisionBodySchema = z.strictObject({
  note: wellFormedTextSchema.trim().min(1).max(500).optional().describe('Shown to the partner in the task history'),
});
export type ExtensionDecisionBody = z.infer<typeof extensionDecisionBodySchema>;

/** A case-update request (no taskId): the decision goes on the case state; the dashboard reads it. */
const decideOnCase = async (
  request: { caseId: string; extensionId: string },
  decision: Exclude<ExtensionDecision, 'expired'>,
  closed: TaskChange,
  actor: Actor,
  now: Date,
  note?: string,
): Promise<void> => {
  const state = await getCaseState(tasksDb(), request.caseId);
  if (!state) throw new TaskStateError('the case of this extension request is gone', 'caseId');
  const patch = decideUpdateExtension(state, request.extensionId, decision, actor, now.toISOString(), note);
  await saveExtensionWrite(tasksDb(), { changes: [closed], caseChange: { before: state, patch }, now });
};

/**
 * Closes the approve_extension task (`done`) and records the decision on the partner task: an approval moves
 * its SLA deadline (and an open task's deadline, with its reminders) by the business days asked for; a
 * rejection moves nothing. A case-update request's decision goes on the case state instead (its approved
 * calendar days move the dashboard's next update due). Both writes commit together, each conditional on the
 * version read, so two decisions racing each other cannot both apply.
 */
export const decideTaskExtension = async (
  principal: Principal,
  id: string,
  decision: Exclude<ExtensionDecision, 'expired'>,
  body: ExtensionDecisionBody,
  now: Date,
): Promise<TaskView> => {
  const approval = await changeableTask(principal, id);
  const request = extensionRequestOf(approval);
  const at = now.toISOString();
  const actor = userActor(principal);
  const reason = `extension ${decision}${body.note === undefined ? '' : `: ${body.note}`}`;
  const closed = closeTask(approval, 'done', actor, at, { reason });
  if (request.taskId === undefined) {
    await decideOnCase(request, decision, closed, actor, now, body.note);
    return await taskView(closed.after);
  }
  const partnerTask = await getTask(tasksDb(), request.taskId, true);
  if (!partnerTask) throw new TaskStateError('the task of this extension request is gone', 'taskId');
  const partnerPolicy = await (await servicePolicies()).of(partnerTask.accessLevel, partnerTask.orgId);
  const decided = decideExtension(
    partnerPolicy.calendar,
    partnerTask,
    request.extensionId,
    decision,
    actor,
    at,
    body.note,
  );
  await saveExtensionWrite(tasksDb(), { changes: [rescheduleOnDeadlineMove(partnerPolicy, decided, at), closed], now });
  return await taskView(closed.after);
};
