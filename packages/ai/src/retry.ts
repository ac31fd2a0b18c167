// The judge's retry policy (core's withRetry does the retrying) and a per-attempt deadline.
import type { RetryPolicy } from '@casetasks/core';

/**
 * Bedrock quotas are per minute, so backoff reaches tens of seconds: 6 attempts, full jitter,
 * base 1 s, cap 20 s (at most 1 + 2 + 4 + 8 + 16 = 31 s of sleep per task, ≈ 15.5 s on average).
 */
export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 6, baseDelayMs: 1_000, maxDelayMs: 20_000 };

/** Calls `expire` after `ms` unless the returned cancel runs first; injected by tests instead of wall-clock time. */
export type DeadlineTimer = (ms: number, expire: () => void) => () => void;

export const realDeadlineTimer: DeadlineTimer = (ms, expire) => {
  const timer = setTimeout(expire, ms);
  return () => clearTimeout(timer);
};

/**
 * Runs `work` with an abort signal that fires after `timeoutMs`, and rejects with `onTimeout()` then
 * even if `work` ignores the signal: a hung call never holds a worker past its deadline.
 */
export const withDeadline = async <T>(
  work: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  onTimeout: () => Error,
  timer: DeadlineTimer = realDeadlineTimer,
): Promise<T> => {
  const controller = new AbortController();
  let cancel = () => {};
  const expired = new Promise<never>((_, reject) => {
    cancel = timer(timeoutMs, () => {
      controller.abort();
      reject(onTimeout());
    });
  });
  try {
    return await Promise.race([work(controller.signal), expired]);
  } finally {
    cancel();
  }
};
