// Case details (issue 20): one partition per case, `casedetails#{caseId}`, holding the details item (`details`:
// the newest details and their stamp) and one member item per open task of the case (`open#{taskId}`), so a
// change reaches every open task's sort and search keys through a strongly consistent Query (a GSI may lag).
import { isDeepStrictEqual } from 'node:util';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type CaseDetails, caseDetailsSchema, mapBounded, type Task } from '@casetasks/core';
import type { Db } from '../client.js';
import { VersionConflictError } from '../errors.js';
import { readItem } from '../item-reads.js';
import { partitionPages } from '../partition-pages.js';
import { readStoredItem } from '../stored-items.js';
import type { Transaction } from '../transaction.js';
import { caseKeyAttributes, taskKey } from './task/task-item.js';

const detailsPartition = (caseId: string) => `casedetails#${caseId}`;
export const detailsKey = (caseId: string) => ({ pk: detailsPartition(caseId), sk: 'details' });
const MEMBER_PREFIX = 'open#';
const memberKey = (caseId: string, taskId: string) => ({
  pk: detailsPartition(caseId),
  sk: `${MEMBER_PREFIX}${taskId}`,
});

export interface StoredCaseDetails {
  caseId: string;
  details: CaseDetails;
  /** `{time in ms}#{eventId}` of the event that said so (core's caseDetailsStamp): the newest wins. */
  stamp: string;
}

const fromDetailsItem = (item: Record<string, unknown>): StoredCaseDetails => ({
  caseId: String(item.caseId),
  details: caseDetailsSchema.parse(item.details),
  stamp: String(item.stamp),
});

/** The case's details; `consistent` when a write depends on them (a task's keys). */
export const getCaseDetails = async (
  db: Db,
  caseId: string,
  consistent = false,
): Promise<StoredCaseDetails | undefined> => {
  const item = await readItem(db, detailsKey(caseId), consistent);
  return item ? readStoredItem(db, item, fromDetailsItem) : undefined;
};

/** BatchGetItem's key limit: a list page (at most 100 tasks) is one call. */
const BATCH_KEYS = 100;

/** The details of each case that has some (one BatchGetItem per 100 cases, unprocessed keys retried). */
export const getCaseDetailsOf = async (db: Db, caseIds: readonly string[]): Promise<Map<string, CaseDetails>> => {
  const found = new Map<string, CaseDetails>();
  const unique = [...new Set(caseIds)];
  for (let start = 0; start < unique.length; start += BATCH_KEYS) {
    let keys: Record<string, unknown>[] = unique.slice(start, start + BATCH_KEYS).map(detailsKey);
    for (let attempt = 0; keys.length > 0 && attempt < 5; attempt++) {
      const result = await db.client.send(new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: keys } } }));
      for (const item of result.Responses?.[db.tableName] ?? []) {
        const stored = readStoredItem(db, item, fromDetailsItem);
        if (stored) found.set(stored.caseId, stored.details);
      }
      keys = result.UnprocessedKeys?.[db.tableName]?.Keys ?? [];
    }
  }
  return found;
};

/** The case's details changed after the task's keys were read: read them again and retry the create. */
export class CaseDetailsChangedError extends VersionConflictError {
  constructor(caseId: string) {
    super(`case details ${caseId}`);
    this.name = 'CaseDetailsChangedError';
  }
}

/** An open task with its case's current details (a strongly consistent GetItem); tasks without a case have none. */
export const refreshCaseDetailsOf = async (db: Db, task: Task): Promise<Task> => {
  if (!task.caseId || task.status !== 'open') return task;
  const stored = await getCaseDetails(db, task.caseId, true);
  const { caseDetails: _details, caseDetailsStamp: _stamp, ...rest } = task;
  return stored ? { ...rest, caseDetails: stored.details, caseDetailsStamp: stored.stamp } : rest;
};

/**
 * A new open task of a case: its member item, on condition that the case's details are still those its
 * keys came from (refreshCaseDetailsOf), so a details change either sees the member or made this write fail.
 */
export const addCaseMember = (tx: Transaction, task: Task): Transaction => {
  if (!task.caseId || task.status !== 'open') return tx;
  const caseId = task.caseId;
  const stamp = task.caseDetailsStamp;
  tx.add(
    {
      ConditionCheck: {
        TableName: tx.tableName,
        Key: detailsKey(caseId),
        ConditionExpression: stamp === undefined ? 'attribute_not_exists(pk)' : 'stamp = :stamp',
        ...(stamp === undefined ? {} : { ExpressionAttributeValues: { ':stamp': stamp } }),
      },
    },
    () => new CaseDetailsChangedError(caseId),
  );
  return tx.put({
    ...memberKey(caseId, task.id),
    kind: 'case-member',
    taskId: task.id,
  });
};

/** A task of a case closed: it leaves the members (its keys no longer matter). */
export const addCaseMemberRemoval = (tx: Transaction, task: Task): Transaction =>
  task.caseId
    ? tx.add(
        { Delete: { TableName: tx.tableName, Key: memberKey(task.caseId, task.id) } },
        () => new Error('unreachable'),
      )
    : tx;

/** Whether the task is among its case's members (issue 20's backfill: a task written before it is not). */
export const isCaseMember = async (db: Db, caseId: string, taskId: string): Promise<boolean> =>
  (await readItem(db, memberKey(caseId, taskId), true)) !== undefined;

export interface CaseDetailsWrite {
  /** false when newer details were stored already: nothing changed. */
  stored: boolean;
  /** Open tasks whose keys were brought up to date. */
  tasksUpdated: number;
}

/** Updates of task keys in flight at once: a case rarely has more than a few open tasks. */
const FAN_OUT = 8;

/**
 * Sets one open task's copy of the details and its keys iff it is still open and its copy is older (a retry
 * or a later change finds it done).
 */
const updateTaskCopy = async (db: Db, taskId: string, details: CaseDetails, stamp: string) => {
  const attributes = caseKeyAttributes(taskId, details);
  const names: Record<string, string> = {
    '#status': 'status',
    '#details': 'caseDetails',
    '#stamp': 'caseDetailsStamp',
  };
  const values: Record<string, unknown> = { ':open': 'open', ':details': details, ':stamp': stamp };
  const set = ['#details = :details', '#stamp = :stamp'];
  const remove: string[] = [];
  Object.entries(attributes).forEach(([name, value], i) => {
    names[`#a${i}`] = name;
    if (value === undefined) remove.push(`#a${i}`);
    else {
      values[`:a${i}`] = value;
      set.push(`#a${i} = :a${i}`);
    }
  });
  try {
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: taskKey(taskId),
        UpdateExpression: `SET ${set.join(', ')}${remove.length > 0 ? ` REMOVE ${remove.join(', ')}` : ''}`,
        ConditionExpression: '#status = :open AND (attribute_not_exists(#stamp) OR #stamp < :stamp)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    return 1;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return 0;
    throw error;
  }
};

/**
 * Stores the case's details unless newer ones are (an equal stamp is this event again: its fan-out runs
 * again, harmlessly), then brings every open task's copy up to date and marks the details as `reached`.
 * Details equal to ones already reached change the stamp only: platforms repeat unchanged details on many
 * events, and the fan-out costs ~20 WCU per open task. Any order of events ends with the newest details on
 * the case and on each of its open tasks.
 */
export const saveCaseDetails = async (
  db: Db,
  caseId: string,
  details: CaseDetails,
  stamp: string,
): Promise<CaseDetailsWrite> => {
  let before: Record<string, unknown> | undefined;
  try {
    const result = await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: detailsKey(caseId),
        UpdateExpression: 'SET kind = :kind, caseId = :caseId, details = :details, stamp = :stamp',
        ConditionExpression: 'attribute_not_exists(pk) OR stamp <= :stamp',
        ExpressionAttributeValues: { ':kind': 'case-details', ':caseId': caseId, ':details': details, ':stamp': stamp },
        ReturnValues: 'ALL_OLD',
      }),
    );
    before = result.Attributes;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return { stored: false, tasksUpdated: 0 };
    throw error;
  }
  // Open tasks whose copy is older keep it: same content, and the stamp alone orders nothing they show.
  const reached = before?.reached !== undefined && before.reached === before.stamp;
  if (reached && before?.stamp !== stamp && isDeepStrictEqual(before?.details, details)) {
    await markReached(db, caseId, stamp);
    return { stored: true, tasksUpdated: 0 };
  }
  let tasksUpdated = 0;
  for await (const page of partitionPages(db, {
    pk: detailsPartition(caseId),
    prefix: MEMBER_PREFIX,
    consistent: true,
  })) {
    const taskIds = page.map((item) => String(item.taskId));
    const updated = await mapBounded(taskIds, FAN_OUT, (taskId) => updateTaskCopy(db, taskId, details, stamp));
    tasksUpdated += updated.reduce<number>((sum, n) => sum + n, 0);
  }
  await markReached(db, caseId, stamp);
  return { stored: true, tasksUpdated };
};

/**
 * Records that every open task has the details of `stamp` (unless newer ones were stored meanwhile): only
 * then may a later event with the same details skip the fan-out, so a fan-out cut short is always redone.
 */
const markReached = async (db: Db, caseId: string, stamp: string): Promise<void> => {
  try {
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: detailsKey(caseId),
        UpdateExpression: 'SET reached = :stamp',
        ConditionExpression: 'stamp = :stamp',
        ExpressionAttributeValues: { ':stamp': stamp },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
};
