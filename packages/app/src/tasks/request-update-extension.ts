// The case's partner asks for more days before its next status update is due (issue 19): the request on the case
// state and the creditor's approve_extension task commit together.

import {
  activeCaseOf,
  assertMayRequestUpdateExtension,
  type CaseState,
  creationEntry,
  currentUpdateAt,
  MAX_UPDATE_EXTENSION_DAYS,
  type Principal,
  platformActor,
  requestUpdateExtension,
  scheduleReminder,
  TaskStateError,
  updateApprovalTaskFor,
  updateExtensionSchema,
  userActor,
  wellFormedTextSchema,
} from '@casetasks/core';
import { getCaseState, RequestKeyUsedError, saveExtensionWrite } from '@casetasks/db';
import { ulid } from 'ulid';
import * as z from 'zod';
import { servicePolicies } from '../policies/org-policies.js';
import { tasksDb } from '../runtime/clients.js';
import { isReplay, requestFingerprint, requestKeyRefOf } from './request-key-replay.js';

export const updateExtensionBodySchema = z.strictObject({
  days: z
    .number()
    .int()
    .min(1)
    .max(MAX_UPDATE_EXTENSION_DAYS)
    .describe(
      `Calendar days to add to the next update due, 1-${MAX_UPDATE_EXTENSION_DAYS} (that SLA counts calendar days)`,
    ),
  reason: wellFormedTextSchema.trim().min(1).max(500).describe('Why more time is needed: the creditor reads it'),
});
export type UpdateExtensionBody = z.infer<typeof updateExtensionBodySchema>;

export const caseUpdateExtensionsSchema = z
  .object({
    caseId: z.string(),
    /** The update whose clock runs now: requests for it (approved) move its next update due. */
    currentUpdateAt: z.string().nullable(),
    updateExtensions: z.array(updateExtensionSchema),
  })
  .meta({ id: 'CaseUpdateExtensions' });
export type CaseUpdateExtensions = z.infer<typeof caseUpdateExtensionsSchema>;

const viewOf = (state: CaseState): CaseUpdateExtensions => ({
  caseId: state.caseId,
  currentUpdateAt: currentUpdateAt(activeCaseOf(state)) ?? null,
  updateExtensions: state.updateExtensions ?? [],
});

/** The case as it is now, for a replayed request (the caller's access checked again). */
const currentView = async (principal: Principal, caseId: string) =>
  viewOf(assertMayRequestUpdateExtension(principal, await getCaseState(tasksDb(), caseId)));

/**
 * Adds the request to the case state (conditional on its version) and creates the creditor's approve_extension
 * task (3 business days on the creditor's calendar, history `created`) in one transaction. Nothing moves until
 * the creditor approves. A retried call with the same Idempotency-Key and body replays the case's requests.
 */
export const requestCaseUpdateExtension = async (
  principal: Principal,
  caseId: string,
  body: UpdateExtensionBody,
  now: Date,
  idempotencyKey?: string,
): Promise<{ view: CaseUpdateExtensions; replayed: boolean }> => {
  const fingerprint = requestFingerprint({ caseId, ...body });
  const ref = requestKeyRefOf(principal, idempotencyKey);
  // The key record names its target like a task id; `case#` keeps a case apart from any task.
  const target = `case#${caseId}`;
  const replay = async () => ref && (await isReplay(ref, target, fingerprint, now));
  if (await replay()) return { view: await currentView(principal, caseId), replayed: true };
  const db = tasksDb();
  const state = assertMayRequestUpdateExtension(principal, await getCaseState(db, caseId));
  const at = now.toISOString();
  const input = { extensionId: ulid(now.getTime()), approvalTaskId: ulid(now.getTime()), ...body };
  const { patch } = requestUpdateExtension(state, input, userActor(principal), at);
  const creditorOrgId = state.creditorOrgId;
  if (creditorOrgId === undefined) {
    throw new TaskStateError('the creditor of the case is not known, so nobody could approve an extension', 'caseId');
  }
  const policy = await (await servicePolicies()).of('creditor', creditorOrgId);
  const task = { ...input, caseId, creditorOrgId, partnerOrgId: principal.orgId };
  const approval = scheduleReminder(policy, updateApprovalTaskFor(policy.calendar, task, at));
  try {
    await saveExtensionWrite(db, {
      changes: [],
      create: { task: approval, entry: creationEntry(approval, platformActor) },
      caseChange: { before: state, patch },
      ...(ref ? { requestKey: { ref, fingerprint, taskId: target } } : {}),
      now,
    });
  } catch (error) {
    if (error instanceof RequestKeyUsedError && (await replay())) {
      return { view: await currentView(principal, caseId), replayed: true };
    }
    throw error;
  }
  return { view: viewOf({ ...state, ...patch }), replayed: false };
};
