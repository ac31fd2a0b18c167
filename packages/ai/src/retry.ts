// The judge's retry policy (core's withRetry does the retrying) and a per-attempt deadline.
import type { RetryPolicy } from '@casetasks/core';

/** Bedrock's share of the service retry policy (core's withRetry): throttles clear within seconds. */
export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 4_000 };

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
