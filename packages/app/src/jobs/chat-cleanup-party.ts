// One party's pass of the nightly chat cleanup: leased, checkpointed after every page, stopped at the time budget.
import {
  type ChatJudge,
  InvalidJudgeAnswerError,
  JudgeThrottledError,
  ModelUnavailableError,
  type TokenUsage,
  type Verdict,
} from '@casetasks/ai';
import { closeTask, mapBounded, type Party, type Task } from '@casetasks/core';
import {
  type ChatReadPoint,
  chatReadPoints,
  claimCheckpoint,
  type Db,
  getChatVerdict,
  type Lease,
  LeaseLostError,
  overdueChatPage,
  putChatVerdict,
  recentMessages,
  reportUnreadableCheckpoint,
  saveChange,
  saveLeasedCheckpoint,
  VersionConflictError,
} from '@casetasks/db';
import { ulid } from 'ulid';
import { logger } from '../runtime/observability.js';
import { chatCleanupModeOfRun, recordShadowVerdict } from './chat-cleanup-mode.js';
import {
  addCounts,
  CHAT_CLEANUP_JOB,
  type ChatCleanupCounts,
  type ChatCleanupDeps,
  zeroCounts,
} from './chat-cleanup-settings.js';

/** `done`: every overdue task of the night was evaluated; `stopped`: budget reached or the run was stopped; `busy`: another invocation holds it. */
export type PartyState = 'done' | 'stopped' | 'busy';

/** Why a pass ended before its budget: N tasks in a row throttled, or the model cannot be called at all. */
export type StopReason = 'throttled' | 'model_unavailable';

export interface PartyResult extends ChatCleanupCounts {
  state: PartyState;
  stopReason?: StopReason;
}

/**
 * What became of one task. `retry`: a failure a later tick may not see (throttled, timeout, a 5xx, a
 * read error) — counted `failed`, and the checkpoint does not pass it. `model_unavailable` is counted
 * nowhere and stops the run.
 */
type Outcome =
  | { kind: 'resolved' | 'replyNeeded' | 'unsure' | 'unchanged' | 'failed'; usage?: TokenUsage }
  | { kind: 'retry'; throttled: boolean }
  | { kind: 'model_unavailable' };

/** Stored with the verdict when the judge has no prompt (the offline judge). */
const NO_PROMPT_VERSION = 'none';
const promptVersionOf = (judge: ChatJudge) => judge.promptVersion ?? NO_PROMPT_VERSION;

/**
 * The history entry keeps the verdict kind, model and prompt version forever, but not the model's
 * reason: that may paraphrase personal data and lives in the verdict item, expiring with the chat.
 */
export const aiHistoryReason = (promptVersion: string) => `no_reply_needed (prompt ${promptVersion})`;

/**
 * Runs `work` over `items` with at most `limit` in flight, starting items strictly in order and none
 * once `mayStart()` is false. Returns how many started (all finished): always a prefix of `items`,
 * so the position after the last one is an exact resume point.
 */
const evaluateInOrder = async <T>(
  items: readonly T[],
  limit: number,
  mayStart: () => boolean,
  work: (item: T, index: number) => Promise<void>,
): Promise<number> => {
  let started = 0;
  let stopped = false;
  // mapBounded starts items in input order; once one may not start, none after it does.
  await mapBounded(items, limit, async (item) => {
    stopped ||= !mayStart();
    if (stopped) return;
    const index = started;
    started += 1;
    await work(item, index);
  });
  return started;
};

/** The one place a task is closed by the AI. */
const resolveTask = async (deps: ChatCleanupDeps, task: Task, verdict: Verdict, now: Date): Promise<void> => {
  const change = closeTask(task, 'ai', { kind: 'ai', id: verdict.judge }, now.toISOString(), {
    reason: aiHistoryReason(verdict.promptVersion ?? promptVersionOf(deps.judge)),
    modelId: verdict.judge,
  });
  await saveChange(deps.db, change, { now });
};

/** The stored verdict still answers: same latest message, model and prompt version, and it kept the task. */
const unchangedSinceVerdict = async (deps: ChatCleanupDeps, taskId: string, lastMessageId: string) => {
  const stored = await getChatVerdict(deps.db, taskId);
  return (
    stored !== undefined &&
    stored.decision !== 'no_reply_needed' &&
    stored.lastMessageId === lastMessageId &&
    stored.modelId === deps.judge.name &&
    stored.promptVersion === promptVersionOf(deps.judge)
  );
};

const judgeTask = async (deps: ChatCleanupDeps, task: Task & { caseId: string }, now: Date): Promise<Outcome> => {
  // Per-org mode (issue 23, chat-cleanup-mode.ts): `off` is never judged and counts as kept without a call.
  const mode = await chatCleanupModeOfRun(deps)(task.accessLevel, task.orgId, now);
  if (mode === 'off') return { kind: 'unchanged' };
  const conversation = await recentMessages(deps.db, task.caseId, deps.settings.messages);
  const latest = conversation.at(-1);
  if (latest && (await unchangedSinceVerdict(deps, task.id, latest.messageId))) return { kind: 'unchanged' };
  const verdict = await deps.judge.judge({ conversation, party: task.accessLevel, task, now: now.toISOString() });
  const usage = verdict.usage;
  if (latest) {
    await putChatVerdict(deps.db, {
      taskId: task.id,
      lastMessageId: latest.messageId,
      lastMessageSentAt: latest.sentAt,
      modelId: verdict.judge,
      promptVersion: verdict.promptVersion ?? promptVersionOf(deps.judge),
      decision: verdict.decision,
      reason: verdict.reason,
      judgedAt: now.toISOString(),
    });
  }
  // Shadow: every verdict recorded for the report, nothing closed (a would-close counts as kept: unsure).
  if (mode === 'shadow') {
    await recordShadowVerdict(deps.db, task, verdict, now);
    if (verdict.decision === 'no_reply_needed') return { kind: 'unsure', usage };
  }
  if (verdict.decision === 'reply_needed') return { kind: 'replyNeeded', usage };
  if (verdict.decision === 'unsure') return { kind: 'unsure', usage };
  try {
    await resolveTask(deps, task, verdict, now);
    return { kind: 'resolved', usage };
  } catch (error) {
    // Changed since it was read (a new message, a reply, a postpone): the newer state wins.
    if (error instanceof VersionConflictError) return { kind: 'unsure', usage };
    throw error;
  }
};

/** Judges one task and resolves it only on a clear, schema-valid `no_reply_needed`. */
const evaluateTask = async (deps: ChatCleanupDeps, task: Task, now: Date): Promise<Outcome> => {
  try {
    if (!task.caseId) return { kind: 'unsure' };
    return await judgeTask(deps, { ...task, caseId: task.caseId }, now);
  } catch (error) {
    if (error instanceof ModelUnavailableError) {
      logger.error('chat cleanup stopped: the model cannot be called', {
        taskId: task.id,
        model: deps.judge.name,
        error,
      });
      return { kind: 'model_unavailable' };
    }
    logger.warn('chat task left open after an error', { taskId: task.id, error });
    // An answer that breaks the contract would break it again: counted, not retried tonight.
    if (error instanceof InvalidJudgeAnswerError) return { kind: 'failed' };
    return { kind: 'retry', throttled: error instanceof JudgeThrottledError };
  }
};

/** Counts one outcome; returns whether the pass must hold its checkpoint before this task. */
const count = (counts: ChatCleanupCounts, outcome: Outcome): boolean => {
  if (outcome.kind === 'model_unavailable') return true;
  counts.evaluated += 1;
  if (outcome.kind === 'retry') {
    counts.failed += 1;
    return true;
  }
  counts[outcome.kind] += 1;
  if (outcome.kind === 'replyNeeded' || outcome.kind === 'unsure') counts.kept += 1;
  counts.inputTokens += outcome.usage?.inputTokens ?? 0;
  counts.outputTokens += outcome.usage?.outputTokens ?? 0;
  return false;
};

/**
 * An unreadable stored position is reported and the night starts over from the first shard: resolved
 * tasks have left the index, so starting over only judges the kept ones again.
 */
const startOver = (db: Db, lease: Lease): ChatReadPoint => {
  reportUnreadableCheckpoint(db, lease.job, lease.runKey, 'position: not a resume position');
  return chatReadPoints.start();
};

/**
 * One party's run for the night: leased, checkpointed after every page, stops at the time budget, after
 * `maxConsecutiveThrottles` throttled tasks in a row, or at the first "model unavailable". The saved
 * position never passes a task that failed retryably: the next tick starts there again (tasks after
 * it are then either gone, resolved, or unchanged and answered by their stored verdict).
 */
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
  /** Where the next tick must start: before the first task of this invocation that failed retryably. */
  let held: ChatReadPoint | undefined;
  let stopReason: StopReason | undefined;
  let throttledInRow = 0;
  const mayStart = () => stopReason === undefined && deps.clock() < deadline;
  const save = (done: boolean, release = false) =>
    saveLeasedCheckpoint(
      deps.db,
      lease,
      {
        position: chatReadPoints.stringify(held ?? position),
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
      let firstHeld: number | undefined;
      const started = await evaluateInOrder(
        page.tasks,
        deps.settings.concurrency,
        mayStart,
        async ({ task }, index) => {
          const outcome = await evaluateTask(deps, task, now);
          if (count(counts, outcome)) firstHeld = Math.min(firstHeld ?? index, index);
          if (outcome.kind === 'model_unavailable') stopReason = 'model_unavailable';
          else if (outcome.kind === 'retry' && outcome.throttled) throttledInRow += 1;
          else if (outcome.kind !== 'unchanged') throttledInRow = 0;
          if (throttledInRow >= deps.settings.maxConsecutiveThrottles) stopReason ??= 'throttled';
        },
      );
      if (firstHeld !== undefined && held === undefined) held = page.tasks[firstHeld - 1]?.resumeAt ?? position;
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
  const state: PartyState =
    checkpoint.done || (chatReadPoints.finished(position) && held === undefined) ? 'done' : 'stopped';
  await save(state === 'done', true);
  return { ...counts, state, ...(stopReason ? { stopReason } : {}) };
};
