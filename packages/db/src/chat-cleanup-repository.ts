// Reads and checkpoints of the nightly chat cleanup: overdue chat tasks per party and shard, recent messages, leased runs.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Party, Task } from '@casetasks/core';
import type { Db } from './client.js';
import { caseKey, fromMessageItem, messagePrefix, type StoredMessage } from './items/case-item.js';
import { CHECKPOINT_TTL_DAYS, checkpointKey, fromCheckpointItem, type JobCheckpoint } from './items/checkpoint-item.js';
import { instantKey } from './items/instant-key.js';
import { fromTaskItem, taskPartitions } from './items/task-item.js';
import { partitionPages } from './partition-pages.js';
import { readStoredItem } from './stored-items.js';
import { indexes, tableKeys, ttlAttribute } from './table-definition.js';
import { queryIndex } from './task-repository.js';

/** An opaque position in an index: the ExclusiveStartKey that continues right after one item. */
export type IndexPosition = Record<string, unknown>;

export interface OverdueChatTask {
  task: Task;
  /** Resuming here continues after this task, so a run can stop between any two tasks. */
  position: IndexPosition;
}

export interface OverdueChatPage {
  tasks: OverdueChatTask[];
  /** Absent when the shard has nothing more that is overdue. */
  lastKey?: IndexPosition;
}

const chatIndex = indexes.openChatByDeadline;

/** The key attributes DynamoDB needs to continue after an item of the openChatByDeadline index. */
const positionOf = (item: Record<string, unknown>): IndexPosition => ({
  [tableKeys.partitionKey]: item[tableKeys.partitionKey],
  [tableKeys.sortKey]: item[tableKeys.sortKey],
  [chatIndex.partitionKey]: item[chatIndex.partitionKey],
  [chatIndex.sortKey]: item[chatIndex.sortKey],
});

/**
 * One page of a party's open `new_message` tasks in one shard whose deadline is before `before`, oldest
 * deadline first. The sort key is `{deadline}#{id}`, so `<= before` (a bare instant key) means deadline < before.
 */
export const overdueChatTasks = async (
  db: Db,
  query: { party: Party; shard: number; before: string; after?: IndexPosition; limit: number },
): Promise<OverdueChatPage> => {
  const page = await queryIndex(db, {
    index: 'openChatByDeadline',
    partition: taskPartitions.openChatByDeadline(query.party, query.shard),
    to: instantKey(query.before, 'before'),
    limit: query.limit,
    ...(query.after ? { startKey: query.after } : {}),
  });
  return {
    // A task that no longer parses is reported and passed over; the next position still moves past it.
    tasks: page.items.flatMap((item) => {
      const task = readStoredItem(db, item, fromTaskItem);
      return task ? [{ task, position: positionOf(item) }] : [];
    }),
    ...(page.lastKey ? { lastKey: page.lastKey } : {}),
  };
};

/** The case's latest `limit` chat messages, returned oldest first (the order a reader follows). */
export const recentMessages = async (db: Db, caseId: string, limit: number): Promise<StoredMessage[]> => {
  const newest = partitionPages(db, {
    pk: caseKey(caseId).pk,
    prefix: messagePrefix,
    descending: true,
    pageSize: limit,
  });
  const { value: page = [] } = await newest.next();
  return page.map(fromMessageItem).reverse();
};

// ---- leased checkpoints -----------------------------------------------------------------------------

/** Another invocation took the run over (our lease expired): stop without writing anything more. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
  readonly retryable = false;
  constructor(readonly runKey: string) {
    super(`the lease on ${runKey} was taken by another invocation`);
  }
}

export interface Lease {
  job: string;
  runKey: string;
  /** Unique per invocation. */
  id: string;
  /** Epoch ms after which another invocation may take the run over (a crashed holder never releases). */
  until: number;
}

const expiresAt = (at: string) => Math.floor(Date.parse(at) / 1000) + CHECKPOINT_TTL_DAYS * 86_400;

/**
 * Takes the run's checkpoint for this invocation, creating it on first use. Only one invocation holds
 * a run at a time, so two overlapping invocations never judge the same task. Returns undefined while
 * another invocation's lease is live.
 */
export const claimCheckpoint = async (db: Db, lease: Lease, now: Date): Promise<JobCheckpoint | undefined> => {
  const at = now.toISOString();
  try {
    const { Attributes } = await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: checkpointKey(lease.job, lease.runKey),
        UpdateExpression:
          'SET leaseId = :lease, leaseUntil = :until, #kind = :kind, job = :job, runKey = :run, ' +
          '#position = if_not_exists(#position, :start), counts = if_not_exists(counts, :zero), ' +
          '#done = if_not_exists(#done, :false), updatedAt = if_not_exists(updatedAt, :at), ' +
          '#expires = if_not_exists(#expires, :expires)',
        ConditionExpression: 'attribute_not_exists(leaseUntil) OR leaseUntil < :now',
        ExpressionAttributeNames: {
          '#kind': 'kind',
          '#position': 'position',
          '#done': 'done',
          '#expires': ttlAttribute,
        },
        ExpressionAttributeValues: {
          ':lease': lease.id,
          ':until': lease.until,
          ':now': now.getTime(),
          ':kind': 'checkpoint',
          ':job': lease.job,
          ':run': lease.runKey,
          ':start': '',
          ':zero': {},
          ':false': false,
          ':at': at,
          ':expires': expiresAt(at),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Attributes ? fromCheckpointItem(Attributes) : undefined;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
};

/** Saves progress while the lease is ours; `release` ends the lease so the next invocation need not wait. */
export const saveLeasedCheckpoint = async (
  db: Db,
  lease: Lease,
  progress: Pick<JobCheckpoint, 'position' | 'counts' | 'done' | 'updatedAt'>,
  release = false,
): Promise<void> => {
  try {
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: checkpointKey(lease.job, lease.runKey),
        UpdateExpression: `SET #position = :position, counts = :counts, #done = :done, updatedAt = :at, #expires = :expires${
          release ? ' REMOVE leaseId, leaseUntil' : ''
        }`,
        ConditionExpression: 'leaseId = :lease',
        ExpressionAttributeNames: { '#position': 'position', '#done': 'done', '#expires': ttlAttribute },
        ExpressionAttributeValues: {
          ':position': progress.position,
          ':counts': progress.counts,
          ':done': progress.done,
          ':at': progress.updatedAt,
          ':expires': expiresAt(progress.updatedAt),
          ':lease': lease.id,
        },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new LeaseLostError(lease.runKey);
    throw error;
  }
};
