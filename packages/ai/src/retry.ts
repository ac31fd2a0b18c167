// Bounded retries with exponential backoff and full jitter, and a per-attempt deadline.
import { setTimeout as sleepFor } from 'node:timers/promises';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 4_000 };

export interface RetryHooks {
  sleep?: (ms: number) => Promise<unknown>;
  /** [0, 1); injected by tests for deterministic delays. */
  random?: () => number;
}

/** "Full jitter" (AWS Architecture Blog): spreads concurrent workers that were throttled together. */
export const backoffDelay = (retry: number, policy: RetryPolicy, random: () => number = Math.random): number =>
  Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry));

/** Runs `attempt` until it succeeds, fails with a non-retryable error, or the attempts are used up. */
export const withRetry = async <T>(
  attempt: (n: number) => Promise<T>,
  isRetryable: (error: unknown) => boolean,
  policy: RetryPolicy = defaultRetryPolicy,
  hooks: RetryHooks = {},
): Promise<T> => {
  const sleep = hooks.sleep ?? sleepFor;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (n >= policy.maxAttempts || !isRetryable(error)) throw error;
      await sleep(backoffDelay(n - 1, policy, hooks.random));
    }
  }
};

/**
 * Runs `work` with an abort signal that fires after `timeoutMs`, and rejects with `onTimeout()` then
 * even if `work` ignores the signal: a hung call never holds a worker past its deadline.
 */
export const withDeadline = async <T>(
  work: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  onTimeout: () => Error,
): Promise<T> => {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(onTimeout());
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
};
