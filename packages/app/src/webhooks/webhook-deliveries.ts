// The delivery log of one endpoint (any role of the org) and the owners' test ping (issue 21).
import { ForbiddenError, type Principal, signingSecrets } from '@casetasks/core';
import {
  createWebhookDelivery,
  getWebhookEndpoint,
  isWebhookDeliveriesCursor,
  listWebhookDeliveries as listDeliveries,
  MAX_WEBHOOK_DELIVERIES_PAGE,
  recordWebhookAttempt,
  webhookDeliverySchema,
} from '@casetasks/db';
import { ulid } from 'ulid';
import * as z from 'zod';
import { tasksDb } from '../runtime/clients.js';
import { loopbackHttpAllowed } from './local-targets.js';
import {
  type SendWebhookOptions,
  sendWebhook,
  WEBHOOK_TEST_TYPE,
  webhookMessageId,
  webhookPayload,
} from './send-webhook.js';
import { WebhookNotFoundError } from './webhook-endpoints.js';

export const webhookDeliveriesQuerySchema = z.strictObject({
  // Digits only: coercion alone would read `0x10`, `1e1` or ` 5` as numbers.
  limit: z
    .string()
    .regex(/^[0-9]+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_WEBHOOK_DELIVERIES_PAGE))
    .default(25)
    .meta({
      type: 'integer',
      minimum: 1,
      maximum: MAX_WEBHOOK_DELIVERIES_PAGE,
      default: 25,
      description: 'Page size, 1-100',
    }),
  cursor: z
    .string()
    .min(1)
    .max(2048)
    .refine(isWebhookDeliveriesCursor, 'cursor is not valid for this list; start again')
    .optional()
    .describe('`nextCursor` of the previous page'),
});

/** The test ping takes no input: an empty JSON object, or no body. */
export const webhookPingBodySchema = z.strictObject({}).meta({ id: 'WebhookPing' });

export const webhookDeliveryViewSchema = webhookDeliverySchema
  .extend({
    status: webhookDeliverySchema.shape.status.describe(
      '`pending` (queued), `delivered`, `retrying` (see `nextAttemptAt`), `failed` (given up, or not sent: the error says why), `gone` (410: the endpoint was disabled)',
    ),
    outboxId: z.string().nullable().describe("The outgoing event's `eventId`; null for a test ping"),
    messageId: z.string().describe('The `webhook-id` header sent, the same on every attempt'),
    latencyMs: z.number().nullable().describe('Of the last attempt, when a connection was made'),
  })
  .meta({ id: 'WebhookDelivery' });
export const webhookDeliveryListSchema = z
  .object({
    items: z.array(webhookDeliveryViewSchema).describe('Newest first; kept 30 days'),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
  })
  .meta({ id: 'WebhookDeliveryList' });
export const webhookPingResultSchema = z
  .object({ delivery: webhookDeliveryViewSchema })
  .meta({ id: 'WebhookPingResult' });

const endpointOf = async (principal: Principal, id: string) => {
  const endpoint = await getWebhookEndpoint(tasksDb(), { party: principal.party, orgId: principal.orgId, id });
  if (!endpoint) throw new WebhookNotFoundError();
  return endpoint;
};

/** A page of an endpoint's deliveries, newest first (any role; another org's endpoint: 404). */
export const listWebhookDeliveries = async (
  principal: Principal,
  id: string,
  query: z.infer<typeof webhookDeliveriesQuerySchema>,
) => {
  await endpointOf(principal, id);
  const ref = { party: principal.party, orgId: principal.orgId, endpointId: id };
  return listDeliveries(tasksDb(), ref, { limit: query.limit, cursor: query.cursor });
};

/**
 * Sends one `Webhook Test` message now (owners; a disabled endpoint too, to check it before re-enabling) and
 * answers its outcome. Logged like a delivery, never retried, and not counted toward auto-disable: a ping
 * to a broken receiver must not disable it.
 */
export const pingWebhook = async (
  principal: Principal,
  id: string,
  now: Date,
  send: Partial<SendWebhookOptions> = {},
) => {
  if (principal.role !== 'owner') throw new ForbiddenError('only owners manage webhooks');
  const endpoint = await endpointOf(principal, id);
  const db = tasksDb();
  const at = now.toISOString();
  const deliveryId = `test_${ulid(now.getTime()).toLowerCase()}`;
  const ref = { party: principal.party, orgId: principal.orgId, endpointId: id, deliveryId, occurredAt: at };
  const messageId = webhookMessageId(deliveryId, id);
  await createWebhookDelivery(db, {
    ...{ ...ref, outboxId: null, messageId, type: WEBHOOK_TEST_TYPE, status: 'pending', attempts: 0 },
    ...{ lastStatus: null, lastError: null, lastAttemptAt: null, nextAttemptAt: null, latencyMs: null },
    ...{ createdAt: at, updatedAt: at },
  });
  const outcome = await sendWebhook(
    endpoint.url,
    { id: messageId, payload: webhookPayload(WEBHOOK_TEST_TYPE, now, { webhookId: id, sentAt: at }) },
    { allowLoopbackHttp: loopbackHttpAllowed(), ...send, secrets: signingSecrets(endpoint, now) },
  );
  const status = outcome.kind === 'delivered' ? 'delivered' : outcome.kind === 'gone' ? 'gone' : 'failed';
  const delivery = await recordWebhookAttempt(db, ref, {
    ...{ status, attempts: 1, at: now },
    ...('status' in outcome && outcome.status !== undefined ? { lastStatus: outcome.status } : {}),
    ...('latencyMs' in outcome ? { latencyMs: outcome.latencyMs } : {}),
    ...(outcome.kind === 'gone'
      ? { lastError: 'HTTP 410 Gone' }
      : 'error' in outcome
        ? { lastError: outcome.error }
        : {}),
  });
  return { delivery: webhookDeliveryViewSchema.parse(delivery) };
};
