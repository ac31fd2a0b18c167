// A partner asks the creditor for more business days on a task (issue 19): the request and the creditor's approve_extension task commit together.

import {
  approvalTaskFor,
  creationEntry,
  MAX_EXTENSION_BUSINESS_DAYS,
  type Principal,
  platformActor,
  requestExtension,
  scheduleReminder,
  type Task,
  TaskStateError,
  userActor,
  wellFormedTextSchema,
} from '@casetasks/core';
import { getCaseState, RequestKeyUsedError, saveExtensionWrite } from '@casetasks/db';
import { ulid } from 'ulid';
import * as z from 'zod';
import { servicePolicies } from '../policies/org-policies.js';
import { tasksDb } from '../runtime/clients.js';
import { isReplay, requestFingerprint, requestKeyRefOf } from './request-key-replay.js';
import { changeableTask } from './task-access.js';
import { type TaskView, taskView } from './task-view.js';

export const extensionBodySchema = z.strictObject({
  businessDays: z
    .number()
    .int()
    .min(1)
    .max(MAX_EXTENSION_BUSINESS_DAYS)
    .describe(`Business days to add to the SLA deadline, 1-${MAX_EXTENSION_BUSINESS_DAYS}`),
  reason: wellFormedTextSchema.trim().min(1).max(500).describe('Why more time is needed: the creditor reads it'),
});
export type ExtensionBody = z.infer<typeof extensionBodySchema>;

/** The case's creditor: on the task since issue 19, else from the case state; none known → 409. */
const creditorOf = async (task: Task): Promise<string> => {
  const known =
    task.creditorOrgId ?? (task.caseId ? (await getCaseState(tasksDb(), task.caseId))?.creditorOrgId : undefined);
  if (!known) {
    throw new TaskStateError(
      'the creditor of the task’s case is not known, so nobody could approve an extension',
      'caseId',
    );
  }
  return known;
};

/**
 * Adds the request to the partner task (history `extension_requested`) and creates the creditor's
 * approve_extension task (3 business days on the creditor's calendar), in one transaction conditional on the
 * task's version. A retried call with the same Idempotency-Key and body replays the task instead.
 */
export const requestTaskExtension = async (
  principal: Principal,
  id: string,
  body: ExtensionBody,
  now: Date,
  idempotencyKey?: string,
): Promise<{ task: TaskView; replayed: boolean }> => {
  const fingerprint = requestFingerprint({ id, ...body });
  const ref = requestKeyRefOf(principal, idempotencyKey);
  // A key already used: the same task and body give the task back as it is now.
  const replay = async () => ref && (await isReplay(ref, id, fingerprint, now));
  if (await replay()) return { task: await taskView(await changeableTask(principal, id)), replayed: true };
  const task = await changeableTask(principal, id);
  const at = now.toISOString();
  const input = { extensionId: ulid(now.getTime()), approvalTaskId: ulid(now.getTime()), ...body };
  const change = requestExtension(task, input, userActor(principal), at);
  const creditorOrgId = await creditorOf(task);
  const policy = await (await servicePolicies()).of('creditor', creditorOrgId);
  const approval = scheduleReminder(policy, approvalTaskFor(policy.calendar, task, { ...input, creditorOrgId }, at));
  try {
    await saveExtensionWrite(tasksDb(), {
      changes: [change],
      create: { task: approval, entry: creationEntry(approval, platformActor) },
      ...(ref ? { requestKey: { ref, fingerprint, taskId: id } } : {}),
      now,
    });
  } catch (error) {
    if (error instanceof RequestKeyUsedError && (await replay())) {
      return { task: await taskView(await changeableTask(principal, id)), replayed: true };
    }
    throw error;
  }
  return { task: await taskView(change.after), replayed: false };
};
