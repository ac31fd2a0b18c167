import { describe, expect, it } from 'vitest';
import {
  MAX_WEBHOOK_ATTEMPTS,
  WEBHOOK_RETRY_DELAYS_MS,
  WEBHOOK_RETRY_JITTER_CAP_MS,
  webhookRetryDelayMs,
} from './webhook-retry.js';

const HOUR = 3_600_000;
/** SQS ChangeMessageVisibility takes at most 12 h. */
const SQS_MAX_VISIBILITY_MS = 12 * HOUR;

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

/** The waits of one whole run, from the first failure to the last. */
const run = (random: () => number) =>
  Array.from({ length: MAX_WEBHOOK_ATTEMPTS - 1 }, (_, i) => webhookRetryDelayMs(i + 1, random) ?? Number.NaN);

describe('webhook retry schedule', () => {
  it('spans at least 24 h and at most 26 h, whatever the jitter', () => {
    // Prepare: the two extremes of the generator and 1,000 seeded runs
    const runs = [run(() => 0), run(() => 0.999_999), ...Array.from({ length: 1000 }, (_, s) => run(seeded(s)))];

    // Act
    const totals = runs.map((delays) => delays.reduce((sum, d) => sum + d, 0));

    // Assess
    for (const total of totals) {
      expect(total).toBeGreaterThanOrEqual(24 * HOUR);
      expect(total).toBeLessThanOrEqual(26 * HOUR);
    }
  });

  it('keeps every wait within one SQS visibility timeout and in whole seconds', () => {
    // Act
    const delays = [...run(() => 0.999_999), ...run(seeded(42))];

    // Assess
    for (const delay of delays) {
      expect(delay).toBeLessThanOrEqual(SQS_MAX_VISIBILITY_MS);
      expect(delay % 1000).toBe(0);
    }
  });

  it('adds full jitter to short steps and at most the cap to long ones', () => {
    // Act
    const first = [webhookRetryDelayMs(1, () => 0), webhookRetryDelayMs(1, () => 0.5)];
    const last = [webhookRetryDelayMs(9, () => 0), webhookRetryDelayMs(9, () => 0.999_999)];

    // Assess: 30 s → [30 s, 60 s); 8 h → [8 h, 8 h 15 min)
    expect(first).toEqual([30_000, 45_000]);
    expect(last[0]).toBe(8 * HOUR);
    expect(last[1]).toBe(8 * HOUR + WEBHOOK_RETRY_JITTER_CAP_MS - 1000);
  });

  it('spreads the retries of deliveries that failed together', () => {
    // Prepare
    const random = seeded(7);

    // Act: 100 deliveries failing their first attempt at the same moment
    const waits = new Set(Array.from({ length: 100 }, () => webhookRetryDelayMs(1, random)));

    // Assess: whole seconds in [30, 60): nearly every slot used, not one
    expect(waits.size).toBeGreaterThan(20);
  });

  it('gives up after the last attempt and refuses attempt numbers that cannot happen', () => {
    // Assess
    expect(MAX_WEBHOOK_ATTEMPTS).toBe(WEBHOOK_RETRY_DELAYS_MS.length + 1);
    expect(webhookRetryDelayMs(MAX_WEBHOOK_ATTEMPTS - 1, () => 0)).toBeDefined();
    expect(webhookRetryDelayMs(MAX_WEBHOOK_ATTEMPTS, () => 0)).toBeUndefined();
    expect(() => webhookRetryDelayMs(0)).toThrow(RangeError);
    expect(() => webhookRetryDelayMs(1.5)).toThrow(RangeError);
  });
});
