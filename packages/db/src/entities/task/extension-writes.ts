// The writes of an SLA extension (issue 19): the partner task's (or case state's) change and the creditor's
// approve_extension task created or closed with it, in one transaction, each item conditional on the version read.
import type { CaseState, HistoryEntry, Task, TaskChange } from '@casetasks/core';
import { taskChangeEvents, taskCreated } from '@casetasks/events';
import type { Db } from '../../client.js';
import { Transaction } from '../../transaction.js';
import { refreshCaseDetailsOf } from '../case-details.js';
import { addCaseChange } from '../case-state.js';
import { addOutbox } from '../outbox-entry.js';
import { addRequestKeyClaim, type RequestKeyClaim } from '../request-key.js';
import { addTaskChange, addTaskCreate } from './task-writes.js';

export interface ExtensionWrite {
  /** Version-conditional changes: the partner task's and (on a decision or expiry) the approval task's. */
  changes: readonly TaskChange[];
  /** The approve_extension task a request creates (it claims its extension scope). */
  create?: { task: Task; entry: HistoryEntry };
  /** A case-update extension's change of the case state, conditional on `before.version`. */
  caseChange?: { before: CaseState; patch: Partial<CaseState> };
  /** A request's Idempotency-Key, recorded for the partner task (or `case#{caseId}`). */
  requestKey?: RequestKeyClaim & { taskId: string };
  now: Date;
}

/** All or nothing; `Task Created` / `Task Completed` go out with it. */
export const saveExtensionWrite = async (db: Db, write: ExtensionWrite): Promise<void> => {
  const tx = new Transaction(db);
  const create = write.create && { ...write.create, task: await refreshCaseDetailsOf(db, write.create.task) };
  const created = create ? [taskCreated(create.task)] : [];
  addOutbox(tx, [...write.changes.flatMap(taskChangeEvents), ...created], write.now);
  for (const change of write.changes) addTaskChange(tx, change);
  if (write.caseChange) addCaseChange(tx, write.caseChange.before, write.caseChange.patch);
  if (create) addTaskCreate(tx, create.task, create.entry);
  if (write.requestKey) addRequestKeyClaim(tx, write.requestKey, write.requestKey.taskId, write.now);
  await tx.commit();
};
