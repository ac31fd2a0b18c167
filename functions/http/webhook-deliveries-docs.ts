// OpenAPI operation docs and examples of the delivery log and the test ping (functions/http/webhook-deliveries.ts).
import { type OperationExample, ORG_ID } from './example-values.js';
import { doc, type OperationDoc } from './operation-tags.js';

const one = '/settings/webhooks/{webhookId}';

export const webhookDeliveryDocs: Record<string, OperationDoc> = {
  [`GET ${one}/deliveries`]: doc('listWebhookDeliveries', 'Settings', 'The delivery log, newest first; 30 days.'),
  [`POST ${one}/test`]: doc('pingWebhook', 'Settings', 'Sends a Webhook Test message now; answers the outcome.'),
};

const at = '2026-11-24T12:00:00.000Z';
const endpointId = '01jq3v7k8m9n0p1q2r3s4t5v6x';
const outboxId = '01JQ3V9A0B1C2D3E4F5G6H7J8K';
const delivery = {
  ...{ deliveryId: outboxId, endpointId, party: 'partner', orgId: ORG_ID, outboxId },
  ...{ messageId: `msg_${outboxId}_${endpointId}`, type: 'Task Created', occurredAt: at, status: 'delivered' },
  ...{ attempts: 2, lastStatus: 200, lastError: null, lastAttemptAt: '2026-11-24T12:00:45.000Z' },
  ...{ nextAttemptAt: null, latencyMs: 182, createdAt: at, updatedAt: '2026-11-24T12:00:45.000Z' },
};
const pingId = 'test_01jq3vb0c1d2e3f4g5h6j7k8m9';
const ping = {
  ...delivery,
  ...{ deliveryId: pingId, outboxId: null, messageId: `msg_${pingId}_${endpointId}`, type: 'Webhook Test' },
  ...{ attempts: 1, lastAttemptAt: at, updatedAt: at },
};

export const webhookDeliveryExamples: Record<string, OperationExample> = {
  [`GET ${one}/deliveries`]: { response: { items: [delivery], nextCursor: null } },
  [`POST ${one}/test`]: { request: {}, response: { delivery: ping } },
};
