// GET /settings/webhooks/{webhookId}/deliveries (the delivery log) and POST …/test (the owners' ping), issue 21.
import { noQuerySchema } from '@casetasks/app/tasks';
import * as app from '@casetasks/app/webhooks';
import { httpRoute, type RouteMap } from '../middleware/http-route.js';

const one = '/settings/webhooks/{webhookId}';

/** Spread into webhookRoutes (functions/http/webhooks.ts). */
export const webhookDeliveryRoutes = {
  [`GET ${one}/deliveries`]: httpRoute({
    summary: "One endpoint's deliveries, newest first, kept 30 days (any role)",
    params: app.webhookParamsSchema,
    query: app.webhookDeliveriesQuerySchema,
    response: app.webhookDeliveryListSchema,
    handle: async ({ principal, params, query }) => ({
      body: await app.listWebhookDeliveries(principal, params.webhookId, query),
    }),
  }),
  [`POST ${one}/test`]: httpRoute({
    summary: 'Send a `Webhook Test` message now and answer its outcome (owners only; not retried, not counted)',
    writes: true,
    ownerOnly: true,
    params: app.webhookParamsSchema,
    query: noQuerySchema,
    body: app.webhookPingBodySchema,
    response: app.webhookPingResultSchema,
    handle: async ({ principal, params, now }) => ({ body: await app.pingWebhook(principal, params.webhookId, now) }),
  }),
} satisfies RouteMap;
