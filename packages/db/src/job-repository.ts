// Periodic jobs over sharded sparse indexes: a resumable paged walk with checkpoints, and the jobs' atomic writes.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { CaseState, TaskChange } from '@casetasks/core';
import * as z from 'zod';
import type { Db } from './client.js';
import { VersionConflictError } from './errors.js';
import type { AppliedMarker } from './items/applied-item.js';
import { caseKey, fromCaseItem, toCaseItem } from './items/case-item.js';
import { checkpointKey, fromCheckpointItem, type JobCheckpoint, toCheckpointItem } from './items/checkpoint-item.js';
import { instantKeyThrough } from './items/instant-key.js';
import type { OutgoingEvent } from './items/outbox-item.js';
import { allShards } from './items/shard.js';
import { readStoredItem, reportCorruptItem } from './stored-items.js';
import type { IndexName } from './table-definition.js';
import { addMarker, addOutbox, addTaskChange, queryIndex } from './task-repository.js';
import { Transaction } from './transaction.js';

// ---- checkpoints ----------------------------------------------------------------------------------

export const getCheckpoint = async (db: Db, job: string, runKey: string): Promise<JobCheckpoint | undefined> => {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: checkpointKey(job, runKey), ConsistentRead: true }),
  );
  return Item ? fromCheckpointItem(Item) : undefined;
};

/** Last writer wins: a checkpoint is a hint where to resume, and resuming early only re-reads done work. */
export const saveCheckpoint = async (db: Db, checkpoint: JobCheckpoint): Promise<void> => {
  await db.client.send(new PutCommand({ TableName: db.tableName, Item: toCheckpointItem(checkpoint) }));
};

// ---- the walk ---------------------------------------------------------------------------------------

/** Resume position per shard: the last key read, or done. */
const positionsSchema = z.record(
  z.string(),
  z.object({ lastKey: z.record(z.string(), z.unknown()).optional(), done: z.boolean().optional() }),
);
type Positions = z.infer<typeof positionsSchema>;

/** A resume position given by the caller that is not one a summary handed out (400, names the field). */
export class InvalidCheckpointError extends Error {
  readonly statusCode = 400;
  readonly code = 'invalid';
  readonly field = 'checkpoint';
  constructor() {
    super('checkpoint is not a position this job handed out');
    this.name = 'InvalidCheckpointError';
  }
}

export interface DueWalk<T> {
  db: Db;
  job: string;
  /** One logical run (e.g. the hour or the day): where a crashed run's checkpoint is found. */
  runKey: string;
  index: IndexName;
  partition: (shard: number) => string;
  /** Everything due up to and including this instant is read (the sort keys are `{instant}#{id}`). */
  dueThrough: string;
  /** An item that does not parse is reported to the Db's sink and counted `corrupt`; the walk goes on. */
  parse: (item: Record<string, unknown>) => T;
  /** Handles one due item and names its outcome, counted in the summary. */
  handle: (item: T) => Promise<string>;
  /** Opaque position from a previous summary; else a stored unfinished checkpoint of the run. */
  resumeFrom?: string;
  pageSize?: number;
  /** Items handled at once within a page. */
  concurrency?: number;
  /** Stop starting pages after this long and return a checkpoint. */
  budgetMs?: number;
  onProgress?: (counts: Record<string, number>) => void;
  /** An item whose handling failed is counted `failed` and stays due for the next run. */
  onError?: (error: unknown) => void;
  now: Date;
}

export interface WalkResult {
  counts: Record<string, number>;
  /** Present when the budget ran out before every shard was read. */
  checkpoint?: string;
  pages: number;
}

const parsePositions = (value: string): Positions | undefined => {
  try {
    const parsed = positionsSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Where the walk starts: the caller's position (refused when it is not one), else the stored unfinished
 * checkpoint of the run. A stored checkpoint that no longer parses is reported and the run starts over:
 * handled items have left the due range, so starting over only re-reads.
 */
const startingPoint = async <T>(
  walk: DueWalk<T>,
): Promise<{ positions: Positions; counts: Record<string, number> }> => {
  if (walk.resumeFrom) {
    const positions = parsePositions(walk.resumeFrom);
    if (!positions) throw new InvalidCheckpointError();
    return { positions, counts: {} };
  }
  const stored = await getCheckpoint(walk.db, walk.job, walk.runKey);
  if (!stored || stored.done) return { positions: {}, counts: {} };
  const positions = stored.position ? parsePositions(stored.position) : {};
  if (positions) return { positions, counts: { ...stored.counts } };
  reportCorruptItem(walk.db, checkpointKey(walk.job, walk.runKey), 'position: not a resume position');
  return { positions: {}, counts: {} };
};

/** Runs `work` over `items` with at most `limit` in flight. */
export const mapBounded = async <T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>) => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};

/**
 * Queries every shard of a sparse "due" index up to `dueThrough`, page by page, shards in parallel.
 * Handled items leave the due range (their next time moves on), so the index is the work queue and
 * a re-run is always safe; the checkpoint only saves re-reading.
 */
export const walkDueItems = async <T>(walk: DueWalk<T>): Promise<WalkResult> => {
  const started = Date.now();
  const { positions, counts } = await startingPoint(walk);
  let pages = 0;
  let outOfTime = false;
  const save = (done: boolean) =>
    saveCheckpoint(walk.db, {
      job: walk.job,
      runKey: walk.runKey,
      position: JSON.stringify(positions),
      counts,
      done,
      updatedAt: walk.now.toISOString(),
    });

  await Promise.all(
    allShards().map(async (shard) => {
      const position = positions[shard] ?? {};
      positions[shard] = position;
      while (!position.done) {
        if (walk.budgetMs !== undefined && Date.now() - started >= walk.budgetMs) {
          outOfTime = true;
          return;
        }
        const page = await queryIndex(walk.db, {
          index: walk.index,
          partition: walk.partition(shard),
          to: instantKeyThrough(walk.dueThrough, 'now'),
          limit: walk.pageSize ?? 100,
          ...(position.lastKey ? { startKey: position.lastKey } : {}),
        });
        const outcomes = await mapBounded(page.items, walk.concurrency ?? 8, async (item) => {
          const parsed = readStoredItem(walk.db, item, walk.parse);
          if (parsed === undefined) return 'corrupt';
          try {
            return await walk.handle(parsed);
          } catch (error) {
            walk.onError?.(error);
            return 'failed';
          }
        });
        for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
        counts.evaluated = (counts.evaluated ?? 0) + page.items.length;
        pages += 1;
        if (page.lastKey) position.lastKey = page.lastKey;
        else position.done = true;
        await save(false);
        walk.onProgress?.({ ...counts });
      }
    }),
  );
  await save(!outOfTime);
  return { counts, pages, ...(outOfTime ? { checkpoint: JSON.stringify(positions) } : {}) };
};

// ---- retries of racing writes ---------------------------------------------------------------------

/** Two overlapping runs may touch one item at once: DynamoDB cancels one transaction, which re-reads and retries. */
// ---- the jobs' writes -------------------------------------------------------------------------------

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

/** Marker-guarded emit without a task change: digests and the paused-case workflow steps. */
export const emitOnce = async (db: Db, marker: AppliedMarker, events: readonly OutgoingEvent[], now: Date) => {
  const tx = new Transaction(db);
  addMarker(tx, marker, now);
  addOutbox(tx, events, now);
  await tx.commit();
};

/** The case state, or undefined when there is none or it no longer parses (reported). */
export const getCaseState = async (db: Db, caseId: string): Promise<CaseState | undefined> => {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: caseKey(caseId), ConsistentRead: true }),
  );
  return Item ? readStoredItem(db, Item, fromCaseItem) : undefined;
};

/** The next version of a case state, iff nobody changed the case since it was read. */
export const addCaseChange = (tx: Transaction, before: CaseState, patch: Partial<CaseState>): Transaction =>
  tx.put(
    toCaseItem({ ...before, ...patch, version: before.version + 1 }),
    {
      // A case state written before it had a version counts as version 0.
      expression: before.version === 0 ? 'attribute_not_exists(version) OR version = :expected' : 'version = :expected',
      values: { ':expected': before.version },
    },
    () => new VersionConflictError(`case ${before.caseId}`),
  );
