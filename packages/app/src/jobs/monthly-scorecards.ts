// Daily job: snapshots the last complete month's SLA scorecard of every partner with SLA tasks in it, each
// creditor's view, then the partners' percentiles; once per month, resumable from its checkpoint.
import { type Month, mapBounded, monthlyScorecard, monthPeriod, percentiles, previousMonth } from '@casetasks/core';
import {
  type Db,
  getCheckpoint,
  getScorecardMonth,
  InvalidCheckpointError,
  markScorecardMonthDone,
  monthRanking,
  reportUnreadableCheckpoint,
  ScorecardKeptError,
  saveCheckpoint,
  saveMonthlyScorecard,
  setScorecardPercentile,
  slaMonthPartners,
  slaMonthShards,
  slaTasksInPeriod,
} from '@casetasks/db';
import * as z from 'zod';
import { tasksDb } from '../runtime/clients.js';
import { serviceNow } from '../runtime/clock.js';
import { logger } from '../runtime/observability.js';
import { DEFAULT_CONCURRENCY, type JobRunOptions } from './due-items-job.js';
import type { JobInput, JobSummary } from './job-contract.js';

export const MONTHLY_SCORECARDS_JOB = 'monthly-scorecards';
const DEFAULT_BUDGET_MS = 4 * 60_000;

type Outcome = 'snapshot' | 'kept' | 'failed';

/** Where a run of a month resumes: its `asOf` (so a resumed run measures as the first did) and each shard's place. */
const positionSchema = z.object({
  month: z.string(),
  asOf: z.string(),
  shards: z.record(z.string(), z.object({ after: z.string().optional(), done: z.boolean().optional() })),
});
type Position = z.infer<typeof positionSchema>;

const parsePosition = (text: string): Position | undefined => {
  try {
    const parsed = positionSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

/** The caller's position, else the month's unfinished stored checkpoint, else a fresh run measured at `now`. */
const startingPoint = async (
  db: Db,
  input: JobInput,
  now: Date,
): Promise<{ position: Position; counts: Record<string, number> }> => {
  if (input.checkpoint) {
    const position = parsePosition(input.checkpoint);
    if (!position) throw new InvalidCheckpointError();
    return { position, counts: {} };
  }
  const month = previousMonth(now);
  const fresh = { position: { month, asOf: now.toISOString(), shards: {} }, counts: {} };
  const stored = await getCheckpoint(db, MONTHLY_SCORECARDS_JOB, month);
  if (!stored || stored.done || !stored.position) return fresh;
  const position = parsePosition(stored.position);
  if (position) return { position, counts: { ...stored.counts } };
  reportUnreadableCheckpoint(db, MONTHLY_SCORECARDS_JOB, month, 'position: not a resume position');
  return fresh;
};

/** One partner's month: read its SLA tasks of the month (one Query), compute, store with the creditors' views. */
const snapshotPartner = async (db: Db, month: Month, asOf: Date, partnerOrgId: string): Promise<Outcome> => {
  try {
    const { tasks } = await slaTasksInPeriod(db, partnerOrgId, monthPeriod(month));
    await saveMonthlyScorecard(db, monthlyScorecard({ partnerOrgId, month, tasks, now: asOf }));
    return 'snapshot';
  } catch (error) {
    if (error instanceof ScorecardKeptError) return 'kept';
    logger.error('scorecard snapshot failed', { partnerOrgId, month, error });
    return 'failed';
  }
};

/** Every partner's percentile among the month's ranked partners, written into its snapshot. */
const rankPartners = async (db: Db, month: Month, concurrency: number): Promise<number> => {
  const ranks = percentiles(await monthRanking(db, month));
  await mapBounded([...ranks], concurrency, ([partnerOrgId, rank]) =>
    setScorecardPercentile(db, partnerOrgId, month, rank),
  );
  return ranks.size;
};

/**
 * The run: nothing once the month's done marker exists. Otherwise each shard of the month's partner registry,
 * page by page (checkpointed after each), then the percentiles and the done marker. A run stopped at its budget
 * returns a checkpoint and the next tick continues; a partner that failed makes the next tick walk the month again.
 */
export const runMonthlyScorecards = async (input: JobInput = {}, options: JobRunOptions = {}): Promise<JobSummary> => {
  const started = Date.now();
  const now = input.now ? new Date(input.now) : serviceNow();
  const db = tasksDb();
  const summary = (month: string, counts: Record<string, number>, checkpoint?: string): JobSummary => ({
    job: MONTHLY_SCORECARDS_JOB,
    now: now.toISOString(),
    month,
    counts,
    ...(checkpoint ? { checkpoint } : {}),
    durationMs: Date.now() - started,
  });
  if (!input.checkpoint && (await getScorecardMonth(db, previousMonth(now)))) {
    return summary(previousMonth(now), { alreadyDone: 1 });
  }
  const { position, counts } = await startingPoint(db, input, now);
  const { month } = position;
  const asOf = new Date(position.asOf);
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const save = (done: boolean) =>
    saveCheckpoint(db, {
      job: MONTHLY_SCORECARDS_JOB,
      runKey: month,
      position: JSON.stringify(position),
      counts,
      done,
      updatedAt: now.toISOString(),
    });

  for (const shard of slaMonthShards()) {
    const place = position.shards[shard] ?? {};
    position.shards[shard] = place;
    if (place.done) continue;
    for await (const orgs of slaMonthPartners(db, month, shard, place.after, options.pageSize)) {
      const outcomes = await mapBounded(orgs, concurrency, (org) => snapshotPartner(db, month, asOf, org));
      for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
      counts.partners = (counts.partners ?? 0) + orgs.length;
      place.after = orgs.at(-1);
      await save(false);
      logger.info(`${MONTHLY_SCORECARDS_JOB} progress`, { month, counts });
      if (Date.now() - started >= budgetMs) {
        logger.warn(`${MONTHLY_SCORECARDS_JOB} stopped at its time budget; the next run continues`, { month });
        return summary(month, counts, JSON.stringify(position));
      }
    }
    place.done = true;
    await save(false);
  }
  if ((counts.failed ?? 0) > 0) {
    // Walk the month again on the next tick (same asOf): stored partners are rewritten as they were.
    position.shards = {};
    await save(false);
    return summary(month, counts);
  }
  counts.ranked = await rankPartners(db, month, concurrency);
  await markScorecardMonthDone(db, { month, asOf: position.asOf, counts });
  await save(true);
  return summary(month, counts);
};
