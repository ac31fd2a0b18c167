// The time budget of one invocation: Lambda's remaining time less a safety margin (HTTP: capped by API Gateway's timeout).
// The chains of functions/middleware wrap every business function in it; db reads it before each call.

import { type TimeBudget, withinTimeBudget } from '@casetasks/db';
import type { Context } from 'aws-lambda';
import { timeLimits } from './config.js';

/** undefined when the context has no clock (a test calling a handler with `{}`): the call is unbounded. */
export const invocationBudget = (
  context: Partial<Pick<Context, 'getRemainingTimeInMillis'>>,
  capMs = Number.POSITIVE_INFINITY,
): TimeBudget | undefined => {
  if (typeof context.getRemainingTimeInMillis !== 'function') return undefined;
  const total = Math.min(context.getRemainingTimeInMillis(), capMs);
  return { deadline: Date.now() + total - timeLimits.safetyMarginMs };
};

/**
 * Wraps a chain's business function: it settles by the budget's deadline (TimeBudgetExceededError)
 * and, through the db package, starts no DynamoDB call after it.
 */
export const budgeted =
  <E, C extends Partial<Context>, R>(what: string, business: (event: E, context: C) => Promise<R>, capMs?: number) =>
  (event: E, context: C): Promise<R> => {
    const budget = invocationBudget(context, capMs);
    return budget ? withinTimeBudget(budget, what, () => business(event, context)) : business(event, context);
  };
