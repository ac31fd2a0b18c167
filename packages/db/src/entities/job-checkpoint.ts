// Job checkpoints: where an interrupted or time-boxed run resumes, one item per job and run key
// (`job#{job}` / `{runKey}`); the chat cleanup also holds its runs by a lease on this item.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client.js';
import { readItem } from '../item-reads.js';
import { reportCorruptItem } from '../stored-items.js';
import { ttlAttribute } from '../table-definition.js';

export const CHECKPOINT_TTL_DAYS = 7;

export interface JobCheckpoint {
  job: string;
  /** Identifies one logical run, e.g. the night (2026-11-23) or `partner` + night. */
  runKey: string;
  /** Opaque resume position (e.g. shard and LastEvaluatedKey, JSON). */
  position: string;
  counts: Record<string, number>;
  done: boolean;
  updatedAt: string;
}

export const checkpointKey = (job: string, runKey: string) => ({ pk: `job#${job}`, sk: runKey });

const expiresAt = (at: string) => Math.floor(Date.parse(at) / 1000) + CHECKPOINT_TTL_DAYS * 86_400;

const toCheckpointItem = (checkpoint: JobCheckpoint) => ({
  ...checkpointKey(checkpoint.job, checkpoint.runKey),
  kind: 'checkpoint',
  ...checkpoint,
  [ttlAttribute]: expiresAt(checkpoint.updatedAt),
});

export const fromCheckpointItem = (item: Record<string, unknown>): JobCheckpoint => ({
  job: String(item.job),
  runKey: String(item.runKey),
  position: String(item.position),
  // Only numeric counts: the summary adds to them.
  counts: Object.fromEntries(
    Object.entries(typeof item.counts === 'object' && item.counts !== null ? item.counts : {}).filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1]),
    ),
  ),
  done: item.done === true,
  updatedAt: String(item.updatedAt),
});

export const getCheckpoint = async (db: Db, job: string, runKey: string): Promise<JobCheckpoint | undefined> => {
  const item = await readItem(db, checkpointKey(job, runKey), true);
  return item ? fromCheckpointItem(item) : undefined;
};

/** Last writer wins: a checkpoint is a hint where to resume, and resuming early only re-reads done work. */
export const saveCheckpoint = async (db: Db, checkpoint: JobCheckpoint): Promise<void> => {
  await db.client.send(new PutCommand({ TableName: db.tableName, Item: toCheckpointItem(checkpoint) }));
};

/** Reports a run's checkpoint whose position no longer parses (the run then starts over) to the Db's sink. */
export const reportUnreadableCheckpoint = (db: Db, job: string, runKey: string, reason: string): void =>
  reportCorruptItem(db, checkpointKey(job, runKey), reason);

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
