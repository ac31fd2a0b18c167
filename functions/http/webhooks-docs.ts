// OpenAPI operation docs and examples of the webhook endpoint routes (functions/http/webhooks.ts, webhook-actions.ts).
import { type OperationExample, ORG_ID } from './example-values.js';
import { doc, type OperationDoc } from './operation-tags.js';

const one = '/settings/webhooks/{webhookId}';

export const webhookDocs: Record<string, OperationDoc> = {
  'GET /settings/webhooks': doc(
    'listWebhooks',
    'Settings',
    "The org's webhook endpoints; secrets are never read back.",
  ),
  'POST /settings/webhooks': doc('createWebhook', 'Settings', 'Registers an endpoint; 409 beyond 10; secret once.'),
  [`GET ${one}`]: doc('getWebhook', 'Settings', 'One webhook endpoint, its state and disable reason.'),
  [`PUT ${one}`]: doc('changeWebhook', 'Settings', 'Replaces URL, event types, description; 409 when stale.'),
  [`POST ${one}/delete`]: doc('deleteWebhook', 'Settings', 'Deletes an endpoint; its place under the limit frees.'),
  [`POST ${one}/rotate-secret`]: doc('rotateWebhookSecret', 'Settings', 'New secret once; the old signs 24 h more.'),
  [`POST ${one}/enable`]: doc('enableWebhook', 'Settings', 'Re-enables an endpoint; its failure run restarts.'),
};

const at = '2026-11-24T12:00:00.000Z';
const body = {
  url: 'https://cms.nordic-collect.example/hooks/casetasks',
  eventTypes: ['Task Created', 'Task Completed', 'Task Overdue'],
  description: 'Case management system',
};
const webhook = {
  ...{ id: '01jq3v7k8m9n0p1q2r3s4t5v6x', party: 'partner', orgId: ORG_ID, ...body },
  ...{ enabled: true, disabledReason: null, disabledAt: null },
  ...{ consecutiveFailures: 0, previousSecretExpiresAt: null, version: 1, createdAt: at, updatedAt: at },
};
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw7Pk1ghfbgbE=';

export const webhookExamples: Record<string, OperationExample> = {
  'GET /settings/webhooks': { response: { items: [webhook] } },
  'POST /settings/webhooks': { request: body, response: { ...webhook, secret } },
  [`GET ${one}`]: { response: webhook },
  [`PUT ${one}`]: { request: { ...body, expectedVersion: 1 }, response: { ...webhook, version: 2 } },
  [`POST ${one}/delete`]: { request: { expectedVersion: 1 }, response: { id: webhook.id, deleted: true } },
  [`POST ${one}/rotate-secret`]: {
    request: {},
    response: { ...webhook, version: 2, previousSecretExpiresAt: '2026-11-25T12:00:00.000Z', secret },
  },
  [`POST ${one}/enable`]: {
    request: {},
    response: { ...webhook, version: 3 },
  },
};
