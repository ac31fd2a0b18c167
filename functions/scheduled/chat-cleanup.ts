// The nightly chat cleanup (02:00 UTC): an AI judge resolves overdue "New Message" tasks that need no reply.
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { type ChatJudge, createBedrockJudge, offlineJudge } from '@casetasks/ai';
import type { JobInput, JobSummary } from '@casetasks/app/jobs';
import { config, logger, metrics, tasksDb } from '@casetasks/app/runtime';
import { closeTask, type Party, type Task } from '@casetasks/core';
import {
  checkpointKey,
  claimCheckpoint,
  type Db,
  type IndexPosition,
  JOB_SHARDS,
  type Lease,
  LeaseLostError,
  overdueChatTasks,
  recentMessages,
  reportCorruptItem,
  saveChange,
  saveLeasedCheckpoint,
  VersionConflictError,
} from '@casetasks/db';
import { ulid } from 'ulid';
import * as z from 'zod';
import { scheduledHandler } from '../middleware/scheduled-handler.js';

export const JOB = 'chat-cleanup';
/** Partner tasks first, then creditor tasks: each party is its own run with its own checkpoint (seed 001). */
export const PARTIES: readonly Party[] = ['partner', 'creditor'];

export interface ChatCleanupSettings {
  /** Judge calls in flight at once: bounds Bedrock request rate and Lambda memory. */
  concurrency: number;
  /** Tasks read per Query; progress is saved after every page. */
  pageSize: number;
  /** Messages of the case shown to the judge (newest ones). */
  messages: number;
  /** No task starts after this; the Lambda timeout (15 min) leaves room for in-flight calls. */
  budgetMs: number;
  /** How long an invocation may still be busy after its budget (judge timeout × attempts + backoff). */
  drainMs: number;
}

export const defaultSettings: ChatCleanupSettings = {
  concurrency: 4,
  pageSize: 25,
  messages: 20,
  budgetMs: 12 * 60_000,
  drainMs: 3 * 60_000,
};

export interface ChatCleanupDeps {
  db: Db;
  judge: ChatJudge;
  /** Wall clock (epoch ms) for the time budget and leases; the job's `now` is the logical clock. */
  clock: () => number;
  settings: ChatCleanupSettings;
}

export interface Counts {
  evaluated: number;
  resolved: number;
  kept: number;
  failed: number;
}

type Outcome = Exclude<keyof Counts, 'evaluated'>;

/** `done`: every overdue task of the night was evaluated; `stopped`: budget reached; `busy`: another invocation holds it. */
export type PartyState = 'done' | 'stopped' | 'busy';

export interface PartyResult extends Counts {
  state: PartyState;
}

const zero = (): Counts => ({ evaluated: 0, resolved: 0, kept: 0, failed: 0 });
const add = (a: Counts, b: Counts): Counts => ({
  evaluated: a.evaluated + b.evaluated,
  resolved: a.resolved + b.resolved,
  kept: a.kept + b.kept,
  failed: a.failed + b.failed,
});

/** Where a party's run continues: the shard being read and the position after the last evaluated task. */
const positionSchema = z.object({
  shard: z.number().int().min(0),
  after: z.record(z.string(), z.unknown()).optional(),
});
type Position = { shard: number; after?: IndexPosition };

/** The stored position, or undefined when it no longer parses. */
const parsePosition = (value: string): Position | undefined => {
  if (!value) return { shard: 0 };
  try {
    const parsed = positionSchema.safeParse(JSON.parse(value));
    if (!parsed.success) return undefined;
    const { shard, after } = parsed.data;
    return after ? { shard, after } : { shard };
  } catch {
    return undefined;
  }
};

/** What a continuation needs from the summary: the same logical `now`, hence the same night and cut-off. */
const continuationSchema = z.object({ now: z.iso.datetime({ offset: true }) });
const nowOf = (input: JobInput, clock: () => number): Date => {
  if (input.checkpoint) return new Date(continuationSchema.parse(JSON.parse(input.checkpoint)).now);
  return new Date(input.now ?? clock());
};

/**
 * Runs `work` over `items` with at most `limit` in flight, starting items strictly in order and none
 * once `mayStart()` is false. Returns how many started (all finished): always a prefix of `items`,
 * so the position after the last one is an exact resume point.
 */
const evaluateInOrder = async <T>(
  items: readonly T[],
  limit: number,
  mayStart: () => boolean,
  work: (item: T) => Promise<void>,
): Promise<number> => {
  let next = 0;
  const worker = async () => {
    while (next < items.length && mayStart()) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return next;
};

/** Judges one task and resolves it only on a clear, schema-valid `no_reply_needed`. */
const evaluateTask = async (deps: ChatCleanupDeps, task: Task, now: Date): Promise<Outcome> => {
  try {
    if (!task.caseId) return 'kept';
    const conversation = await recentMessages(deps.db, task.caseId, deps.settings.messages);
    const verdict = await deps.judge.judge({ conversation, party: task.accessLevel, task });
    if (verdict.decision !== 'no_reply_needed') return 'kept';
    const change = closeTask(task, 'ai', { kind: 'ai', id: verdict.judge }, now.toISOString(), {
      reason: verdict.reason,
      modelId: verdict.judge,
    });
    await saveChange(deps.db, change, { now });
    return 'resolved';
  } catch (error) {
    // Changed since it was read (a new message, a reply, a postpone): the newer state wins.
    if (error instanceof VersionConflictError) return 'kept';
    logger.warn('chat task left open after an error', { taskId: task.id, error });
    return 'failed';
  }
};

/**
 * An unreadable stored position is reported and the night starts over from the first shard: resolved
 * tasks have left the index, so starting over only judges the kept ones again.
 */
const startOver = (db: Db, lease: Lease): Position => {
  reportCorruptItem(db, checkpointKey(lease.job, lease.runKey), 'position: not a resume position');
  return { shard: 0 };
};

/** One party's run for the night: leased, checkpointed after every page, stops at the time budget. */
export const cleanParty = async (
  deps: ChatCleanupDeps,
  party: Party,
  now: Date,
  deadline: number,
): Promise<PartyResult> => {
  const counts = zero();
  const lease: Lease = {
    job: JOB,
    runKey: `${now.toISOString().slice(0, 10)}#${party}`,
    id: ulid(),
    until: deadline + deps.settings.drainMs,
  };
  const checkpoint = await claimCheckpoint(deps.db, lease, new Date(deps.clock()));
  if (!checkpoint) return { ...counts, state: 'busy' };
  const earlier = { ...zero(), ...checkpoint.counts };
  let position = parsePosition(checkpoint.position) ?? startOver(deps.db, lease);
  let state: PartyState = checkpoint.done ? 'done' : 'stopped';
  const mayStart = () => deps.clock() < deadline;
  const save = (done: boolean, release = false) =>
    saveLeasedCheckpoint(
      deps.db,
      lease,
      { position: JSON.stringify(position), counts: { ...add(earlier, counts) }, done, updatedAt: now.toISOString() },
      release,
    );

  try {
    while (!checkpoint.done && position.shard < JOB_SHARDS && mayStart()) {
      const page = await overdueChatTasks(deps.db, {
        party,
        shard: position.shard,
        before: now.toISOString(),
        limit: deps.settings.pageSize,
        ...(position.after ? { after: position.after } : {}),
      });
      const started = await evaluateInOrder(page.tasks, deps.settings.concurrency, mayStart, async ({ task }) => {
        counts.evaluated += 1;
        counts[await evaluateTask(deps, task, now)] += 1;
      });
      if (started < page.tasks.length) {
        const last = page.tasks[started - 1];
        if (last) position = { shard: position.shard, after: last.position };
      } else if (page.lastKey) {
        position = { shard: position.shard, after: page.lastKey };
      } else {
        position = { shard: position.shard + 1 };
      }
      await save(false);
      logger.info('chat cleanup progress', { party, shard: position.shard, ...add(earlier, counts) });
    }
  } catch (error) {
    // Keep what was done and free the run for the retry; a lost lease means someone else owns it now.
    if (!(error instanceof LeaseLostError)) await save(false, true).catch(() => undefined);
    throw error;
  }
  if (!checkpoint.done && position.shard >= JOB_SHARDS) state = 'done';
  await save(state === 'done', true);
  return { ...counts, state };
};

/** evaluated / resolved / kept / failed, with or without the party dimension (the alarm watches total `failed`). */
const addCounts = (target: typeof metrics, counts: Counts) => {
  for (const name of ['evaluated', 'resolved', 'kept', 'failed'] as const) {
    target.addMetric(name, MetricUnit.Count, counts[name]);
  }
};

const publishPartyMetrics = (party: Party, counts: Counts) => {
  const single = metrics.singleMetric();
  single.addDimension('party', party);
  addCounts(single, counts);
};

/** The job: each party in turn, within one time budget; unfinished work continues in the next invocation. */
export const runChatCleanup = async (input: JobInput, deps: ChatCleanupDeps): Promise<JobSummary> => {
  const startedAt = deps.clock();
  const now = nowOf(input, deps.clock);
  const deadline = startedAt + deps.settings.budgetMs;
  const parties: Partial<Record<Party, PartyResult>> = {};
  for (const party of PARTIES) {
    const result = await cleanParty(deps, party, now, deadline);
    parties[party] = result;
    publishPartyMetrics(party, result);
    logger.info('chat cleanup party finished', { party, ...result });
    if (result.state === 'stopped') break;
  }
  const total = Object.values(parties).reduce<Counts>((sum, result) => add(sum, result), zero());
  addCounts(metrics, total);
  const finished = PARTIES.every((party) => parties[party]?.state === 'done');
  return {
    job: JOB,
    now: now.toISOString(),
    counts: { ...total },
    parties,
    judge: deps.judge.name,
    ...(finished ? {} : { checkpoint: JSON.stringify({ now: now.toISOString() }) }),
    durationMs: deps.clock() - startedAt,
  };
};

let bedrock: BedrockRuntimeClient | undefined;
let judge: ChatJudge | undefined;

/** Bedrock when deployed, the offline judge locally; the client is created once per process. */
export const configuredJudge = (): ChatJudge => {
  const { CHAT_JUDGE, BEDROCK_MODEL_ID, AWS_REGION } = config();
  if (CHAT_JUDGE === 'offline') return offlineJudge;
  if (judge) return judge;
  // SDK retries off: the judge retries throttles itself (bounded, jittered), so attempts never multiply.
  bedrock ??= new BedrockRuntimeClient({ region: AWS_REGION, maxAttempts: 1 });
  judge = createBedrockJudge({ client: bedrock, modelId: BEDROCK_MODEL_ID });
  return judge;
};

export const run = async (input: JobInput = {}): Promise<JobSummary> =>
  runChatCleanup(input, { db: tasksDb(), judge: configuredJudge(), clock: Date.now, settings: defaultSettings });

export const handler = scheduledHandler(JOB, run);
