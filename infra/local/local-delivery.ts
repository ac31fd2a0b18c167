// Local mode's stand-in for the service bus's delivery rules: each new outbox entry → webhook fan-out (+ reminder mails).
import { toPutEventsEntry } from '@casetasks/app/outbox';
import { config } from '@casetasks/app/runtime';
import { deliverWebhook, fanOutWebhooks, type WebhookQueueMessage } from '@casetasks/app/webhooks';
import type { OutboxEntry } from '@casetasks/db';
import { ulid } from 'ulid';
import { LocalDeliveryQueue, LocalWebhookReceiver } from './local-webhooks.js';

const LOCAL_ACCOUNT = '000000000000';

/** The event the service bus hands its rules: the entry exactly as the deployed relay publishes it (toPutEventsEntry). */
export const busEventOf = (entry: OutboxEntry) => {
  const published = toPutEventsEntry(entry, config().EVENT_BUS_NAME);
  return {
    version: '0',
    id: ulid(),
    'detail-type': published.DetailType,
    source: published.Source,
    account: LOCAL_ACCOUNT,
    time: (published.Time ?? new Date(entry.createdAt)).toISOString(),
    region: config().AWS_REGION,
    resources: [],
    detail: JSON.parse(published.Detail ?? '{}') as unknown,
  };
};

export type LocalBusEvent = ReturnType<typeof busEventOf>;

export interface LocalDeliveryOptions {
  /** Webhook attempts in flight at once (default 4). */
  concurrency?: number;
  /** Multiplies every retry wait (default 1: real time; tests pass e.g. 0.001). */
  retryScale?: number;
  /** More rules on the same events (the mail events); awaited after the fan-out of each entry. */
  rules?: ((event: LocalBusEvent) => Promise<unknown>)[];
  log?: (line: string) => void;
}

/** The receiver, the delivery queue and the rules run for every new outbox entry, in id order per sync. */
export class LocalDelivery {
  readonly receiver = new LocalWebhookReceiver();
  readonly queue: LocalDeliveryQueue<WebhookQueueMessage>;
  private readonly running = new Set<Promise<void>>();
  private readonly log: (line: string) => void;

  constructor(private readonly options: LocalDeliveryOptions = {}) {
    this.log = options.log ?? (() => undefined);
    this.queue = new LocalDeliveryQueue<WebhookQueueMessage>({
      deliver: (message, attempt) => deliverWebhook(message, attempt),
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      ...(options.retryScale === undefined ? {} : { retryScale: options.retryScale }),
      log: this.log,
    });
  }

  /** LocalOutbox's listener: asynchronous like the deployed rules, never holding up the answer that wrote the entry. */
  readonly emitted = (fresh: OutboxEntry[]): void => {
    const run = this.apply(fresh).finally(() => this.running.delete(run));
    this.running.add(run);
  };

  private async apply(fresh: OutboxEntry[]) {
    for (const entry of fresh) {
      const event = busEventOf(entry);
      for (const rule of [(e: LocalBusEvent) => fanOutWebhooks(e, this.queue), ...(this.options.rules ?? [])]) {
        try {
          await rule(event);
        } catch (error) {
          // Deployed, the rule's on-failure queue would keep it; locally the log is the trace.
          this.log(`${entry.detailType} ${entry.id}: a delivery rule failed: ${String(error)}`);
        }
      }
    }
  }

  /** Resolves once every rule has run and no delivery is queued, in flight or waiting for its retry. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
    await this.queue.idle();
  }

  async stop(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled(this.running);
    await this.queue.stop();
  }
}
