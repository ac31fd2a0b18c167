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
  /** Tasks in a row still throttled after their retries that end the invocation (the next tick resumes). */
  maxConsecutiveThrottles: number;
}

export const defaultChatCleanupSettings: ChatCleanupSettings = {
  concurrency: 4,
  pageSize: 25,
  messages: 20,
  budgetMs: 12 * 60_000,
  drainMs: 3 * 60_000,
  maxConsecutiveThrottles: 5,
};

export interface ChatCleanupDeps {
  db: Db;
  judge: ChatJudge;
  /** Wall clock (epoch ms) for the time budget and leases; the job's `now` is the logical clock. */
  clock: () => number;
  settings: ChatCleanupSettings;
}

/**
 * A night's counts. `evaluated = resolved + kept + unchanged + failed`; `kept = replyNeeded + unsure`
 * (kept as a total for the existing dashboards and alarms). A task the model could not be called for
 * (model unavailable) is in none of them.
 */
export interface ChatCleanupCounts {
  evaluated: number;
  resolved: number;
  kept: number;
  replyNeeded: number;
  unsure: number;
  /** Kept without a judge call: same latest message, model and prompt version as the stored verdict. */
  unchanged: number;
  failed: number;
  inputTokens: number;
  outputTokens: number;
}

const countNames = [
  'evaluated',
  'resolved',
  'kept',
  'replyNeeded',
  'unsure',
  'unchanged',
  'failed',
  'inputTokens',
  'outputTokens',
] as const satisfies readonly (keyof ChatCleanupCounts)[];

export const zeroCounts = (): ChatCleanupCounts =>
  Object.fromEntries(countNames.map((name) => [name, 0])) as unknown as ChatCleanupCounts;

export const addCounts = (a: ChatCleanupCounts, b: ChatCleanupCounts): ChatCleanupCounts =>
  Object.fromEntries(countNames.map((name) => [name, (a[name] ?? 0) + (b[name] ?? 0)])) as unknown as ChatCleanupCounts;
