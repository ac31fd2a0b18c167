// The delivery queue's message (issue 21): one per (outgoing event, endpoint), written by the fan-out, read by the consumer.
import { partySchema } from '@casetasks/core';
import { outgoingDetailTypes } from '@casetasks/events';
import * as z from 'zod';

/** The SQS body; `webhook-id` is `webhookMessageId(outboxId, endpointId)`, the log item is (endpoint, timestamp, deliveryId). */
export const webhookQueueMessageSchema = z.object({
  deliveryId: z.string().min(1).max(100),
  party: partySchema,
  orgId: z.string().min(1),
  endpointId: z.string().min(1),
  /** The outgoing event's `eventId` (its outbox entry). */
  outboxId: z.string().min(1),
  type: z.enum(outgoingDetailTypes),
  /** When the event happened: the envelope's `timestamp` and the log's order. */
  timestamp: z.iso.datetime({ offset: true }),
  /** The event's detail as published on the bus: the envelope's `data`. */
  data: z.unknown(),
});
export type WebhookQueueMessage = z.infer<typeof webhookQueueMessageSchema>;

/** Where the fan-out puts messages: SQS deployed (runtime/queues.ts), an in-memory queue in local mode. */
export interface WebhookQueue {
  enqueue(messages: WebhookQueueMessage[]): Promise<void>;
}
