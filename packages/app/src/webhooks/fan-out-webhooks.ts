// Webhook fan-out (issue 21): an outgoing event of the service bus → a log item and a queue message per subscribed endpoint.
import type { Party } from '@casetasks/core';
import { createWebhookDelivery, subscribedWebhookEndpoints } from '@casetasks/db';
import {
  digestRecipientSchema,
  eventIdOf,
  InvalidEventError,
  invalidEventFrom,
  OUTGOING_EVENT_SOURCE,
  type OutgoingDetailType,
  outgoingDetailTypes,
  publishedDetailSchema,
} from '@casetasks/events';
import * as z from 'zod';
import { tasksDb } from '../runtime/clients.js';
import { serviceNow } from '../runtime/clock.js';
import { webhookMessageId } from './send-webhook.js';
import type { WebhookQueue, WebhookQueueMessage } from './webhook-queue-message.js';

const envelopeSchema = z.object({
  source: z.literal(OUTGOING_EVENT_SOURCE),
  'detail-type': z.enum(outgoingDetailTypes),
  time: z.iso.datetime({ offset: true }),
  detail: z.record(z.string(), z.unknown()),
});

/** The org and party an event is about: the digest's recipient, or the task's (accessLevel is the party that sees it). */
const audienceOf = (type: OutgoingDetailType, detail: Record<string, unknown>): { party: Party; orgId: string } => {
  if (type === 'Daily Digest') {
    const { recipient } = z.object({ recipient: digestRecipientSchema }).parse(detail);
    return { party: recipient.party, orgId: recipient.orgId };
  }
  const { task } = z
    .object({ task: z.object({ accessLevel: z.enum(['partner', 'creditor']), orgId: z.string() }) })
    .parse(detail);
  return { party: task.accessLevel, orgId: task.orgId };
};

/** The published event, parsed with its detail-type's schema; InvalidEventError (not retried) otherwise. */
const parseOutgoing = (raw: unknown) => {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) throw invalidEventFrom(envelope.error, raw);
  const type = envelope.data['detail-type'];
  const detail = publishedDetailSchema(type).safeParse(envelope.data.detail);
  if (!detail.success) {
    const issue = detail.error.issues[0];
    throw new InvalidEventError(`detail.${issue?.path.join('.') ?? ''}`, issue?.message ?? 'invalid', eventIdOf(raw));
  }
  return { type, occurredAt: new Date(envelope.data.time), detail: detail.data as Record<string, unknown> };
};

/**
 * One delivery per enabled endpoint of the event's org and party subscribed to its type: the log item first
 * (conditional: a retried fan-out does not duplicate it), then the messages in one batch. A delivery already
 * logged is enqueued again only while still `pending` (the first run may have failed before sending it); the
 * consumer drops a message whose delivery is `delivered`, and receivers drop a repeated `webhook-id`.
 */
export const fanOutWebhooks = async (
  event: unknown,
  queue: WebhookQueue,
  now: Date = serviceNow(),
): Promise<{ deliveries: number }> => {
  const { type, occurredAt, detail } = parseOutgoing(event);
  const outboxId = String(detail.eventId);
  const { party, orgId } = audienceOf(type, detail);
  const endpoints = await subscribedWebhookEndpoints(tasksDb(), party, orgId, type);
  const at = now.toISOString();
  const timestamp = occurredAt.toISOString();
  const messages: WebhookQueueMessage[] = [];
  for (const endpoint of endpoints) {
    const message = {
      deliveryId: outboxId,
      party,
      orgId,
      endpointId: endpoint.id,
      outboxId,
      type,
      timestamp,
      data: detail,
    };
    const { created, delivery } = await createWebhookDelivery(tasksDb(), {
      ...{ deliveryId: outboxId, endpointId: endpoint.id, party, orgId, outboxId, type, occurredAt: timestamp },
      ...{ messageId: webhookMessageId(outboxId, endpoint.id), status: 'pending', attempts: 0 },
      ...{ lastStatus: null, lastError: null, lastAttemptAt: null, nextAttemptAt: null, latencyMs: null },
      ...{ createdAt: at, updatedAt: at },
    });
    if (created || delivery.status === 'pending') messages.push(message);
  }
  if (messages.length > 0) await queue.enqueue(messages);
  return { deliveries: messages.length };
};
