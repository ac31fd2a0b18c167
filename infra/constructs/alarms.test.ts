// Every failure path has an alarm (and OK) on the topic: each DLQ, each function, the state machine, API 5xx, cleanup `failed`, unreadable items, stuck webhooks.
import { jobs } from '@casetasks/app/jobs';
import { eventRoutes } from '@casetasks/events';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildTestApp, completeStageContext, referencedId, resourcesOf } from '../testing/test-app.js';
import { chatCleanupQuality } from './alarms.js';

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

  it('sends every alarm and its recovery to the topic, names it after the stage, and treats no data as healthy', () => {
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) {
      expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.OKActions).toEqual([{ Ref: topicId }]);
      expect(alarm.AlarmName).toMatch(/^casetasks-synth-check-/);
      expect(alarm.TreatMissingData).toBe('notBreaching');
      // Every alarm is "> 0" but the delivery queue's age (older than the whole retry schedule) and the two rates.
      const thresholds: Record<string, number> = {
        'casetasks-synth-check-ChatCleanupResolvedRate': chatCleanupQuality.maxResolvedRate,
        'casetasks-synth-check-ChatCleanupReopenRate': chatCleanupQuality.maxReopenRate,
      };
      const threshold =
        alarm.MetricName === 'ApproximateAgeOfOldestMessage' ? 26 * 3600 : (thresholds[String(alarm.AlarmName)] ?? 0);
      expect(alarm).toMatchObject({ Threshold: threshold, ComparisonOperator: 'GreaterThanThreshold' });
    }
  });

  it('alarms on the depth of every dead-letter queue and on the age of the one work queue', () => {
    const queues = Object.keys(resourcesOf(service, 'AWS::SQS::Queue'));
    const [workQueue, ...otherWorkQueues] = queues.filter((id) => id.startsWith('WebhookDeliveryQueue'));
    expect(otherWorkQueues).toEqual([]);
    // Two per event group (delivery, failure), the outbox relay's, one per scheduled job, the webhook delivery
    // queue with its DLQ and the fan-out's two, two for each of the two mail functions: nothing else queues.
    expect(queues.length).toBe(2 * eventRoutes.length + 1 + jobs.length + 4 + 4);
    for (const queue of queues) {
      const depth = alarmsOn('ApproximateNumberOfMessagesVisible', 'QueueName', queue);
      expect(depth).toHaveLength(queue === workQueue ? 0 : 1);
    }
    expect(alarmsOn('ApproximateAgeOfOldestMessage', 'QueueName', workQueue ?? '')).toHaveLength(1);
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
    // Either name of the failed count (the older `failed`, issue 23's ChatCleanupFailed) trips it.
    const failed = alarmNamed('ChatCleanupFailed');
    expect(failed.Metrics).toEqual([
      expect.objectContaining({ Expression: 'MAX([FILL(legacy, 0), FILL(failed, 0)])', ReturnData: true }),
      metricQuery('legacy', 'failed', 3600),
      metricQuery('failed', 'ChatCleanupFailed', 3600),
    ]);
  });

  /** The one alarm of that name (`casetasks-synth-check-<id>`). */
  const alarmNamed = (id: string) => {
    const [alarm, ...others] = alarms.filter((a) => a.AlarmName === `casetasks-synth-check-${id}`);
    expect(others).toEqual([]);
    if (!alarm) throw new Error(`no alarm ${id}`);
    return alarm;
  };
  /** A metric of a metric-math alarm: the service's Powertools count of this stage, summed over `period` seconds. */
  const metricQuery = (id: string, metricName: string, period: number) => ({
    Id: id,
    ReturnData: false,
    MetricStat: {
      // The functions' POWERTOOLS_SERVICE_NAME: another stage's cleanup cannot trip these alarms.
      Metric: {
        Namespace: 'casetasks',
        MetricName: metricName,
        Dimensions: [{ Name: 'service', Value: 'casetasks-synth-check' }],
      },
      Period: period,
      Stat: 'Sum',
    },
  });

  it('alarms when the chat cleanup stops on an unavailable model (one is enough)', () => {
    expect(alarmNamed('ChatCleanupModelUnavailable')).toMatchObject({
      Namespace: 'casetasks',
      MetricName: 'ChatCleanupModelUnavailable',
      Dimensions: [{ Name: 'service', Value: 'casetasks-synth-check' }],
      Statistic: 'Sum',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('alarms on a night resolving more than the threshold of what it judged, only with enough judged', () => {
    const { maxResolvedRate, minJudgedPerNight } = chatCleanupQuality;
    const alarm = alarmNamed('ChatCleanupResolvedRate');
    expect(alarm).toMatchObject({
      Threshold: maxResolvedRate,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
    });
    expect(alarm.Metrics).toEqual([
      expect.objectContaining({
        Expression: `IF(FILL(r, 0) + FILL(n, 0) + FILL(u, 0) >= ${minJudgedPerNight}, FILL(r, 0) / (FILL(r, 0) + FILL(n, 0) + FILL(u, 0)), 0)`,
        ReturnData: true,
      }),
      metricQuery('r', 'ChatCleanupResolved', 86_400),
      metricQuery('n', 'ChatCleanupReplyNeeded', 86_400),
      metricQuery('u', 'ChatCleanupUnsure', 86_400),
    ]);
  });

  it('alarms on the share of AI closes reopened over 7 days, only with enough closes', () => {
    const { maxReopenRate, minResolvedPerWeek } = chatCleanupQuality;
    const alarm = alarmNamed('ChatCleanupReopenRate');
    expect(alarm).toMatchObject({ Threshold: maxReopenRate, EvaluationPeriods: 1 });
    expect(alarm.Metrics).toEqual([
      expect.objectContaining({ Expression: `IF(FILL(r, 0) >= ${minResolvedPerWeek}, FILL(o, 0) / FILL(r, 0), 0)` }),
      metricQuery('r', 'ChatCleanupResolved', 604_800),
      metricQuery('o', 'ChatCleanupReopenedAfterAi', 604_800),
    ]);
  });

  it('alarms on any stored item a read skipped because it no longer parses', () => {
    service.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'casetasks-synth-check-CorruptItems',
      Namespace: 'casetasks',
      MetricName: 'corruptItems',
      Dimensions: [{ Name: 'service', Value: 'casetasks-synth-check' }],
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
    service.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'casetasks-synth-check' });
  });

  it('subscribes the configured e-mail to the created topic', () => {
    service.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'alarms@synth-check.invalid',
      TopicArn: { Ref: topicId },
    });
  });

  it('uses an existing topic when given its ARN: no topic or key is created, every alarm and OK goes there', {
    timeout: 60_000,
  }, () => {
    // Prepare
    const topicArn = 'arn:aws:sns:eu-central-1:210987654321:pager';
    // Act
    const { service: imported } = buildTestApp(
      completeStageContext('prod', {
        alarmEmail: undefined,
        alarmTopicArn: topicArn,
        // Mail on as in synth-check, so both have the same alarms.
        mailFromAddress: 'tasks@mail.prod.casetasks.eu',
      }),
    );
    // Assess
    imported.resourceCountIs('AWS::SNS::Topic', 0);
    imported.resourceCountIs('AWS::KMS::Key', 0);
    imported.resourceCountIs('AWS::SNS::Subscription', 0);
    const importedAlarms = Object.values(resourcesOf(imported, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    expect(importedAlarms.length).toBe(alarms.length);
    for (const alarm of importedAlarms) {
      expect(alarm).toMatchObject({ AlarmActions: [topicArn], OKActions: [topicArn] });
      expect(alarm.AlarmName).toMatch(/^casetasks-prod-/);
    }
    imported.hasOutput('AlarmTopicArn', { Value: topicArn });
  });
});
