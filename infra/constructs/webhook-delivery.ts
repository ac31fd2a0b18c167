// Webhook delivery: service-bus rule → fan-out function → delivery queue (per-message backoff, DLQ) → delivery function.

import { MAX_WEBHOOK_ATTEMPTS } from '@casetasks/core';
import { OUTGOING_EVENT_SOURCE, outgoingDetailTypes } from '@casetasks/events';
import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { type IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DeadLetterQueue } from './dead-letter-queue.js';
import { deliveryPolicy, invocationPolicy } from './platform-events.js';
import { listDescription, ServiceFunction } from './service-function.js';
import { grantTableAccess } from './tasks-table.js';

export interface WebhookDeliveryProps {
  table: ITableV2;
  environment: Record<string, string>;
  /** The service's bus (outgoing events, source casetasks). */
  serviceBus: IEventBus;
  /** Delivery function instances at most (settings `webhookMaxConcurrency`): bounds the load on receivers. */
  maxConcurrency: number;
}

/**
 * The consumer's timeout: a batch of 10 sends run concurrently (bounded in the app), each bounded by the send
 * timeout of docs/webhooks.md, so a minute covers a batch with room for the table writes.
 */
export const deliveryFunctionTimeout = Duration.seconds(60);
/** AWS guidance for SQS event sources: visibility timeout at least six times the function's timeout. */
export const deliveryQueueVisibility = Duration.seconds(deliveryFunctionTimeout.toSeconds() * 6);
/** Covers the retry schedule (≤ 25 h 50 min over MAX_WEBHOOK_ATTEMPTS) with days to spare for an outage. */
export const deliveryQueueRetention = Duration.days(4);
/** Oldest message older than this: something is stuck (the schedule ends before 26 h). */
export const deliveryQueueMaxAge = Duration.hours(26);

export class WebhookDelivery extends Construct {
  readonly queue: Queue;
  readonly fanOut: IFunction;
  readonly delivery: IFunction;

  constructor(scope: Construct, id: string, props: WebhookDeliveryProps) {
    super(scope, id);
    const undeliverable = new DeadLetterQueue(
      this,
      'DeliveryDlq',
      `webhook deliveries given up after ${MAX_WEBHOOK_ATTEMPTS} receives (consumer crashed or timed out each time)`,
    );
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: deliveryQueueRetention,
      visibilityTimeout: deliveryQueueVisibility,
      // The attempt number is the receive count: the last attempt's failure moves the message here.
      deadLetterQueue: { queue: undeliverable.queue, maxReceiveCount: MAX_WEBHOOK_ATTEMPTS },
    });
    const environment = { ...props.environment, WEBHOOK_DELIVERY_QUEUE_URL: this.queue.queueUrl };
    this.fanOut = this.fanOutFunction(props, environment);
    this.delivery = this.deliveryFunction(props, environment);
  }

  /** Every outgoing event → one delivery-log item and one queue message per subscribed endpoint. */
  private fanOutFunction(props: WebhookDeliveryProps, environment: Record<string, string>): IFunction {
    const group = new Construct(this, 'fan-out');
    const { fn } = new ServiceFunction(group, 'Handler', {
      entry: 'functions/events/webhook-fan-out.ts',
      description: listDescription('casetasks webhook fan-out', outgoingDetailTypes, 'detail-types'),
      environment,
      timeout: Duration.seconds(30),
    });
    grantTableAccess(props.table, fn, 'readWrite');
    // SendMessageBatch is authorised by sqs:SendMessage; nothing else on the queue.
    this.queue.grant(fn, 'sqs:SendMessage');
    const failed = new DeadLetterQueue(
      group,
      'FailedDlq',
      'webhook fan-out: events the function rejected or failed on',
    );
    fn.configureAsyncInvoke({ ...invocationPolicy, onFailure: new SqsDestination(failed.queue) });
    const undelivered = new DeadLetterQueue(group, 'RuleDlq', 'webhook fan-out: events EventBridge could not deliver');
    new Rule(group, 'Rule', {
      eventBus: props.serviceBus,
      description: 'outgoing events to the webhook fan-out',
      eventPattern: { source: [OUTGOING_EVENT_SOURCE], detailType: [...outgoingDetailTypes] },
      targets: [new LambdaFunction(fn, { ...deliveryPolicy, deadLetterQueue: undelivered.queue })],
    });
    return fn;
  }

  /** Queue → sendWebhook; a retry sets the message's visibility to the backoff and reports the record failed. */
  private deliveryFunction(props: WebhookDeliveryProps, environment: Record<string, string>): IFunction {
    const group = new Construct(this, 'delivery');
    const { fn } = new ServiceFunction(group, 'Handler', {
      entry: 'functions/events/webhook-delivery.ts',
      description: 'casetasks webhook delivery: signed POST per queued delivery, retried with backoff',
      environment,
      timeout: deliveryFunctionTimeout,
    });
    grantTableAccess(props.table, fn, 'readWrite');
    // The event source grants receive, delete and ChangeMessageVisibility (the backoff) on this queue only.
    fn.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 10,
        reportBatchItemFailures: true,
        maxConcurrency: props.maxConcurrency,
      }),
    );
    return fn;
  }
}
