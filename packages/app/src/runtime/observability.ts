// Powertools Logger, Metrics and Tracer: set up once, injected into every chain by the middleware; the correlation id.
import { randomUUID } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { entityIdSchema } from '@casetasks/core';
import { type CorruptItem, withCorrelationId } from '@casetasks/db';

const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'casetasks';

export const logger = new Logger({ serviceName });
export const metrics = new Metrics({ serviceName, namespace: 'casetasks' });
export const tracer = new Tracer({ serviceName });

/** Stored items a read skipped because they no longer parse (infra/constructs/alarms.ts alarms on it). */
export const CORRUPT_ITEMS_METRIC = 'corruptItems';

/**
 * The Db's sink for unreadable items: the key and the reason are logged, never the item. The count is
 * a single metric, flushed at once, so it is published from chains without logMetrics (workflow steps) too.
 */
export const logCorruptItem = (item: CorruptItem): void => {
  logger.error('corrupt item skipped', { ...item });
  metrics.singleMetric().addMetric(CORRUPT_ITEMS_METRIC, MetricUnit.Count, 1);
};

/**
 * An AWS SDK v3 client whose calls appear as X-Ray subsegments. Powertools turns tracing off outside
 * Lambda (no AWS_EXECUTION_ENV) and with POWERTOOLS_TRACE_ENABLED=false: the client is then returned
 * untouched, so tests and local mode never load or call X-Ray.
 */
export const traced = <C>(client: C): C => tracer.captureAWSv3Client(client);

// ---- correlation (docs/observability.md) -------------------------------------------------------------

/**
 * An id a trigger carries (a caller's `x-correlation-id`, an event's `id`), if it follows the service's
 * id grammar (letters, digits and `._:@-`, at most 128): it is logged, stored and echoed, so anything
 * else is ignored and the invocation's own id is used instead.
 */
export const wellFormedCorrelationId = (value: unknown): string | undefined => {
  const parsed = entityIdSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

/** The invocation's own id: Lambda's request id; a fresh one where a test or tool calls a handler without a context. */
export const invocationId = (context: { awsRequestId?: string } | undefined): string =>
  context?.awsRequestId || randomUUID();

/** Every log line from here to the end of the invocation carries `correlation_id` (cleared by the chain's clearState). */
export const logCorrelationId = (correlationId: string): void => {
  logger.setCorrelationId(correlationId);
};

/**
 * Runs one invocation's work under its correlation id: its log lines carry it and every outbox item it
 * writes stores it (so the outgoing event does too). The id reaches the outbox through an
 * AsyncLocalStorage in @casetasks/db rather than a parameter: outbox items are built deep inside the
 * entity modules, and local mode runs concurrent requests in one process.
 */
export const withCorrelation = <R>(correlationId: string, work: () => Promise<R>): Promise<R> => {
  logCorrelationId(correlationId);
  return withCorrelationId(correlationId, work);
};

/** A chain's business function run under the correlation id `idOf` picks from its trigger. */
export const correlated =
  <E, C, R>(idOf: (event: E, context: C) => string, business: (event: E, context: C) => Promise<R>) =>
  (event: E, context: C): Promise<R> =>
    withCorrelation(idOf(event, context), () => business(event, context));
