// The Middy chain of DynamoDB stream consumers: Powertools context, metrics and tracing; errors logged last.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger, metrics, tracer } from '../shared/observability.js';

export const streamHandler = (name: string, consume: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>) =>
  middy(consume)
    .use(captureLambdaHandler(tracer))
    .use(logMetrics(metrics))
    .use(injectLambdaContext(logger, { clearState: true }))
    .onError((request) => {
      logger.error(`${name} failed`, { error: request.error });
    });
