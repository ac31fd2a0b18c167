// Periodic jobs over the sharded sparse "due" indexes: a resumable, checkpointed, paged walk of every shard.
import { type CaseState, mapBounded, type Task } from '@casetasks/core';
import * as z from 'zod';
import type { Db } from './client.js';
import { fromCaseItem, surveyPartition } from './entities/case-state.js';
import { getCheckpoint, reportUnreadableCheckpoint, saveCheckpoint } from './entities/job-checkpoint.js';
import { digestDueSource, type NotificationPreferences } from './entities/notification-preferences.js';
import { fromTaskItem, taskPartitions } from './entities/task/task-item.js';
import { indexPages } from './index-query.js';
import { instantKeyThrough } from './keys/instant-key.js';
import { allShards } from './keys/shard.js';
import { readStoredItem } from './stored-items.js';
import type { IndexName } from './table-definition.js';

/** Resume position per shard: the last key read, or done. */
const positionsSchema = z.record(
  z.string(),
  z.object({ lastKey: z.record(z.string(), z.unknown()).optional(), done: z.boolean().optional() }),
);
type Positions = z.infer<typeof positionsSchema>;

/** A resume position given by the caller that is not one a summary handed out (400, names the field). */
export class InvalidCheckpointError extends Error {
  readonly statusCode = 400;
  readonly code = 'invalid_request';
  readonly field = 'checkpoint';
  constructor() {
    super('checkpoint is not a position this job handed out');
    this.name = 'InvalidCheckpointError';
  }
}

/** Where due items wait: a sharded index whose sort keys are `{instant}#{id}`, and how its items parse. */
interface DueSource<T> {
  index: IndexName;
  partition: (shard: number) => string;
  parse: (item: Record<string, unknown>) => T;
}

/** The queues the periodic jobs work through, and what each holds. */
export interface DueQueues {
  /** Open tasks by their next reminder time (the hourly reminder job). */
  reminders: Task;
  /** Active cases by their next monthly survey (the daily survey job). */
  surveys: CaseState;
  /** Users by their next daily digest e-mail (the hourly mail-digests job). */
  mailDigests: NotificationPreferences;
}
export type DueQueue = keyof DueQueues;

const dueQueues: { [Q in DueQueue]: DueSource<DueQueues[Q]> } = {
  reminders: { index: 'dueForReminder', partition: taskPartitions.dueForReminder, parse: fromTaskItem },
  surveys: { index: 'surveyDue', partition: surveyPartition, parse: fromCaseItem },
  mailDigests: digestDueSource,
};

interface WalkOptions<T> {
  db: Db;
  job: string;
  /** One logical run (e.g. the hour or the day): where a crashed run's checkpoint is found. */
  runKey: string;
  /** Everything due up to and including this instant is read. */
  dueThrough: string;
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

/** A walk of one named queue; an item that does not parse is reported to the Db's sink and counted `corrupt`. */
export interface DueQueueWalk<Q extends DueQueue> extends WalkOptions<DueQueues[Q]> {
  queue: Q;
}

/** A walk of an index given by name, partition and parser (the form before the named queues). */
export interface DueWalk<T> extends WalkOptions<T>, DueSource<T> {}

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
  walk: WalkOptions<T>,
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
  reportUnreadableCheckpoint(walk.db, walk.job, walk.runKey, 'position: not a resume position');
  return { positions: {}, counts: {} };
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
  const outOfBudget = () => walk.budgetMs !== undefined && Date.now() - started >= walk.budgetMs;
  const save = (done: boolean) =>
    saveCheckpoint(walk.db, {
      job: walk.job,
      runKey: walk.runKey,
      position: JSON.stringify(positions),
      counts,
      done,
      updatedAt: walk.now.toISOString(),
    });
  const handle = async (item: Record<string, unknown>): Promise<string> => {
    const parsed = readStoredItem(walk.db, item, walk.parse);
    if (parsed === undefined) return 'corrupt';
    try {
      return await walk.handle(parsed);
    } catch (error) {
      walk.onError?.(error);
      return 'failed';
    }
  };

  await Promise.all(
    allShards().map(async (shard) => {
      const position = positions[shard] ?? {};
      positions[shard] = position;
      if (position.done) return;
      if (outOfBudget()) {
        outOfTime = true;
        return;
      }
      const shardPages = indexPages(walk.db, {
        index: walk.index,
        partition: walk.partition(shard),
        to: instantKeyThrough(walk.dueThrough, 'now'),
        limit: walk.pageSize ?? 100,
        ...(position.lastKey ? { startKey: position.lastKey } : {}),
      });
      for await (const page of shardPages) {
        const outcomes = await mapBounded(page.items, walk.concurrency ?? 8, handle);
        for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
        counts.evaluated = (counts.evaluated ?? 0) + page.items.length;
        pages += 1;
        if (page.lastKey) position.lastKey = page.lastKey;
        else position.done = true;
        await save(false);
        walk.onProgress?.({ ...counts });
        if (!position.done && outOfBudget()) {
          outOfTime = true;
          return;
        }
      }
    }),
  );
  await save(!outOfTime);
  return { counts, pages, ...(outOfTime ? { checkpoint: JSON.stringify(positions) } : {}) };
};

/** Walks one of the named due queues (see walkDueItems): the job names what it works through, not its keys. */
export const walkDueQueue = <Q extends DueQueue>(walk: DueQueueWalk<Q>): Promise<WalkResult> => {
  const { queue, ...options } = walk;
  return walkDueItems<DueQueues[Q]>({ ...options, ...(dueQueues[queue] as DueSource<DueQueues[Q]>) });
};
