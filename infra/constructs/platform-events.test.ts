// Every event group declared in @casetasks/events has its rule, retry policy and DLQs on the platform bus (created or
// imported); the relay reads outbox inserts only; every event function may start and stop the paused-case follow-up.
import { eventRoutes, PLATFORM_EVENT_SOURCE } from '@casetasks/events';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it, vi } from 'vitest';
import {
  buildTestApp,
  completeStageContext,
  referencedId,
  resourcesOf,
  roleOfFunction,
  statementsOfRole,
} from '../testing/test-app.js';

describe('PlatformEvents', () => {
  // Prepare
  const { service } = buildTestApp();
  const rules = resourcesOf(service, 'AWS::Events::Rule');
  const functions = resourcesOf(service, 'AWS::Lambda::Function');
  const queues = resourcesOf(service, 'AWS::SQS::Queue');
  const ruleOf = (detailTypes: readonly string[]) =>
    Object.values(rules).find(
      (rule) =>
        JSON.stringify((rule.Properties.EventPattern as { 'detail-type': string[] })['detail-type']) ===
        JSON.stringify(detailTypes),
    );
  const functionId = (entry: string) =>
    Object.keys(functions).find(
      (id) =>
        String(functions[id]?.Properties.Description).startsWith(`casetasks events: `) &&
        id.includes(entry.replace('-', '')),
    );

  it('creates the stage’s platform bus and routes each group on it, with no rule for anything else', () => {
    const platformBus = Object.entries(resourcesOf(service, 'AWS::Events::EventBus')).find(
      ([, bus]) => bus.Properties.Name === 'casetasks-synth-check-platform',
    );
    expect(platformBus).toBeDefined();
    // The service bus and the default bus carry the delivery rules (webhook-delivery, email-notifications tests).
    const onPlatformBus = Object.values(rules).filter(
      (rule) => JSON.stringify(rule.Properties.EventBusName) === JSON.stringify({ Ref: platformBus?.[0] }),
    );
    expect(onPlatformBus).toHaveLength(eventRoutes.length);
    for (const rule of onPlatformBus) {
      expect((rule.Properties.EventPattern as { source: string[] }).source).toEqual([PLATFORM_EVENT_SOURCE]);
    }
    // No account listed: no resource policy, only this account may put events.
    service.resourceCountIs('AWS::Events::EventBusPolicy', 0);
  });

  it.each(eventRoutes)('sends $group events to its function with retries, max age and a DLQ', (route) => {
    const rule = ruleOf(route.detailTypes);
    expect(rule?.Properties.EventPattern).toEqual({
      source: [PLATFORM_EVENT_SOURCE],
      'detail-type': route.detailTypes,
    });
    if (!rule) throw new Error(`no rule for ${route.group}`);
    const [target] = rule.Properties.Targets as Record<string, unknown>[];
    expect(target).toMatchObject({
      RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 86_400 },
      DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } },
    });
    const dlqId = referencedId((target?.DeadLetterConfig as { Arn: unknown } | undefined)?.Arn);
    expect(queues[dlqId ?? '']).toBeDefined();
    expect(referencedId(target?.Arn)).toBe(functionId(route.group));
  });

  it.each(eventRoutes)('parks events the $group function fails on (invalid ones throw) in an SQS queue', (route) => {
    service.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: functionId(route.group) },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 21_600,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('FailedDlq'), 'Arn'] } } },
    });
  });

  it('encrypts every queue and denies it without TLS', () => {
    for (const queue of Object.values(queues)) expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    const policies = resourcesOf(service, 'AWS::SQS::QueuePolicy');
    const enforced = Object.values(policies).flatMap((policy) => {
      const statements = (policy.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement;
      const denyPlainText = statements.some(
        (s) => s.Effect === 'Deny' && JSON.stringify(s.Condition) === '{"Bool":{"aws:SecureTransport":"false"}}',
      );
      return denyPlainText ? (policy.Properties.Queues as unknown[]).map(referencedId) : [];
    });
    expect(enforced.sort()).toEqual(Object.keys(queues).sort());
  });

  it('creates the stage’s service bus for outgoing events', () => {
    service.hasResourceProperties('AWS::Events::EventBus', { Name: 'casetasks-synth-check' });
  });

  it('relays only inserted outbox items from the stream, reporting failed items and bisecting', () => {
    service.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::ImportValue': Match.stringLikeRegexp('StreamArn') },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      FilterCriteria: {
        Filters: [
          { Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { kind: { S: ['outbox'] } } } }) },
        ],
      },
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('outboxrelayFailedDlq'), 'Arn'] } },
      },
    });
  });

  it('lets only the outbox relay put events, and only on the service bus', () => {
    const [busId] = Object.entries(resourcesOf(service, 'AWS::Events::EventBus'))
      .filter(([, bus]) => bus.Properties.Name === 'casetasks-synth-check')
      .map(([id]) => id);
    for (const [id, fn] of Object.entries(functions)) {
      const puts = statementsOfRole(service, roleOfFunction(fn)).filter((s) => s.Action.includes('events:PutEvents'));
      if (!id.includes('outboxrelay')) expect(puts).toEqual([]);
      else expect(puts.flatMap((s) => s.Resource.map(referencedId))).toEqual([busId]);
    }
  });

  it('lets every event function start and stop the paused-case follow-up and tells it which machine; no one else', () => {
    // Every group's function bundles every rule: Quote Winner Selected applies a parked pause and starts its
    // follow-up (test/integration/events-quote-winner.test.ts), and a DLQ may be redriven to another group.
    const [machineId] = Object.keys(resourcesOf(service, 'AWS::StepFunctions::StateMachine'));
    const eventFunctions = eventRoutes.map((route) => functionId(route.group));
    expect(eventFunctions).toHaveLength(4);
    for (const id of eventFunctions) {
      const fn = functions[id ?? ''];
      if (!fn) throw new Error(`event function ${id} missing`);
      expect(fn.Properties.Environment).toMatchObject({
        Variables: { PAUSED_CASE_STATE_MACHINE_ARN: { Ref: machineId } },
      });
      const statements = statementsOfRole(service, roleOfFunction(fn));
      expect(statements).toContainEqual({ Action: ['states:StartExecution'], Resource: [{ Ref: machineId }] });
      const stop = statements.find((s) => s.Action.includes('states:StopExecution'));
      expect(JSON.stringify(stop?.Resource)).toContain(':execution:');
    }
    for (const [id, fn] of Object.entries(functions)) {
      if (eventFunctions.includes(id)) continue;
      const states = statementsOfRole(service, roleOfFunction(fn)).flatMap((s) =>
        s.Action.filter((a) => a.startsWith('states:')),
      );
      expect(states).toEqual([]);
    }
  });
});

describe('the platform bus, cross-account and imported', { timeout: 60_000 }, () => {
  it('lets only the listed platform accounts put events on the created bus, and only with the platform source', () => {
    // Act
    const { service } = buildTestApp(completeStageContext('prod', { platformAccountIds: '210987654321,310987654321' }));
    // Assess
    const [busId] = Object.entries(resourcesOf(service, 'AWS::Events::EventBus'))
      .filter(([, bus]) => bus.Properties.Name === 'casetasks-prod-platform')
      .map(([id]) => id);
    const [policy, ...others] = Object.values(resourcesOf(service, 'AWS::Events::EventBusPolicy'));
    expect(others).toEqual([]);
    expect(policy?.Properties.EventBusName).toEqual({ Ref: busId });
    expect(policy?.Properties.Statement).toMatchObject({
      Effect: 'Allow',
      Action: 'events:PutEvents',
      Principal: {
        AWS: [
          { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::210987654321:root']] },
          { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::310987654321:root']] },
        ],
      },
      Resource: { 'Fn::GetAtt': [busId, 'Arn'] },
      Condition: { 'ForAllValues:StringEquals': { 'events:source': [PLATFORM_EVENT_SOURCE] } },
    });
    service.hasOutput('PlatformEventBusArn', { Value: { 'Fn::GetAtt': [busId, 'Arn'] } });
  });

  it('attaches the rules to an existing bus of this account given by ARN, creating no platform bus', () => {
    // Prepare
    const arn = 'arn:aws:events:eu-central-1:210987654321:event-bus/platform';
    // Act
    const { service } = buildTestApp(
      completeStageContext('prod', { platformAccountIds: undefined, platformEventBusArn: arn }),
    );
    // Assess: only the service bus is created; every rule is on the imported one.
    expect(Object.values(resourcesOf(service, 'AWS::Events::EventBus')).map((bus) => bus.Properties.Name)).toEqual([
      'casetasks-prod',
    ]);
    const rules = Object.values(resourcesOf(service, 'AWS::Events::Rule')).filter(
      (rule) => (rule.Properties.EventPattern as { source: string[] }).source[0] === PLATFORM_EVENT_SOURCE,
    );
    expect(rules).toHaveLength(eventRoutes.length);
    for (const rule of rules) expect(rule.Properties.EventBusName).toBe('platform');
    service.resourceCountIs('AWS::Events::EventBusPolicy', 0);
    service.hasOutput('PlatformEventBusArn', { Value: arn });
  });

  it('refuses to import a bus of another account or region (its rules could not live there)', () => {
    // Prepare: what `cdk deploy` does when it finds credentials
    vi.stubEnv('CDK_DEFAULT_ACCOUNT', '410987654321');
    vi.stubEnv('CDK_DEFAULT_REGION', 'eu-central-1');
    try {
      // Act / Assess
      expect(() =>
        buildTestApp(
          completeStageContext('prod', {
            platformAccountIds: undefined,
            platformEventBusArn: 'arn:aws:events:eu-west-1:210987654321:event-bus/platform',
          }),
        ),
      ).toThrow(
        /platformEventBusArn .* is in account 210987654321, not 410987654321 and region eu-west-1, not eu-central-1/,
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
