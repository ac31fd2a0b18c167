// Events in and out: rules on the platform's bus to the event functions, the service's own bus, and the outbox relay.

import { type EventGroup, type EventRoute, eventRoutes, PLATFORM_EVENT_SOURCE } from '@casetasks/events';
import { Duration, Stack, Token } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, type IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { AccountPrincipal, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, type IFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { DeadLetterQueue } from './dead-letter-queue.js';
import { listDescription, ServiceFunction } from './service-function.js';
import { grantTableAccess } from './tasks-table.js';

/** `arn:aws:events:REGION:ACCOUNT:event-bus/NAME` (groups: region, account, name). */
export const eventBusArnPattern = /^arn:aws[a-z-]*:events:([a-z0-9-]+):(\d{12}):event-bus\/([A-Za-z0-9._-]+)$/;

/** The platform bus: created by the stack (optionally open to the platform's accounts) or an existing one. */
export type PlatformBusSetting =
  | { kind: 'create'; name: string; accountIds: string[]; source: string }
  | { kind: 'import'; arn: string };

export interface PlatformEventsProps {
  table: ITableV2;
  environment: Record<string, string>;
  /** The bus the platform's events arrive on: created here (stage-named), or an existing one of this account. */
  platformBus: PlatformBusSetting;
  /** The service's bus for Task Created / Completed / reminders (created here). */
  serviceEventBusName: string;
}

/** EventBridge → Lambda delivery: retried for a day, then parked (the platform does not resend). */
export const deliveryPolicy = { retryAttempts: 8, maxEventAge: Duration.hours(24) } as const;
/** Function errors (including invalid events, which throw): two async retries, then the failure queue with the error. */
export const invocationPolicy = { retryAttempts: 2, maxEventAge: Duration.hours(6) } as const;

export class PlatformEvents extends Construct {
  readonly platformBus: IEventBus;
  readonly serviceBus: EventBus;
  /** One function per event group, keyed by group; the stack adds the workflow wiring to `case-events`. */
  readonly functions: ReadonlyMap<EventGroup, NodejsFunction>;
  readonly outboxRelay: IFunction;

  constructor(scope: Construct, id: string, props: PlatformEventsProps) {
    super(scope, id);
    this.platformBus = this.busForPlatform(props.platformBus);
    this.serviceBus = new EventBus(this, 'ServiceBus', {
      eventBusName: props.serviceEventBusName,
      description: 'casetasks outgoing events (source casetasks)',
    });
    const environment = { ...props.environment, EVENT_BUS_NAME: this.serviceBus.eventBusName };
    this.functions = new Map(
      eventRoutes.map((route) => [route.group, this.eventGroup(route, props.table, environment)] as const),
    );
    this.outboxRelay = this.relay(props.table, environment);
  }

  /**
   * Created: the platform puts events on it directly (same account) or forwards them with a rule of its
   * own account, which the resource policy allows for the listed accounts and the platform's source only.
   * Imported: rules live in the bus's own account, so only a bus of this account and region will do.
   */
  private busForPlatform(setting: PlatformBusSetting): IEventBus {
    if (setting.kind === 'import') {
      this.requireSameAccountAndRegion(setting.arn);
      return EventBus.fromEventBusArn(this, 'PlatformBus', setting.arn);
    }
    const bus = new EventBus(this, 'PlatformBus', {
      eventBusName: setting.name,
      description: 'casetasks incoming platform events (source platform)',
    });
    if (setting.accountIds.length > 0) {
      bus.addToResourcePolicy(
        new PolicyStatement({
          sid: 'PlatformAccountsPutEvents',
          principals: setting.accountIds.map((id) => new AccountPrincipal(id)),
          actions: ['events:PutEvents'],
          resources: [bus.eventBusArn],
          // A PutEvents batch may carry several sources: every one must be the platform's.
          conditions: { 'ForAllValues:StringEquals': { 'events:source': [setting.source] } },
        }),
      );
    }
    return bus;
  }

  private requireSameAccountAndRegion(arn: string): void {
    const [, region, account] = eventBusArnPattern.exec(arn) ?? [];
    const stack = Stack.of(this);
    const mismatch = [
      !Token.isUnresolved(stack.account) && account !== stack.account ? `account ${account}, not ${stack.account}` : '',
      !Token.isUnresolved(stack.region) && region !== stack.region ? `region ${region}, not ${stack.region}` : '',
    ].filter(Boolean);
    if (mismatch.length > 0) {
      throw new Error(
        `platformEventBusArn ${arn} is in ${mismatch.join(' and ')}: EventBridge rules live in their bus's account ` +
          'and region, so import only a bus of this account; for a platform bus in another account, let the ' +
          'stack create the bus (leave platformEventBusArn out, set platformAccountIds) and forward to it (docs/operations.md).',
      );
    }
  }

  /** The group's function (functions/events/<group>.ts), its rule on the platform bus and both of its dead-letter queues. */
  private eventGroup(route: EventRoute, table: ITableV2, environment: Record<string, string>): NodejsFunction {
    const group = new Construct(this, route.group);
    const { fn } = new ServiceFunction(group, 'Handler', {
      entry: `functions/events/${route.group}.ts`,
      description: listDescription('casetasks events', route.detailTypes, 'detail-types'),
      environment,
      timeout: Duration.seconds(30),
    });
    grantTableAccess(table, fn, 'readWrite');

    const failed = new DeadLetterQueue(group, 'FailedDlq', `${route.group}: events the function rejected or failed on`);
    fn.configureAsyncInvoke({ ...invocationPolicy, onFailure: new SqsDestination(failed.queue) });

    const undelivered = new DeadLetterQueue(
      group,
      'DeliveryDlq',
      `${route.group}: events EventBridge could not deliver`,
    );
    new Rule(group, 'Rule', {
      eventBus: this.platformBus,
      description: `platform events handled by ${route.group}`,
      eventPattern: { source: [PLATFORM_EVENT_SOURCE], detailType: [...route.detailTypes] },
      targets: [new LambdaFunction(fn, { ...deliveryPolicy, deadLetterQueue: undelivered.queue })],
    });
    return fn;
  }

  /** Outbox items (written with each task change) from the table's stream to the service bus. */
  private relay(table: ITableV2, environment: Record<string, string>): IFunction {
    const group = new Construct(this, 'outbox-relay');
    const { fn } = new ServiceFunction(group, 'Handler', {
      entry: 'functions/events/outbox-relay.ts',
      description: 'casetasks outbox relay: table stream to service bus',
      environment,
      timeout: Duration.seconds(60),
    });
    this.serviceBus.grantPutEventsTo(fn);
    const failed = new DeadLetterQueue(group, 'FailedDlq', 'outbox-relay: stream batches that could not be published');
    fn.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 10,
        onFailure: new SqsDlq(failed.queue),
        // Only new outbox items: task, history and marker writes never invoke the relay.
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { kind: { S: FilterRule.isEqual('outbox') } } },
          }),
        ],
      }),
    );
    return fn;
  }
}
