// The Middy chain of SQS-triggered functions: Powertools context, metrics and tracing, one correlation id per record,
// and partial batch responses (a record that throws is retried alone).
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { logger, metrics, startupChecked, tracer, withCorrelation } from '@casetasks/app/runtime';
import middy from '@middy/core';
import type { SQSBatchItemFailure, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

/** What a record came to: done (deleted from the queue), or `retry` (reported failed: SQS delivers it again). */
export type RecordResult = 'done' | 'retry';

/**
 * `consume` runs per record, concurrently within the batch, under the message id as correlation id. A record
 * that throws, or answers `retry`, is a batch item failure (needs `reportBatchItemFailures` on the event
 * source): the others are deleted, it comes back after its visibility timeout.
 */
export const queueHandler = (name: string, consume: (record: SQSRecord) => Promise<RecordResult>) =>
  middy(
    startupChecked(async (event: SQSEvent): Promise<SQSBatchResponse> => {
      const results = await Promise.all(
        event.Records.map(async (record): Promise<SQSBatchItemFailure | undefined> => {
          try {
            const result = await withCorrelation(record.messageId, () => consume(record));
            return result === 'retry' ? { itemIdentifier: record.messageId } : undefined;
          } catch (error) {
            logger.error(`${name}: record failed`, { messageId: record.messageId, error });
            return { itemIdentifier: record.messageId };
          }
        }),
      );
      return { batchItemFailures: results.filter((failure) => failure !== undefined) };
    }),
  )
    .use(captureLambdaHandler(tracer))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use(injectLambdaContext(logger, { clearState: true }))
    .onError((request) => {
      logger.error(`${name} failed`, { error: request.error });
    });
