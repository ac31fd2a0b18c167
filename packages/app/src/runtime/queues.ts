// The webhook delivery queue (SQS): the client created once per process, the fan-out's batch send, the consumer's backoff.
import {
  ChangeMessageVisibilityCommand,
  SendMessageBatchCommand,
  type SendMessageBatchRequestEntry,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { WebhookQueue, WebhookQueueMessage } from '../webhooks/webhook-queue-message.js';
import { ConfigError, config } from './config.js';
import { traced } from './observability.js';

let sqs: SQSClient | undefined;

export const sqsClient = (): SQSClient => {
  sqs ??= traced(new SQSClient({ region: config().AWS_REGION }));
  return sqs;
};

const queueUrl = (): string => {
  const url = config().WEBHOOK_DELIVERY_QUEUE_URL;
  if (!url) {
    throw new ConfigError(
      'WEBHOOK_DELIVERY_QUEUE_URL',
      'WEBHOOK_DELIVERY_QUEUE_URL is not set: the webhook functions get it from the stack (the delivery queue)',
    );
  }
  return url;
};

/** SendMessageBatch takes at most 10 entries. */
const BATCH = 10;
/** Entries SQS refused (throttled, internal) are sent again this often before the fan-out fails and Lambda retries. */
const ENTRY_ATTEMPTS = 3;

/** Thrown when entries are still refused after the retries: the fan-out fails, and Lambda's async retry runs it again. */
export class WebhookEnqueueError extends Error {
  readonly retryable = true;
  constructor(readonly failed: string[]) {
    super(`webhook queue refused ${failed.length} message(s): ${failed.slice(0, 3).join('; ')}`);
    this.name = 'WebhookEnqueueError';
  }
}

const sendBatch = async (entries: SendMessageBatchRequestEntry[]): Promise<void> => {
  let pending = entries;
  let reasons: string[] = [];
  for (let attempt = 0; attempt < ENTRY_ATTEMPTS && pending.length > 0; attempt += 1) {
    const { Failed = [] } = await sqsClient().send(
      new SendMessageBatchCommand({ QueueUrl: queueUrl(), Entries: pending }),
    );
    const failedIds = new Set(Failed.map((entry) => entry.Id));
    reasons = Failed.map((entry) => `${entry.Id}: ${entry.Code ?? ''} ${entry.Message ?? ''}`.trim());
    pending = pending.filter((entry) => failedIds.has(entry.Id));
  }
  if (pending.length > 0) throw new WebhookEnqueueError(reasons);
};

/** The deployed WebhookQueue: SendMessageBatch in tens, failed entries sent again, an error if any still fail. */
export const sqsWebhookQueue = (): WebhookQueue => ({
  async enqueue(messages: WebhookQueueMessage[]) {
    const entries = messages.map((message, index) => ({ Id: String(index), MessageBody: JSON.stringify(message) }));
    for (let start = 0; start < entries.length; start += BATCH) await sendBatch(entries.slice(start, start + BATCH));
  },
});

/** The consumer's backoff: the message comes back after `seconds` (≤ 12 h, the SQS maximum). */
export const retryWebhookLater = async (receiptHandle: string, seconds: number): Promise<void> => {
  await sqsClient().send(
    new ChangeMessageVisibilityCommand({
      QueueUrl: queueUrl(),
      ReceiptHandle: receiptHandle,
      VisibilityTimeout: Math.min(Math.max(0, Math.round(seconds)), 43_200),
    }),
  );
};

/** Tests swap the client (aws-sdk-client-mock mocks the class, so a fresh one is not needed; this is for config changes). */
export const resetQueueClient = (): void => {
  sqs = undefined;
};
