// The time an invocation may still spend on the table: held per invocation (AsyncLocalStorage) and read by every DynamoDB call.
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The invocation ran out of time: the caller has been (or is about to be) answered, so nothing is
 * written after this. 503 for the API; events and jobs throw it and their retries run them again.
 */
export class TimeBudgetExceededError extends Error {
  readonly statusCode = 503;
  readonly code = 'unavailable';
  /** A later attempt may well fit (not `$retryable`: the SDK must not retry it inside the same call). */
  readonly retryable = true;
  constructor(readonly what: string) {
    super(`the service could not finish in time (${what}); try again`);
    this.name = 'TimeBudgetExceededError';
  }
}

export interface TimeBudget {
  /** Epoch ms: no DynamoDB call starts after it and calls in flight are aborted at it. */
  readonly deadline: number;
}

const budgets = new AsyncLocalStorage<TimeBudget>();

/** The budget of the running invocation, if it has one (tests and tools calling repositories directly do not). */
export const currentTimeBudget = (): TimeBudget | undefined => budgets.getStore();

/** Milliseconds left; Infinity outside a budget. */
export const timeLeftMs = (budget = currentTimeBudget(), now = Date.now()): number =>
  budget ? budget.deadline - now : Number.POSITIVE_INFINITY;

/** Throws when the budget is spent: nothing may start (above all no write) once the caller is answered. */
export const assertTimeLeft = (what: string): void => {
  if (timeLeftMs() <= 0) throw new TimeBudgetExceededError(what);
};

/**
 * Runs `work` under `budget` and settles by its deadline even when `work` hangs on something other
 * than the table. Work still running after the deadline can no longer reach DynamoDB. A budget
 * inside another never outlasts the outer one.
 */
export const withinTimeBudget = <R>(inner: TimeBudget, what: string, work: () => Promise<R>): Promise<R> => {
  const outer = currentTimeBudget();
  const budget = outer && outer.deadline < inner.deadline ? outer : inner;
  return budgets.run(budget, () => {
    const running = work();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimeBudgetExceededError(what)), Math.max(0, timeLeftMs(budget)));
    });
    // The loser of the race must not surface as an unhandled rejection later.
    running.catch(() => undefined);
    return Promise.race([running, expired]).finally(() => clearTimeout(timer));
  });
};
