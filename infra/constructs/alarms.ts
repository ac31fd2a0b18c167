// Every failure path alarmed to one SNS topic (created or given), alarm and OK, plus the dashboard. Create it last: it discovers what to watch.
import { Duration, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { type IFunction, Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { type ITopic, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct, type IConstruct } from 'constructs';
import { DeadLetterQueue } from './dead-letter-queue.js';

export interface AlarmsProps {
  api: HttpApi;
  stateMachines: IStateMachine[];
  /** Prefix of every alarm name (`casetasks-<stage>`): the runbook is keyed on `<prefix>-<alarm>`. */
  namePrefix: string;
  /** The functions' Powertools service name: the `service` dimension of the service's own metrics. */
  serviceName: string;
  dashboardName: string;
  /** Subscribed to the topic (created, or the given one). */
  alarmEmail?: string;
  /** An existing topic (pager, chat integration) instead of a created one; it must let CloudWatch publish. */
  alarmTopicArn?: string;
  /**
   * Functions of another stack this one depends on (the data stack's Cognito trigger), alarmed like this stack's
   * own: their names reach this stack as references, so the dependency stays one-way.
   */
  functionsOfOtherStacks?: IFunction[];
  /** Work queues whose oldest message must not exceed an age (a message older than that is stuck). */
  queueAges?: WatchedQueueAge[];
}

export interface WatchedQueueAge {
  /** Alarm name part: `<prefix>-QueueAge-<name>`. */
  name: string;
  queue: IQueue;
  maxAge: Duration;
  /** What an old message means and where to look. */
  description: string;
}

/** The chat cleanup's Powertools counts (namespace from packages/app/src/runtime/observability.ts, service per stage). */
export const cleanupMetric = (service: string, metricName: 'evaluated' | 'resolved' | 'kept' | 'failed'): Metric =>
  new Metric({
    namespace: 'casetasks',
    metricName,
    dimensionsMap: { service },
    statistic: 'Sum',
    period: Duration.hours(1),
  });

const fiveMinutes = Duration.minutes(5);

/** The chat cleanup's metrics per decision (issue 23): the run emits them, the undo emits the reopen. */
export type ChatCleanupMetricName =
  | 'ChatCleanupResolved'
  | 'ChatCleanupReplyNeeded'
  | 'ChatCleanupUnsure'
  | 'ChatCleanupFailed'
  | 'ChatCleanupModelUnavailable'
  | 'ChatCleanupReopenedAfterAi'
  | 'ChatCleanupInputTokens'
  | 'ChatCleanupOutputTokens'
  | 'ChatCleanupShadowWouldClose';

export const chatCleanupMetric = (service: string, metricName: ChatCleanupMetricName, period = Duration.hours(1)) =>
  new Metric({ namespace: 'casetasks', metricName, dimensionsMap: { service }, statistic: 'Sum', period });

/**
 * When the judge's behaviour is unusual enough to page (docs/chat-cleanup.md, "Watch it"): a night closing more than
 * 60 % of what it judged (the labelled corpus has far fewer chats needing no reply), or more than 5 % of a week's AI
 * closes reopened by people. Each needs enough judged/closed tasks, so a quiet night or week never alarms.
 */
export const chatCleanupQuality = {
  maxResolvedRate: 0.6,
  minJudgedPerNight: 50,
  maxReopenRate: 0.05,
  minResolvedPerWeek: 20,
} as const;

/** Stored items a read skipped because they no longer parse (`CORRUPT_ITEMS_METRIC` in packages/app/src/runtime/observability.ts). */
export const corruptItemsMetric = (service: string): Metric =>
  new Metric({
    namespace: 'casetasks',
    metricName: 'corruptItems',
    dimensionsMap: { service },
    statistic: 'Sum',
    period: fiveMinutes,
  });

/** Construct path below the stack: unique, stable and readable in alarm names. */
const shortName = (construct: IConstruct): string =>
  construct.node.path
    .split('/')
    .slice(1)
    .filter((part) => !['Resource', 'Handler', 'Function', 'Queue'].includes(part))
    .join('-');

export class Alarms extends Construct {
  readonly topic: ITopic;
  readonly dashboard: Dashboard;
  private readonly action: SnsAction;
  private readonly namePrefix: string;
  private readonly serviceName: string;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.namePrefix = props.namePrefix;
    this.serviceName = props.serviceName;
    this.topic = props.alarmTopicArn
      ? Topic.fromTopicArn(this, 'Topic', props.alarmTopicArn)
      : this.createTopic(props.namePrefix);
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    this.action = new SnsAction(this.topic);
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.days(1),
    });

    const stack = Stack.of(this);
    this.watchApi(props.api);
    this.watchDeadLetterQueues(DeadLetterQueue.allIn(stack));
    this.watchFunctions([
      ...stack.node.findAll().filter((c): c is LambdaFunction => c instanceof LambdaFunction),
      ...(props.functionsOfOtherStacks ?? []),
    ]);
    this.watchStateMachines(props.stateMachines);
    this.watchQueueAges(props.queueAges ?? []);
    this.watchChatCleanup();
    this.watchStoredItems();
  }

  /** Encrypted with a rotating key that CloudWatch may use to publish. */
  private createTopic(namePrefix: string): Topic {
    const key = new Key(this, 'TopicKey', { enableKeyRotation: true, description: `${namePrefix} alarm topic` });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    return new Topic(this, 'Topic', { displayName: `${namePrefix} alarms`, masterKey: key, enforceSSL: true });
  }

  /** Alarm when `metric` is above `threshold`; no data (nothing happened) is healthy. */
  private alarm(id: string, metric: IMetric, description: string, threshold = 0): Alarm {
    const alarm = new Alarm(this, id, {
      // Readable names (generated ones strip the dashes): the runbook is keyed on them.
      alarmName: `${this.namePrefix}-${id}`,
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    // OK too: whoever was paged learns that it recovered.
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    return alarm;
  }

  private watchApi(api: HttpApi): void {
    const serverErrors = api.metricServerError({ period: fiveMinutes, statistic: 'Sum' });
    this.alarm('Api5xx', serverErrors, 'Portal API answered 5xx: see the API access logs and the route function logs.');
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Portal API',
        left: [api.metricCount({ period: fiveMinutes }), api.metricClientError({ period: fiveMinutes }), serverErrors],
        right: [api.metricLatency({ period: fiveMinutes, statistic: 'p99' })],
      }),
    );
  }

  private watchDeadLetterQueues(queues: DeadLetterQueue[]): void {
    const depths = queues.map((dlq) => {
      const depth = dlq.queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' });
      this.alarm(`Dlq-${shortName(dlq)}`, depth, `Dead letters in ${dlq.purpose}. Runbook: docs/operations.md.`);
      // Labels only on the dashboard: a labelled metric would turn the alarm into a metric-math alarm.
      return depth.with({ label: shortName(dlq) });
    });
    this.dashboard.addWidgets(new GraphWidget({ title: 'Dead-letter queues', left: depths, width: 12 }));
  }

  private watchFunctions(functions: IFunction[]): void {
    const errors: IMetric[] = [];
    const throttles: IMetric[] = [];
    for (const fn of functions) {
      const name = shortName(fn);
      const fnErrors = fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' });
      const fnThrottles = fn.metricThrottles({ period: fiveMinutes, statistic: 'Sum' });
      this.alarm(`Errors-${name}`, fnErrors, `Function ${name} threw (an invocation failed).`);
      this.alarm(`Throttles-${name}`, fnThrottles, `Function ${name} was throttled (concurrency limit reached).`);
      errors.push(fnErrors.with({ label: name }));
      throttles.push(fnThrottles.with({ label: name }));
    }
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Function errors', left: errors, width: 12 }),
      new GraphWidget({ title: 'Function throttles', left: throttles, width: 12 }),
    );
  }

  private watchStateMachines(stateMachines: IStateMachine[]): void {
    for (const machine of stateMachines) {
      const name = shortName(machine);
      const failed = machine.metricFailed({ period: fiveMinutes, statistic: 'Sum' });
      const timedOut = machine.metricTimedOut({ period: fiveMinutes, statistic: 'Sum' });
      this.alarm(`Failed-${name}`, failed, `An execution of ${name} failed.`);
      this.alarm(`TimedOut-${name}`, timedOut, `An execution of ${name} timed out.`);
      this.dashboard.addWidgets(
        new GraphWidget({
          title: name,
          left: [machine.metricStarted({ period: fiveMinutes }), machine.metricSucceeded({ period: fiveMinutes })],
          right: [failed, timedOut, machine.metricAborted({ period: fiveMinutes })],
        }),
      );
    }
  }

  private watchQueueAges(queues: WatchedQueueAge[]): void {
    if (queues.length === 0) return;
    const ages = queues.map(({ name, queue, maxAge, description }) => {
      const age = queue.metricApproximateAgeOfOldestMessage({ period: fiveMinutes, statistic: 'Maximum' });
      this.alarm(`QueueAge-${name}`, age, description, maxAge.toSeconds());
      return age.with({ label: name });
    });
    this.dashboard.addWidgets(new GraphWidget({ title: 'Oldest queued message (seconds)', left: ages, width: 12 }));
  }

  private watchStoredItems(): void {
    const corrupt = corruptItemsMetric(this.serviceName);
    this.alarm(
      'CorruptItems',
      corrupt,
      'A read skipped a stored item that no longer parses: the log line "corrupt item skipped" names its pk/sk. What to do: docs/data-model.md (unreadable items).',
    );
    this.dashboard.addWidgets(new GraphWidget({ title: 'Unreadable stored items (skipped)', left: [corrupt] }));
  }

  private watchChatCleanup(): void {
    const service = this.serviceName;
    // Until every emitter has moved to ChatCleanupFailed (issue 23), the older `failed` count alarms too.
    const failed = new MathExpression({
      expression: 'MAX([FILL(legacy, 0), FILL(failed, 0)])',
      usingMetrics: {
        legacy: cleanupMetric(service, 'failed'),
        failed: chatCleanupMetric(service, 'ChatCleanupFailed'),
      },
      period: Duration.hours(1),
      label: 'failed',
    });
    this.alarm(
      'ChatCleanupFailed',
      failed,
      'The nightly chat cleanup could not evaluate some tasks (Bedrock error, throttle or invalid answer); they stay open.',
    );
    this.alarm(
      'ChatCleanupModelUnavailable',
      chatCleanupMetric(service, 'ChatCleanupModelUnavailable'),
      'The chat cleanup stopped: Bedrock refused the model (ResourceNotFound: end-of-life or wrong id; AccessDenied: model access or IAM). Nothing closes until it is fixed — docs/chat-cleanup.md, "Model choice".',
    );
    const { maxResolvedRate, minJudgedPerNight, maxReopenRate, minResolvedPerWeek } = chatCleanupQuality;
    // One UTC day holds exactly one night's run (02:00–05:45 UTC).
    const night = Duration.days(1);
    const judged = 'FILL(r, 0) + FILL(n, 0) + FILL(u, 0)';
    const resolvedRate = new MathExpression({
      expression: `IF(${judged} >= ${minJudgedPerNight}, FILL(r, 0) / (${judged}), 0)`,
      usingMetrics: {
        r: chatCleanupMetric(service, 'ChatCleanupResolved', night),
        n: chatCleanupMetric(service, 'ChatCleanupReplyNeeded', night),
        u: chatCleanupMetric(service, 'ChatCleanupUnsure', night),
      },
      period: night,
      label: 'resolved / judged (night)',
    });
    this.alarm(
      'ChatCleanupResolvedRate',
      resolvedRate,
      `The chat cleanup closed more than ${maxResolvedRate * 100} % of the tasks it judged in one night (at least ${minJudgedPerNight} judged): a model, prompt or injection problem? Check the AI reasons of the night's closes — docs/chat-cleanup.md.`,
      maxResolvedRate,
    );
    const week = Duration.days(7);
    const reopenRate = new MathExpression({
      expression: `IF(FILL(r, 0) >= ${minResolvedPerWeek}, FILL(o, 0) / FILL(r, 0), 0)`,
      usingMetrics: {
        r: chatCleanupMetric(service, 'ChatCleanupResolved', week),
        o: chatCleanupMetric(service, 'ChatCleanupReopenedAfterAi', week),
      },
      period: week,
      label: 'reopened / resolved (7 days)',
    });
    this.alarm(
      'ChatCleanupReopenRate',
      reopenRate,
      `People reopened more than ${maxReopenRate * 100} % of the chat tasks the AI closed in 7 days (at least ${minResolvedPerWeek} closed): wrong closes — export the reopened examples into the corpus and re-run the eval.`,
      maxReopenRate,
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Nightly chat cleanup',
        left: (['evaluated', 'resolved', 'kept', 'failed'] as const).map((name) => cleanupMetric(service, name)),
      }),
      new GraphWidget({
        title: 'Chat cleanup decisions',
        left: (
          [
            'ChatCleanupResolved',
            'ChatCleanupReplyNeeded',
            'ChatCleanupUnsure',
            'ChatCleanupFailed',
            'ChatCleanupModelUnavailable',
            'ChatCleanupShadowWouldClose',
            'ChatCleanupReopenedAfterAi',
          ] as const
        ).map((name) => chatCleanupMetric(service, name)),
        right: [resolvedRate],
      }),
      new GraphWidget({
        title: 'Chat cleanup tokens',
        left: (['ChatCleanupInputTokens', 'ChatCleanupOutputTokens'] as const).map((name) =>
          chatCleanupMetric(service, name),
        ),
      }),
    );
  }
}
