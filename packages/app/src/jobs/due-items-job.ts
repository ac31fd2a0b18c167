// The run of a job that walks a sparse "due" index: options shared by every such job, progress logs, summary.

import { type DueQueue, type DueQueues, walkDueQueue } from '@casetasks/db';
import { tasksDb } from '../runtime/clients.js';
import { logger } from '../runtime/observability.js';
import type { JobInput, JobSummary } from './job-contract.js';

export interface JobRunOptions {
  /** Stop starting pages after this long (the Lambda timeout is 5 minutes). */
  budgetMs?: number;
  pageSize?: number;
  concurrency?: number;
}

export const DEFAULT_CONCURRENCY = 8;
const DEFAULT_BUDGET_MS = 4 * 60_000;

export interface DueItemsJob<Q extends DueQueue> {
  job: string;
  /** One logical run (e.g. the hour or the day): where a crashed run's checkpoint is found. */
  runKey: string;
  /** The due queue the job works through. */
  queue: Q;
  /** Handles one due item and names its outcome, counted in the summary. */
  handle: (item: DueQueues[Q]) => Promise<string>;
  /** Progress and error lines name the job's items, e.g. `reminder`. */
  item: string;
  input: JobInput;
  options: JobRunOptions;
  now: Date;
  /** When the invocation started (work before the walk counts in `durationMs`). */
  started: number;
  /** Counts of work done before the walk, merged into the summary. */
  counts?: Record<string, number>;
}

/** Walks everything due up to `now` (all shards, resumable, bounded) and summarises the run. */
export const runDueItemsJob = async <Q extends DueQueue>(job: DueItemsJob<Q>): Promise<JobSummary> => {
  const at = job.now.toISOString();
  const walk = await walkDueQueue({
    db: tasksDb(),
    job: job.job,
    runKey: job.runKey,
    queue: job.queue,
    dueThrough: at,
    handle: job.handle,
    ...(job.input.checkpoint ? { resumeFrom: job.input.checkpoint } : {}),
    ...(job.options.pageSize ? { pageSize: job.options.pageSize } : {}),
    concurrency: job.options.concurrency ?? DEFAULT_CONCURRENCY,
    budgetMs: job.options.budgetMs ?? DEFAULT_BUDGET_MS,
    onProgress: (counts) => logger.info(`${job.job} progress`, { counts }),
    onError: (error) => logger.error(`${job.item} failed`, { error }),
    now: job.now,
  });
  return {
    job: job.job,
    now: at,
    counts: { ...walk.counts, ...job.counts },
    ...(walk.checkpoint ? { checkpoint: walk.checkpoint } : {}),
    durationMs: Date.now() - job.started,
  };
};
