// One party's pass of the nightly chat cleanup: leased, checkpointed after every page, stopped at the time budget.
import { closeTask, mapBounded, type Party, type Task } from '@casetasks/core';
import {
  type ChatReadPoint,
  chatReadPoints,
  claimCheckpoint,
  type Db,
  type Lease,
  LeaseLostError,
  overdueChatPage,
  recentMessages,
  reportUnreadableCheckpoint,
  saveChange,
  saveLeasedCheckpoint,
  VersionConflictError,
} from '@casetasks/db';
import { ulid } from 'ulid';
import { logger } from '../runtime/observability.js';
import {
  addCounts,
  CHAT_CLEANUP_JOB,
  type ChatCleanupCounts,
  type ChatCleanupDeps,
  zeroCounts,
} from './chat-cleanup-settings.js';

type Outcome = Exclude<keyof ChatCleanupCounts, 'evaluated'>;

/** `done`: every overdue task of the night was evaluated; `stopped`: budget reached; `busy`: another invocation holds it. */
export type PartyState = 'done' | 'stopped' | 'busy';

export interface PartyResult extends ChatCleanupCounts {
  state: PartyState;
}

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
  let started = 0;
  let stopped = false;
  // mapBounded starts items in input order; once one may not start, none after it does.
  await mapBounded(items, limit, async (item) => {
    stopped ||= !mayStart();
    if (stopped) return;
    started += 1;
    await work(item);
  });
  return started;
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
const startOver = (db: Db, lease: Lease): ChatReadPoint => {
  reportUnreadableCheckpoint(db, lease.job, lease.runKey, 'position: not a resume position');
  return chatReadPoints.start();
};

/** One party's run for the night: leased, checkpointed after every page, stops at the time budget. */
export const cleanParty = async (
  deps: ChatCleanupDeps,
  party: Party,
  now: Date,
  deadline: number,
): Promise<PartyResult> => {
  const counts = zeroCounts();
  const lease: Lease = {
    job: CHAT_CLEANUP_JOB,
    runKey: `${now.toISOString().slice(0, 10)}#${party}`,
    id: ulid(),
    until: deadline + deps.settings.drainMs,
  };
  const checkpoint = await claimCheckpoint(deps.db, lease, new Date(deps.clock()));
  if (!checkpoint) return { ...counts, state: 'busy' };
  const earlier = { ...zeroCounts(), ...checkpoint.counts };
  let position = chatReadPoints.parse(checkpoint.position) ?? startOver(deps.db, lease);
  let state: PartyState = checkpoint.done ? 'done' : 'stopped';
  const mayStart = () => deps.clock() < deadline;
  const save = (done: boolean, release = false) =>
    saveLeasedCheckpoint(
      deps.db,
      lease,
      {
        position: chatReadPoints.stringify(position),
        counts: { ...addCounts(earlier, counts) },
        done,
        updatedAt: now.toISOString(),
      },
      release,
    );

  try {
    while (!checkpoint.done && !chatReadPoints.finished(position) && mayStart()) {
      const page = await overdueChatPage(deps.db, {
        party,
        before: now.toISOString(),
        from: position,
        limit: deps.settings.pageSize,
      });
      const started = await evaluateInOrder(page.tasks, deps.settings.concurrency, mayStart, async ({ task }) => {
        counts.evaluated += 1;
        counts[await evaluateTask(deps, task, now)] += 1;
      });
      if (started < page.tasks.length) {
        const last = page.tasks[started - 1];
        if (last) position = last.resumeAt;
      } else {
        position = page.next;
      }
      await save(false);
      logger.info('chat cleanup progress', { party, shard: position.shard, ...addCounts(earlier, counts) });
    }
  } catch (error) {
    // Keep what was done and free the run for the retry; a lost lease means someone else owns it now.
    if (!(error instanceof LeaseLostError)) await save(false, true).catch(() => undefined);
    throw error;
  }
  if (!checkpoint.done && chatReadPoints.finished(position)) state = 'done';
  await save(state === 'done', true);
  return { ...counts, state };
};
