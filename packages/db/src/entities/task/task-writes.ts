// Every write of a task: the task item with its history entry, scope guard, marker and outbox entries,
// all in one transaction. Creates, changes, late records, portal creates and reminders all go through here.
import { type HistoryEntry, isGuarded, type Task, type TaskChange } from '@casetasks/core';
import { type OutgoingEvent, taskChangeEvents, taskCompleted, taskCreated } from '@casetasks/events';
import type { Db } from '../../client.js';
import { VersionConflictError } from '../../errors.js';
import { Transaction } from '../../transaction.js';
import { type AppliedMarker, type StepWrite, stepTransaction } from '../applied-marker.js';
import { addCaseMember, addCaseMemberRemoval, CaseDetailsChangedError, refreshCaseDetailsOf } from '../case-details.js';
import { addHistoryEntry } from '../history-entry.js';
import { addOutbox } from '../outbox-entry.js';
import { addRequestKeyClaim, type RequestKeyClaim } from '../request-key.js';
import { addNotClosedSince, addScopeClaim, addScopeRelease, type ScopeRef } from '../scope-guard.js';
import { addSlaMonthRegistration } from '../sla-month-registry.js';
import { toTaskItem } from './task-item.js';

// ---- transaction parts: composable so one event's whole effect commits atomically -------------

/**
 * The one place a new task item is put: a task that counts for SLA also registers its partner for the
 * month of its original deadline (the monthly scorecard job's work list; one more write per such create);
 * an open task of a case joins the case's members, its keys (refreshCaseDetailsOf) checked against the details.
 */
const addNewTaskItem = (tx: Transaction, task: Task): Transaction => {
  tx.put(toTaskItem(task), { expression: 'attribute_not_exists(pk)' });
  addCaseMember(tx, task);
  return addSlaMonthRegistration(tx, task);
};

/** Attempts of a create whose case's details changed between reading them and the commit. */
const DETAILS_ATTEMPTS = 3;

/**
 * Builds and commits a create with the task's current case keys; read again when the details changed
 * meanwhile (CaseDetailsChangedError). Returns the task as written.
 */
export const commitWithCaseDetails = async (db: Db, task: Task, build: (keyed: Task) => Transaction): Promise<Task> => {
  for (let attempt = 1; ; attempt++) {
    const keyed = await refreshCaseDetailsOf(db, task);
    try {
      await build(keyed).commit();
      return keyed;
    } catch (error) {
      if (!(error instanceof CaseDetailsChangedError) || attempt >= DETAILS_ATTEMPTS) throw error;
    }
  }
};

/**
 * Creates the task, its first history entry and (for guarded types) claims the scope: the scope must
 * have no open task, and no closing event at or after this task's creating time.
 */
export const addTaskCreate = (tx: Transaction, task: Task, entry: HistoryEntry): Transaction => {
  if (isGuarded(task)) addScopeClaim(tx, task);
  addNewTaskItem(tx, task);
  return addHistoryEntry(tx, entry);
};

/** Writes the next version of a task iff nobody else did first; releases the scope when it closes. */
export const addTaskChange = (tx: Transaction, change: TaskChange): Transaction => {
  const { before, after, entry } = change;
  // The case's details copy is part of what was read: a details change since then (case-details.ts) is a conflict.
  const stamp = before.caseDetailsStamp;
  tx.put(
    toTaskItem(after),
    {
      expression: `version = :expected AND ${stamp === undefined ? 'attribute_not_exists(caseDetailsStamp)' : 'caseDetailsStamp = :stamp'}`,
      values: { ':expected': before.version, ...(stamp === undefined ? {} : { ':stamp': stamp }) },
    },
    () => new VersionConflictError(before.id),
  );
  addHistoryEntry(tx, entry, 'version');
  if (before.status === 'open' && after.status === 'completed') {
    if (isGuarded(before)) addScopeRelease(tx, before);
    addCaseMemberRemoval(tx, before);
  }
  return tx;
};

// ---- whole operations -------------------------------------------------------------------------

export interface WriteOptions {
  now?: Date;
  marker?: AppliedMarker;
  outbox?: readonly OutgoingEvent[];
}

const begin = (db: Db, options: WriteOptions): Transaction => {
  const [tx, now] = stepTransaction(db, options);
  if (options.outbox) addOutbox(tx, options.outbox, now);
  return tx;
};

/** Creates a task atomically with its history, scope claim, marker and `Task Created` outbox entry. */
export const createTask = async (
  db: Db,
  task: Task,
  entry: HistoryEntry,
  options: WriteOptions = {},
): Promise<Task> => {
  return commitWithCaseDetails(db, task, (keyed) =>
    addTaskCreate(begin(db, { ...options, outbox: [taskCreated(keyed), ...(options.outbox ?? [])] }), keyed, entry),
  );
};

/** Saves one change conditionally on the version read; `Task Completed` goes out when it closes. */
export const saveChange = async (db: Db, change: TaskChange, options: WriteOptions = {}): Promise<Task> => {
  const tx = begin(db, { ...options, outbox: [...taskChangeEvents(change), ...(options.outbox ?? [])] });
  await addTaskChange(tx, change).commit();
  return change.after;
};

/**
 * Creates an open task (see addTaskCreate) on condition that none of `closureScopes` saw a closing
 * event at or after its creation (e.g. "the case left paused" for every pause of the case).
 */
export const createGuardedTask = async (
  db: Db,
  task: Task,
  entry: HistoryEntry,
  options: StepWrite & { closureScopes?: readonly ScopeRef[] } = {},
): Promise<Task> => {
  return commitWithCaseDetails(db, task, (keyed) => {
    const tx = addTaskCreate(begin(db, { ...options, outbox: [taskCreated(keyed)] }), keyed, entry);
    for (const scope of options.closureScopes ?? []) addNotClosedSince(tx, scope, keyed.createdAt);
    return tx;
  });
};

/** A task born completed (its closing event came first): task, both history entries, both outgoing events. */
export const recordLateTask = async (
  db: Db,
  late: { task: Task; entries: readonly HistoryEntry[] },
  options: StepWrite = {},
): Promise<Task> => {
  const tx = begin(db, { ...options, outbox: [taskCreated(late.task), taskCompleted(late.task)] });
  addNewTaskItem(tx, late.task);
  for (const entry of late.entries) addHistoryEntry(tx, entry);
  await tx.commit();
  return late.task;
};

export interface ManualCreateOptions {
  now: Date;
  requestKey?: RequestKeyClaim;
}

/** A portal create: task, history, `Task Created` and (when given) the Idempotency-Key record, all or nothing. */
export const createManualTask = async (
  db: Db,
  task: Task,
  entry: HistoryEntry,
  options: ManualCreateOptions,
): Promise<Task> => {
  return commitWithCaseDetails(db, task, (keyed) => {
    const tx = addTaskCreate(begin(db, { now: options.now, outbox: [taskCreated(keyed)] }), keyed, entry);
    if (options.requestKey) addRequestKeyClaim(tx, options.requestKey, keyed.id, options.now);
    return tx;
  });
};

/**
 * A reminder goes out exactly once: the task's next reminder state and the outbox entry commit
 * together, on condition that the task is still at the version read.
 */
export const saveReminder = async (db: Db, change: TaskChange, events: readonly OutgoingEvent[], now: Date) => {
  const tx = new Transaction(db);
  addTaskChange(tx, change);
  addOutbox(tx, events, now);
  await tx.commit();
};
