// Webhook delivery: every outgoing event to the fan-out, a 4-day queue redriving after MAX_WEBHOOK_ATTEMPTS, a bounded consumer.
import { MAX_WEBHOOK_ATTEMPTS } from '@casetasks/core';
import { OUTGOING_EVENT_SOURCE, outgoingDetailTypes } from '@casetasks/events';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import {
  buildTestApp,
  completeStageContext,
  idStartingWith,
  referencedId,
  resourcesOf,
  roleOfFunction,
  statementsOfRole,
} from '../testing/test-app.js';

describe('WebhookDelivery', () => {
  // Prepare
  const { service } = buildTestApp();
  const functions = resourcesOf(service, 'AWS::Lambda::Function');
  const queues = resourcesOf(service, 'AWS::SQS::Queue');
  const idOf = (prefix: string) => idStartingWith(functions, prefix);
  const fanOutId = idOf('WebhookDeliveryfanout');
  const deliveryId = idOf('WebhookDeliverydelivery');
  const [queueId] = Object.keys(queues).filter((id) => /^WebhookDeliveryQueue/.test(id));
  /** Statements on the delivery queue (the fan-out's failure destination is another queue). */
  const queueStatements = (id: string) =>
    statementsOfRole(service, roleOfFunction(functions[id] as NonNullable<(typeof functions)[string]>)).filter((s) =>
      s.Resource.some((r) => referencedId(r) === queueId),
    );

  it('routes every outgoing detail-type of the service bus to the fan-out, with retries and a DLQ', () => {
    const rule = Object.values(resourcesOf(service, 'AWS::Events::Rule')).find(
      (r) => referencedId((r.Properties.Targets as { Arn: unknown }[])[0]?.Arn) === fanOutId,
    );
    expect(rule?.Properties.EventPattern).toEqual({
      source: [OUTGOING_EVENT_SOURCE],
      'detail-type': outgoingDetailTypes,
    });
    const serviceBus = Object.entries(resourcesOf(service, 'AWS::Events::EventBus')).find(
      ([, bus]) => bus.Properties.Name === 'casetasks-synth-check',
    );
    expect(rule?.Properties.EventBusName).toEqual({ Ref: serviceBus?.[0] });
    expect((rule?.Properties.Targets as unknown[] | undefined)?.[0]).toMatchObject({
      RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 86_400 },
      DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.stringMatching(/fanoutRuleDlq/), 'Arn'] } },
    });
    service.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fanOutId },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('FailedDlq'), 'Arn'] } } },
    });
  });

  it('keeps deliveries 4 days, hidden 6 × the consumer timeout, and redrives after MAX_WEBHOOK_ATTEMPTS receives', () => {
    expect(MAX_WEBHOOK_ATTEMPTS).toBe(10);
    const queue = queues[queueId ?? ''];
    expect(queue?.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 4 * 24 * 3600,
      VisibilityTimeout: 6 * (functions[deliveryId]?.Properties.Timeout as number),
      RedrivePolicy: { maxReceiveCount: 10 },
    });
    const dlqId = referencedId(
      (queue?.Properties.RedrivePolicy as { deadLetterTargetArn: unknown } | undefined)?.deadLetterTargetArn,
    );
    expect(dlqId).toMatch(/^WebhookDeliveryDeliveryDlq/);
    expect(queues[dlqId ?? '']?.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
  });

  it('consumes the queue in batches of 10 with partial failures and the configured concurrency bound', () => {
    service.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: deliveryId },
      EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 5 },
    });
    expect(functions[deliveryId]?.Properties.Timeout).toBe(60);
  });

  it('tells both functions the queue URL', () => {
    for (const id of [fanOutId, deliveryId]) {
      expect(functions[id]?.Properties.Environment).toMatchObject({
        Variables: { WEBHOOK_DELIVERY_QUEUE_URL: { Ref: queueId } },
      });
    }
  });

  it('lets the fan-out only send to the queue and the consumer only consume it; no other function touches it', () => {
    const queueArn = { 'Fn::GetAtt': [queueId, 'Arn'] };
    expect(queueStatements(fanOutId)).toEqual([{ Action: ['sqs:SendMessage'], Resource: [queueArn] }]);
    const consume = queueStatements(deliveryId);
    expect(consume.flatMap((s) => s.Resource)).toEqual(consume.map(() => queueArn));
    expect(consume.flatMap((s) => s.Action).sort()).toEqual([
      'sqs:ChangeMessageVisibility',
      'sqs:DeleteMessage',
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
      'sqs:ReceiveMessage',
    ]);
    for (const id of Object.keys(functions)) {
      if (id === fanOutId || id === deliveryId) continue;
      expect(queueStatements(id)).toEqual([]);
    }
  });

  it('alarms when the oldest delivery is older than the whole retry schedule (26 h)', () => {
    service.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'casetasks-synth-check-QueueAge-WebhookDelivery',
      MetricName: 'ApproximateAgeOfOldestMessage',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Threshold: 26 * 3600,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    service.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: Match.stringLikeRegexp('Dlq-WebhookDelivery-DeliveryDlq'),
      MetricName: 'ApproximateNumberOfMessagesVisible',
    });
  });

  it('takes the concurrency bound from the webhookMaxConcurrency setting', { timeout: 60_000 }, () => {
    // Act
    const { service: tuned } = buildTestApp(completeStageContext('prod', { webhookMaxConcurrency: '20' }));
    // Assess
    tuned.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 10,
      ScalingConfig: { MaximumConcurrency: 20 },
    });
  });
});
