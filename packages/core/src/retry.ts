// The one retry policy of the service: bounded attempts, exponential backoff with full jitter.
import { setTimeout as sleepFor } from 'node:timers/promises';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface RetryHooks {
  sleep?: (ms: number) => Promise<unknown>;
  /** [0, 1); injected by tests for deterministic delays. */
  random?: () => number;
  /** Upper bound of the next sleep, read before each one (e.g. the time left in the invocation's budget). */
  sleepCap?: () => number;
}

/** "Full jitter" (AWS Architecture Blog): spreads concurrent workers that failed together. */
export const backoffDelay = (retry: number, policy: RetryPolicy, random: () => number = Math.random): number =>
  Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry));

/** Runs `attempt` until it succeeds, fails with a non-retryable error, or the attempts are used up. */
export const withRetry = async <T>(
  attempt: (n: number) => Promise<T>,
  isRetryable: (error: unknown) => boolean,
  policy: RetryPolicy,
  hooks: RetryHooks = {},
): Promise<T> => {
  const sleep = hooks.sleep ?? sleepFor;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (n >= policy.maxAttempts || !isRetryable(error)) throw error;
      const delay = backoffDelay(n - 1, policy, hooks.random);
      await sleep(Math.max(0, Math.min(delay, hooks.sleepCap?.() ?? delay)));
    }
  }
};
