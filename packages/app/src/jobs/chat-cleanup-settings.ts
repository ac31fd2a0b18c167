// The chat cleanup's knobs, dependencies and counts, shared by the night's run and each party's pass.
import type { ChatJudge } from '@casetasks/ai';
import type { Db } from '@casetasks/db';

export const CHAT_CLEANUP_JOB = 'chat-cleanup';

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

export const defaultChatCleanupSettings: ChatCleanupSettings = {
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

export interface ChatCleanupCounts {
  evaluated: number;
  resolved: number;
  kept: number;
  failed: number;
}

export const zeroCounts = (): ChatCleanupCounts => ({ evaluated: 0, resolved: 0, kept: 0, failed: 0 });
export const addCounts = (a: ChatCleanupCounts, b: ChatCleanupCounts): ChatCleanupCounts => ({
  evaluated: a.evaluated + b.evaluated,
  resolved: a.resolved + b.resolved,
  kept: a.kept + b.kept,
  failed: a.failed + b.failed,
});
