// Events in and out: rules on the platform's bus to the event functions, the service's own bus, and the outbox relay.

import { type EventGroup, type EventRoute, eventRoutes, PLATFORM_EVENT_SOURCE } from '@casetasks/events';
import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, type IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { FilterCriteria, FilterRule, type IFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { DeadLetterQueue } from './dead-letter-queue.js';
import { ServiceFunction } from './service-function.js';
import { grantTableAccess } from './tasks-table.js';

export interface PlatformEventsProps {
  table: ITableV2;
  environment: Record<string, string>;
  /** The platform's bus, owned elsewhere: imported by name. */
  platformEventBusName: string;
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
    this.platformBus = EventBus.fromEventBusName(this, 'PlatformBus', props.platformEventBusName);
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

  /** The group's function (functions/events/<group>.ts), its rule on the platform bus and both of its dead-letter queues. */
  private eventGroup(route: EventRoute, table: ITableV2, environment: Record<string, string>): NodejsFunction {
    const group = new Construct(this, route.group);
    const { fn } = new ServiceFunction(group, 'Handler', {
      entry: `functions/events/${route.group}.ts`,
      description: `casetasks events: ${route.detailTypes.join(', ')}`,
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
      orgCalendars: false,
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
