// POST /settings/webhooks/{webhookId}/delete, …/rotate-secret, …/enable: owner actions on one endpoint (issue 21).
import { noQuerySchema } from '@casetasks/app/tasks';
import * as app from '@casetasks/app/webhooks';
import type { Principal } from '@casetasks/core';
import * as z from 'zod';
import { httpRoute, type RouteMap } from '../middleware/http-route.js';

const one = '/settings/webhooks/{webhookId}';
const deleted = z.object({ id: z.string(), deleted: z.literal(true) });
type VersionBody = z.infer<typeof app.webhookVersionBodySchema>;

/** An owner-only POST on one endpoint whose body is the optional version read. */
const versionWrite = (
  summary: string,
  response: z.ZodType,
  use: (principal: Principal, id: string, body: VersionBody, now: Date) => Promise<unknown>,
) =>
  httpRoute({
    summary,
    writes: true,
    ownerOnly: true,
    params: app.webhookParamsSchema,
    query: noQuerySchema,
    body: app.webhookVersionBodySchema,
    response,
    handle: async ({ principal, params, body, now }) => ({ body: await use(principal, params.webhookId, body, now) }),
  });

/** Spread into webhookRoutes (functions/http/webhooks.ts). */
export const webhookActionRoutes = {
  [`POST ${one}/delete`]: versionWrite('Delete a webhook endpoint (owners only)', deleted, app.deleteWebhook),
  [`POST ${one}/rotate-secret`]: versionWrite(
    'A new secret, shown once (owners only); the previous one still signs for 24 h',
    app.webhookWithSecretSchema,
    app.rotateWebhookSecret,
  ),
  [`POST ${one}/enable`]: versionWrite(
    'Re-enable a paused or disabled webhook endpoint; its failure count starts again (owners only)',
    app.webhookViewSchema,
    app.enableWebhook,
  ),
} satisfies RouteMap;
