// The Middy chain of EventBridge-triggered functions: Powertools context, metrics, tracing and the event id as correlation id.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import {
  budgeted,
  correlated,
  invocationId,
  logger,
  metrics,
  startupChecked,
  tracer,
  wellFormedCorrelationId,
} from '@casetasks/app/runtime';
import { InvalidEventError } from '@casetasks/events';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';

/** The EventBridge event's `id` (the platform's events carry no correlation id of their own); Lambda's when it has none. */
const eventCorrelationId = (event: unknown, context: Partial<Context>): string =>
  wellFormedCorrelationId(typeof event === 'object' && event !== null && 'id' in event ? event.id : undefined) ??
  invocationId(context);

/**
 * The function receives the EventBridge event as it is (validated by `apply`). Every error is
 * rethrown: Lambda's async retries handle racing writes, outages and a spent time budget
 * (TimeBudgetExceededError: the steps already written are no-ops on the retry), and its on-failure
 * destination (the DLQ) keeps an invalid event with the error message as the reason.
 */
export const eventHandler = <R>(name: string, apply: (event: unknown) => Promise<R>) =>
  middy(startupChecked(correlated(eventCorrelationId, budgeted(name, apply))))
    .use(captureLambdaHandler(tracer))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use(injectLambdaContext(logger, { clearState: true }))
    .onError((request) => {
      const { error } = request;
      if (error instanceof InvalidEventError) {
        metrics.addMetric('InvalidEvents', MetricUnit.Count, 1);
        logger.error(`${name}: invalid event`, { eventId: error.eventId, field: error.field, reason: error.reason });
      } else {
        logger.error(`${name} failed`, { error });
      }
    });
