// The Middy chain of DynamoDB stream consumers: Powertools context, metrics and tracing; errors logged last.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { logger, metrics, startupChecked, tracer } from '@casetasks/app/runtime';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';

export const streamHandler = (name: string, consume: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>) =>
  middy(startupChecked(consume))
    .use(captureLambdaHandler(tracer))
    .use(logMetrics(metrics))
    .use(injectLambdaContext(logger, { clearState: true }))
    .onError((request) => {
      logger.error(`${name} failed`, { error: request.error });
    });
