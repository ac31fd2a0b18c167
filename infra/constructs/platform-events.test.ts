// Every event group declared in @casetasks/events has its rule, retry policy and DLQs; the relay reads outbox inserts only.
import { eventRoutes, PLATFORM_EVENT_SOURCE } from '@casetasks/events';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildTestApp, referencedId, resourcesOf, roleOfFunction, statementsOfRole } from '../testing/test-app.js';

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

  it('routes each group on the platform bus (imported by name) with no rule for anything else', () => {
    expect(Object.keys(rules)).toHaveLength(eventRoutes.length);
    for (const rule of Object.values(rules)) expect(rule.Properties.EventBusName).toBe('platform');
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

  it('creates the service bus for outgoing events', () => {
    service.hasResourceProperties('AWS::Events::EventBus', { Name: 'casetasks' });
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
    const [busId] = Object.keys(resourcesOf(service, 'AWS::Events::EventBus'));
    for (const [id, fn] of Object.entries(functions)) {
      const puts = statementsOfRole(service, roleOfFunction(fn)).filter((s) => s.Action.includes('events:PutEvents'));
      if (!id.includes('outboxrelay')) expect(puts).toEqual([]);
      else expect(puts.flatMap((s) => s.Resource.map(referencedId))).toEqual([busId]);
    }
  });

  it('lets case-events start and stop the paused-case follow-up, and tells it which state machine', () => {
    const caseEvents = functions[functionId('case-events') ?? ''];
    if (!caseEvents) throw new Error('case-events function missing');
    const [machineId] = Object.keys(resourcesOf(service, 'AWS::StepFunctions::StateMachine'));
    expect(caseEvents.Properties.Environment).toMatchObject({
      Variables: { PAUSED_CASE_STATE_MACHINE_ARN: { Ref: machineId } },
    });
    const statements = statementsOfRole(service, roleOfFunction(caseEvents));
    expect(statements).toContainEqual({ Action: ['states:StartExecution'], Resource: [{ Ref: machineId }] });
    const stop = statements.find((s) => s.Action.includes('states:StopExecution'));
    expect(JSON.stringify(stop?.Resource)).toContain(':execution:');
    for (const [id, fn] of Object.entries(functions)) {
      if (id === functionId('case-events')) continue;
      const states = statementsOfRole(service, roleOfFunction(fn)).flatMap((s) =>
        s.Action.filter((a) => a.startsWith('states:')),
      );
      expect(states).toEqual([]);
    }
  });
});
