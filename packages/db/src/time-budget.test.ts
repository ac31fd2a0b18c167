import { describe, expect, it } from 'vitest';
import {
  assertTimeLeft,
  currentTimeBudget,
  TimeBudgetExceededError,
  timeLeftMs,
  withinTimeBudget,
} from './time-budget.js';

describe('time budget', () => {
  it('is unbounded outside any budget', () => {
    expect(currentTimeBudget()).toBeUndefined();
    expect(timeLeftMs()).toBe(Number.POSITIVE_INFINITY);
    expect(() => assertTimeLeft('a read')).not.toThrow();
  });

  it('refuses to start anything once the deadline has passed', async () => {
    // Prepare: a budget already spent; the race then settles at once, so the work's own error is read inside.
    let thrown: unknown;
    // Act
    await withinTimeBudget({ deadline: Date.now() - 1 }, 'the test', async () => {
      try {
        assertTimeLeft('a write');
      } catch (error) {
        thrown = error;
      }
    }).catch(() => undefined);
    // Assess
    expect(thrown).toBeInstanceOf(TimeBudgetExceededError);
    expect(thrown).toMatchObject({ statusCode: 503, code: 'unavailable', retryable: true });
  });

  it('never lets an inner budget outlast the outer one', async () => {
    // Prepare
    const outer = { deadline: Date.now() + 60_000 };
    // Act
    const seen = await withinTimeBudget(outer, 'outer', () =>
      withinTimeBudget({ deadline: outer.deadline + 60_000 }, 'inner', async () => currentTimeBudget()),
    );
    // Assess
    expect(seen).toBe(outer);
  });

  it('keeps a shorter inner budget', async () => {
    const inner = { deadline: Date.now() + 30_000 };
    const seen = await withinTimeBudget({ deadline: Date.now() + 60_000 }, 'outer', () =>
      withinTimeBudget(inner, 'inner', async () => currentTimeBudget()),
    );
    expect(seen).toBe(inner);
  });

  it('settles by the deadline when the work hangs', async () => {
    // Act: work that never settles, under a budget with no time left.
    const outcome = await withinTimeBudget({ deadline: Date.now() }, 'a hang', () => new Promise(() => {})).then(
      () => 'settled',
      (error: unknown) => error,
    );
    // Assess
    expect(outcome).toBeInstanceOf(TimeBudgetExceededError);
  });
});
