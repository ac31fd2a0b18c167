// GET/POST /settings/webhooks, GET/PUT /settings/webhooks/{webhookId} (issue 21); the actions in webhook-actions.ts.
import { noQuerySchema } from '@casetasks/app/tasks';
import * as app from '@casetasks/app/webhooks';
import { httpRoute, type RouteMap } from '../middleware/http-route.js';
import { webhookActionRoutes } from './webhook-actions.js';
import { webhookDeliveryRoutes } from './webhook-deliveries.js';

const one = '/settings/webhooks/{webhookId}';
/** Spread into the `settings` group (functions/http/settings.ts): same table grant, one Lambda less. */
export const webhookRoutes = {
  'GET /settings/webhooks': httpRoute({
    summary: "The caller org's webhook endpoints, without secrets (any role)",
    query: noQuerySchema,
    response: app.webhookListSchema,
    handle: async ({ principal }) => ({ body: await app.listWebhooks(principal) }),
  }),
  'POST /settings/webhooks': httpRoute({
    summary: 'Register a webhook endpoint (owners only; at most 10 per org); the answer shows its secret once',
    writes: true,
    ownerOnly: true,
    query: noQuerySchema,
    body: app.webhookCreateSchema,
    response: app.webhookWithSecretSchema,
    successStatus: 201,
    handle: async ({ principal, body, now }) => ({ body: await app.createWebhook(principal, body, now) }),
  }),
  [`GET ${one}`]: httpRoute({
    summary: 'One webhook endpoint of the caller org, without its secret (any role)',
    params: app.webhookParamsSchema,
    query: noQuerySchema,
    response: app.webhookViewSchema,
    handle: async ({ principal, params }) => ({ body: await app.getWebhook(principal, params.webhookId) }),
  }),
  [`PUT ${one}`]: httpRoute({
    summary: 'Replace a webhook endpoint at `expectedVersion` (owners only; 409 when it changed since)',
    writes: true,
    ownerOnly: true,
    params: app.webhookParamsSchema,
    query: noQuerySchema,
    body: app.webhookChangeSchema,
    response: app.webhookViewSchema,
    handle: async ({ principal, params, body, now }) => ({
      body: await app.changeWebhook(principal, params.webhookId, body, now),
    }),
  }),
  ...webhookActionRoutes,
  ...webhookDeliveryRoutes,
} satisfies RouteMap;
