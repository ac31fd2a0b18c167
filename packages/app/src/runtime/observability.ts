// Powertools Logger, Metrics and Tracer: set up once, injected into every chain by the middleware.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { CorruptItem } from '@casetasks/db';

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
