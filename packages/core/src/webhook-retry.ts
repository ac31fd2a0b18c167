// When a failed webhook delivery is tried again: a fixed backoff ladder with bounded jitter, spanning 24–26 h.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * The wait after failed attempt n (index n - 1) before attempt n + 1. They add up to 24 h 2.5 min, so even with no
 * jitter a receiver that is down for a day still gets its events. Each step stays ≤ 12 h, the longest an SQS message
 * can be hidden by ChangeMessageVisibility.
 */
export const WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [
  30 * SECOND,
  2 * MINUTE,
  15 * MINUTE,
  45 * MINUTE,
  1 * HOUR,
  2 * HOUR,
  4 * HOUR,
  8 * HOUR,
  8 * HOUR,
];

/** Attempts in all, the first included; after the last failure the message goes to the dead-letter queue. */
export const MAX_WEBHOOK_ATTEMPTS = WEBHOOK_RETRY_DELAYS_MS.length + 1;

/**
 * The most jitter added to one step. Short steps get full jitter (wait in [d, 2d]) because that is where the
 * deliveries of an outage retry together; long steps get at most 15 min, which keeps the whole run ≤ 26 h.
 */
export const WEBHOOK_RETRY_JITTER_CAP_MS = 15 * MINUTE;

/**
 * The wait, in whole seconds as milliseconds (SQS counts seconds), after failed attempt `failedAttempt` (1-based);
 * undefined when that was the last attempt. Jitter is added on top of the step, never taken off, so the schedule's
 * total never drops below 24 h. `random` returns [0, 1); tests inject a seeded one.
 */
export const webhookRetryDelayMs = (failedAttempt: number, random: () => number = Math.random): number | undefined => {
  if (!Number.isInteger(failedAttempt) || failedAttempt < 1) throw new RangeError(`bad attempt ${failedAttempt}`);
  const step = WEBHOOK_RETRY_DELAYS_MS[failedAttempt - 1];
  if (step === undefined) return undefined;
  const jitter = random() * Math.min(step, WEBHOOK_RETRY_JITTER_CAP_MS);
  return Math.floor((step + jitter) / SECOND) * SECOND;
};
