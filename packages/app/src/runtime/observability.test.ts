import { Tracer } from '@aws-lambda-powertools/tracer';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { currentCorrelationId } from '@casetasks/db';
import { afterEach, describe, expect, it } from 'vitest';
import { logger, traced, tracer, wellFormedCorrelationId, withCorrelation } from './observability.js';

afterEach(() => {
  logger.resetKeys();
});

describe('tracing', () => {
  const saved = { trace: process.env.POWERTOOLS_TRACE_ENABLED, lambda: process.env.AWS_EXECUTION_ENV };
  const restore = (name: string, value: string | undefined) => {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };
  afterEach(() => {
    restore('POWERTOOLS_TRACE_ENABLED', saved.trace);
    restore('AWS_EXECUTION_ENV', saved.lambda);
  });

  it('is off outside Lambda (no AWS_EXECUTION_ENV), even when not disabled: clients come back untouched', () => {
    // Prepare: local mode and the bundle-run tier set no POWERTOOLS_TRACE_ENABLED and no AWS_EXECUTION_ENV.
    delete process.env.POWERTOOLS_TRACE_ENABLED;
    delete process.env.AWS_EXECUTION_ENV;
    const client = new EventBridgeClient({ region: 'eu-west-1' });
    const before = client.middlewareStack.identify();
    // Act
    const outside = new Tracer({ serviceName: 'casetasks' });
    // Assess
    expect(outside.isTracingEnabled()).toBe(false);
    expect(outside.captureAWSv3Client(client)).toBe(client);
    expect(client.middlewareStack.identify()).toEqual(before);
  });

  it('is on in Lambda, where a traced client gets the X-Ray middleware', () => {
    delete process.env.POWERTOOLS_TRACE_ENABLED;
    process.env.AWS_EXECUTION_ENV = 'AWS_Lambda_nodejs24.x';
    const client = new EventBridgeClient({ region: 'eu-west-1' });
    const before = client.middlewareStack.identify().length;
    const inLambda = new Tracer({ serviceName: 'casetasks' });
    expect(inLambda.isTracingEnabled()).toBe(true);
    inLambda.captureAWSv3Client(client);
    expect(client.middlewareStack.identify().length).toBeGreaterThan(before);
  });

  it('traced() is a no-op in the tests, for the SDK mocks and DynamoDB Local', () => {
    const client = new DynamoDBClient({ region: 'eu-west-1' });
    const before = client.middlewareStack.identify();
    expect(tracer.isTracingEnabled()).toBe(false);
    expect(traced(client)).toBe(client);
    expect(client.middlewareStack.identify()).toEqual(before);
  });
});

describe('correlation', () => {
  it('accepts ids of the id grammar and ignores anything else', () => {
    expect(wellFormedCorrelationId('req-42.a_b:c@d')).toBe('req-42.a_b:c@d');
    for (const bad of ['', 'a b', 'x'.repeat(129), 'a,b', '-leading', 'new\nline', 42, undefined]) {
      expect(wellFormedCorrelationId(bad)).toBeUndefined();
    }
  });

  it('logs with the id and scopes it to its own async work, also when invocations overlap', async () => {
    // Act: two invocations interleave, as local mode's concurrent requests do.
    const seen = await Promise.all(
      ['a-1', 'b-2'].map((id) =>
        withCorrelation(id, async () => {
          await new Promise((resolve) => setTimeout(resolve, id === 'a-1' ? 20 : 1));
          return currentCorrelationId();
        }),
      ),
    );
    // Assess
    expect(seen).toEqual(['a-1', 'b-2']);
    expect(currentCorrelationId()).toBeUndefined();
    expect(logger.getCorrelationId()).toBe('b-2');
  });
});
