// The delivery consumer's use case (issue 21): one attempt of one queued message, logged, counted on the endpoint,
// and the retry decision (SQS backoff) or done.
import { MAX_WEBHOOK_ATTEMPTS, signingSecrets, webhookRetryDelayMs } from '@casetasks/core';
import {
  getWebhookDelivery,
  getWebhookEndpoint,
  recordDeliveryOutcome,
  recordWebhookAttempt,
  type WebhookAttempt,
  type WebhookDeliveryRef,
} from '@casetasks/db';
import { tasksDb } from '../runtime/clients.js';
import { serviceNow } from '../runtime/clock.js';
import { loopbackHttpAllowed } from './local-targets.js';
import {
  type SendWebhookOptions,
  sendWebhook,
  type WebhookDeliveryOutcome,
  webhookMessageId,
  webhookPayload,
} from './send-webhook.js';
import type { WebhookQueueMessage } from './webhook-queue-message.js';

export interface DeliverWebhookOptions {
  now?: Date;
  /** Overrides of the sender (tests: a resolver, a timeout); the secrets always come from the endpoint. */
  send?: Partial<SendWebhookOptions>;
}

/**
 * `skipped`: nothing was sent (the endpoint is deleted or disabled, or the delivery was already delivered).
 * `retryInSeconds`: the message must come back after that long; undefined: done (delivered, gone, given up).
 */
export interface DeliverWebhookResult {
  outcome: WebhookDeliveryOutcome['kind'] | 'skipped';
  retryInSeconds?: number;
}

const refOf = (message: WebhookQueueMessage): WebhookDeliveryRef => ({
  ...{ party: message.party, orgId: message.orgId, endpointId: message.endpointId },
  ...{ deliveryId: message.deliveryId, occurredAt: message.timestamp },
});

/** Logs the attempt and derives the retry decision: retryable failures come back per the schedule until it is spent. */
const decide = (outcome: WebhookDeliveryOutcome, attempt: number, now: Date) => {
  const answered = 'status' in outcome && outcome.status !== undefined ? { lastStatus: outcome.status } : {};
  const latency = 'latencyMs' in outcome ? { latencyMs: outcome.latencyMs } : {};
  const base = { attempts: attempt, at: now, ...answered, ...latency };
  if (outcome.kind === 'delivered') return { log: { ...base, status: 'delivered' as const } };
  if (outcome.kind === 'gone') return { log: { ...base, status: 'gone' as const, lastError: 'HTTP 410 Gone' } };
  const retryable = outcome.kind === 'retry' || outcome.retryable;
  const delayMs = retryable ? webhookRetryDelayMs(Math.min(attempt, MAX_WEBHOOK_ATTEMPTS)) : undefined;
  if (delayMs === undefined) return { log: { ...base, status: 'failed' as const, lastError: outcome.error } };
  return {
    log: {
      ...{ ...base, status: 'retrying' as const, lastError: outcome.error },
      nextAttemptAt: new Date(now.getTime() + delayMs),
    },
    retryInSeconds: Math.ceil(delayMs / 1000),
  };
};

/**
 * One attempt (`attempt`: 1 for the first, SQS's ApproximateReceiveCount deployed). Sends unless the endpoint
 * is gone or disabled (logged `failed`) or the delivery is already `delivered`; counts the outcome on the
 * endpoint (auto-disable; a refused target counts as a failure); logs it. After the last attempt the delivery
 * is `failed` and the result is done: the message is deleted, not dead-lettered (docs/webhooks.md).
 */
export const deliverWebhook = async (
  message: WebhookQueueMessage,
  attempt: number,
  { now = serviceNow(), send = {} }: DeliverWebhookOptions = {},
): Promise<DeliverWebhookResult> => {
  const db = tasksDb();
  const ref = refOf(message);
  const endpoint = await getWebhookEndpoint(db, { party: message.party, orgId: message.orgId, id: message.endpointId });
  const skip = async (lastError: string): Promise<DeliverWebhookResult> => {
    await recordWebhookAttempt(db, ref, { status: 'failed', attempts: attempt - 1, at: now, lastError });
    return { outcome: 'skipped' };
  };
  if (!endpoint) return skip('endpoint deleted');
  if (!endpoint.enabled) return skip(`endpoint disabled: ${endpoint.disabledReason ?? 'by an owner'}`);
  if ((await getWebhookDelivery(db, ref))?.status === 'delivered') return { outcome: 'skipped' };
  const outcome = await sendWebhook(
    endpoint.url,
    {
      id: webhookMessageId(message.outboxId, message.endpointId),
      payload: webhookPayload(message.type, new Date(message.timestamp), message.data),
    },
    { allowLoopbackHttp: loopbackHttpAllowed(), ...send, secrets: signingSecrets(endpoint, now) },
  );
  const counted = await recordDeliveryOutcome(
    db,
    { party: message.party, orgId: message.orgId, id: message.endpointId },
    {
      kind: outcome.kind === 'refused' ? 'retry' : outcome.kind,
      at: now,
      ...('status' in outcome && outcome.status ? { status: outcome.status } : {}),
    },
  );
  const decision = decide(outcome, attempt, now);
  // This failure disabled the endpoint: later attempts would only find it disabled.
  const log: WebhookAttempt =
    counted?.disabled && decision.log.status === 'retrying'
      ? {
          ...decision.log,
          status: 'failed',
          nextAttemptAt: undefined,
          lastError: `${decision.log.lastError}; endpoint disabled`,
        }
      : decision.log;
  await recordWebhookAttempt(db, ref, log);
  return log.status === 'retrying'
    ? { outcome: outcome.kind, retryInSeconds: decision.retryInSeconds }
    : { outcome: outcome.kind };
};
