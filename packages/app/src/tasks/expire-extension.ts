// An extension request the creditor left unanswered past its approve_extension deadline expires (issue 19).

import {
  type CaseState,
  closeTask,
  decideExtension,
  decideUpdateExtension,
  platformActor,
  type Task,
  type TaskChange,
} from '@casetasks/core';
import { type Db, getCaseState, getTask, saveExtensionWrite, VersionConflictError } from '@casetasks/db';
import type { PolicyLookup } from '../policies/org-policies.js';

export const EXPIRED_REASON = 'the creditor did not answer by the deadline: the extension request expired';

/** A case-update request still awaiting the creditor: it becomes `expired` on the case state. */
const expiredOnCase = async (
  db: Db,
  request: { caseId: string; extensionId: string },
  at: string,
): Promise<{ before: CaseState; patch: Partial<CaseState> } | undefined> => {
  const state = await getCaseState(db, request.caseId);
  const pending = state?.updateExtensions?.some((e) => e.id === request.extensionId && e.status === 'requested');
  if (!state || !pending) return undefined;
  const patch = decideUpdateExtension(state, request.extensionId, 'expired', platformActor, at, EXPIRED_REASON);
  return { before: state, patch };
};

/**
 * Instead of `Task Overdue`, the hourly job expires the request: the approval task closes `cancelled` and the
 * partner task's request (or the case's, for a case-update deadline) becomes `expired` (history
 * `extension_expired`, deadline unchanged), in one transaction conditional on both versions, so two runs
 * cannot both expire it. 'conflict' = re-read and decide again.
 */
export const expireExtension = async (
  db: Db,
  policies: PolicyLookup,
  approval: Task,
  now: Date,
): Promise<'expired' | 'conflict'> => {
  const at = now.toISOString();
  const request = approval.details?.extensionRequest;
  // A completed task leaves the reminder index whatever its schedule says (task-item.ts).
  const closed = closeTask(approval, 'cancelled', platformActor, at, { reason: EXPIRED_REASON });
  const changes: TaskChange[] = [closed];
  const partnerTask = request?.taskId ? await getTask(db, request.taskId, true) : undefined;
  const pending = partnerTask?.extensions?.find((e) => e.id === request?.extensionId && e.status === 'requested');
  if (partnerTask && pending) {
    const { calendar } = await policies.of(partnerTask.accessLevel, partnerTask.orgId);
    changes.push(decideExtension(calendar, partnerTask, pending.id, 'expired', platformActor, at, EXPIRED_REASON));
  }
  const caseChange = request && !request.taskId ? await expiredOnCase(db, request, at) : undefined;
  try {
    await saveExtensionWrite(db, { changes, ...(caseChange ? { caseChange } : {}), now });
    return 'expired';
  } catch (error) {
    if (error instanceof VersionConflictError) return 'conflict';
    throw error;
  }
};
