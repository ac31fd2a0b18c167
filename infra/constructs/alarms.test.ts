// Every failure path has an alarm on the encrypted topic: each DLQ, each function, the state machine, API 5xx, cleanup `failed`, unreadable items.
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildTestApp, referencedId, resourcesOf } from '../testing/test-app.js';

describe('Alarms', () => {
  // Prepare
  const { service } = buildTestApp();
  const alarms = Object.values(resourcesOf(service, 'AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties);
  const [topicId] = Object.keys(resourcesOf(service, 'AWS::SNS::Topic'));
  const alarmsOn = (metricName: string, dimension: string, id: string) =>
    alarms.filter(
      (alarm) =>
        alarm.MetricName === metricName &&
        (alarm.Dimensions as { Name: string; Value: unknown }[] | undefined)?.some(
          (d) => d.Name === dimension && referencedId(d.Value) === id,
        ),
    );

  it('sends every alarm to the topic and treats no data as healthy', () => {
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) {
      expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.TreatMissingData).toBe('notBreaching');
      expect(alarm).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    }
  });

  it('alarms on the depth of every queue (all of them are dead-letter queues)', () => {
    const queues = Object.keys(resourcesOf(service, 'AWS::SQS::Queue'));
    expect(queues.length).toBe(12);
    for (const queue of queues) {
      expect(alarmsOn('ApproximateNumberOfMessagesVisible', 'QueueName', queue)).toHaveLength(1);
    }
  });

  it('alarms on errors and throttles of every function', () => {
    for (const fn of Object.keys(resourcesOf(service, 'AWS::Lambda::Function'))) {
      expect(alarmsOn('Errors', 'FunctionName', fn)).toHaveLength(1);
      expect(alarmsOn('Throttles', 'FunctionName', fn)).toHaveLength(1);
    }
  });

  it('alarms on failed and timed-out executions of the state machine', () => {
    const [machine] = Object.keys(resourcesOf(service, 'AWS::StepFunctions::StateMachine'));
    expect(alarmsOn('ExecutionsFailed', 'StateMachineArn', machine ?? '')).toHaveLength(1);
    expect(alarmsOn('ExecutionsTimedOut', 'StateMachineArn', machine ?? '')).toHaveLength(1);
  });

  it('alarms on API 5xx and on the chat cleanup reporting failed evaluations', () => {
    const [api] = Object.keys(resourcesOf(service, 'AWS::ApiGatewayV2::Api'));
    expect(alarmsOn('5xx', 'ApiId', api ?? '')).toHaveLength(1);
    service.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'CasetasksService-ChatCleanupFailed',
      Namespace: 'casetasks',
      MetricName: 'failed',
      Dimensions: [{ Name: 'service', Value: 'casetasks' }],
      Statistic: 'Sum',
    });
  });

  it('alarms on any stored item a read skipped because it no longer parses', () => {
    service.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'CasetasksService-CorruptItems',
      Namespace: 'casetasks',
      MetricName: 'corruptItems',
      Dimensions: [{ Name: 'service', Value: 'casetasks' }],
      Statistic: 'Sum',
      Period: 300,
    });
  });

  it('encrypts the topic with a rotating key CloudWatch may use, and has a dashboard', () => {
    service.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    service.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
    service.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });
});
