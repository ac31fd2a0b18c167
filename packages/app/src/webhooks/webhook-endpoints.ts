// Webhook endpoints of an org and party (issue 21): every role lists and reads them, owners register, change,
// delete, rotate and re-enable. A secret is answered once, when made; no read ever carries one.
import {
  DomainError,
  entityIdSchema,
  ForbiddenError,
  type Principal,
  WEBHOOK_SECRET_OVERLAP_MS,
  webhookDescriptionSchema,
  webhookUrlSchemaWith,
} from '@casetasks/core';
import {
  changeWebhookEndpoint,
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  type WebhookEndpoint,
  type WebhookEndpointChanges,
  webhookEndpointSchema,
} from '@casetasks/db';
import { outgoingDetailTypes } from '@casetasks/events';
import { ulid } from 'ulid';
import * as z from 'zod';
import { tasksDb } from '../runtime/clients.js';
import { loopbackHttpAllowed } from './local-targets.js';
import { newWebhookSecret } from './webhook-secret.js';

/** Far beyond any real number of edits: bounds the number the version condition compares. */
const MAX_WEBHOOK_VERSION = 1_000_000;

const eventTypesSchema = z
  .array(z.enum(outgoingDetailTypes))
  .min(1)
  .max(outgoingDetailTypes.length)
  .refine((types) => new Set(types).size === types.length, { message: 'each event type once' })
  .describe('The outgoing detail-types delivered to this endpoint (see docs/events.md), each once');

const versionSchema = z.number().int().min(1).max(MAX_WEBHOOK_VERSION);

const endpointFields = {
  url: webhookUrlSchemaWith(loopbackHttpAllowed),
  eventTypes: eventTypesSchema,
  description: webhookDescriptionSchema.optional(),
};

export const webhookCreateSchema = z
  .strictObject({
    ...endpointFields,
    enabled: z.boolean().default(true).describe('false: registered but paused'),
  })
  .meta({ id: 'WebhookCreate' });
export const webhookChangeSchema = z
  .strictObject({
    ...endpointFields,
    enabled: z
      .boolean()
      .optional()
      .describe('Omitted: unchanged. true re-enables a disabled endpoint (failures reset); false pauses it'),
    expectedVersion: versionSchema.describe('The `version` read: a 409 when the endpoint changed since'),
  })
  .meta({ id: 'WebhookChange' });
/** Delete, rotate and enable: the version read, optional (without it, the version this request reads). */
export const webhookVersionBodySchema = z
  .strictObject({ expectedVersion: versionSchema.optional().describe('The `version` read (optional)') })
  .meta({ id: 'WebhookVersion' });
export const webhookParamsSchema = z.strictObject({ webhookId: entityIdSchema });

/** The stored endpoint without its secrets and failure-run start: what every read answers. */
export const webhookViewSchema = webhookEndpointSchema
  .omit({ secret: true, previousSecret: true, failingSince: true })
  .extend({
    disabledReason: z.string().nullable().describe('Why it is disabled: by an owner, 410 Gone, or a run of failures'),
    previousSecretExpiresAt: z
      .string()
      .nullable()
      .describe('After a rotation: until when deliveries also carry a signature with the previous secret'),
  })
  .meta({ id: 'Webhook' });
export const webhookWithSecretSchema = webhookViewSchema
  .extend({ secret: z.string().describe('`whsec_…`: shown this once; store it to verify signatures') })
  .meta({ id: 'WebhookWithSecret' });
export const webhookListSchema = z.object({ items: z.array(webhookViewSchema) }).meta({ id: 'WebhookList' });
export type WebhookView = z.infer<typeof webhookViewSchema>;

/** No endpoint of that id in the caller's org and party (another org's or party's included): 404. */
export class WebhookNotFoundError extends DomainError {
  override readonly statusCode = 404;
  override readonly code = 'not_found';
  constructor() {
    super('webhook not found');
  }
}

/** Secrets and delivery bookkeeping stay out of every answer. */
const viewOf = (endpoint: WebhookEndpoint): WebhookView => webhookViewSchema.parse(endpoint);

/** Every write is the org owners' (the routes' `ownerOnly` documents it; this enforces it). */
const assertOwner = (principal: Principal): void => {
  if (principal.role !== 'owner') throw new ForbiddenError('only owners manage webhooks');
};

const refOf = (principal: Principal, id: string) => ({ party: principal.party, orgId: principal.orgId, id });

const endpointOf = async (principal: Principal, id: string, write = true): Promise<WebhookEndpoint> => {
  if (write) assertOwner(principal);
  const endpoint = await getWebhookEndpoint(tasksDb(), refOf(principal, id));
  if (!endpoint) throw new WebhookNotFoundError();
  return endpoint;
};

/** Enabled again by an owner: the failure run and the reason are cleared. */
const reEnabled = {
  enabled: true,
  disabledReason: null,
  disabledAt: null,
  consecutiveFailures: 0,
  failingSince: undefined,
};

export const listWebhooks = async (principal: Principal) => ({
  items: (await listWebhookEndpoints(tasksDb(), principal.party, principal.orgId)).map(viewOf),
});

export const getWebhook = async (principal: Principal, id: string) => viewOf(await endpointOf(principal, id, false));

/** Registers an endpoint (409 beyond the limit); the answer carries its secret, the only time it is shown. */
export const createWebhook = async (principal: Principal, body: z.infer<typeof webhookCreateSchema>, now: Date) => {
  assertOwner(principal);
  const at = now.toISOString();
  const endpoint: WebhookEndpoint = {
    ...{ id: ulid(now.getTime()).toLowerCase(), party: principal.party, orgId: principal.orgId },
    ...{ url: body.url, eventTypes: body.eventTypes, description: body.description ?? null, enabled: body.enabled },
    ...{ disabledReason: body.enabled ? null : 'paused by an owner', disabledAt: body.enabled ? null : at },
    ...{ consecutiveFailures: 0, secret: newWebhookSecret(), previousSecret: null, previousSecretExpiresAt: null },
    ...{ version: 1, createdAt: at, updatedAt: at },
  };
  await createWebhookEndpoint(tasksDb(), endpoint);
  return { ...viewOf(endpoint), secret: endpoint.secret };
};

/** The state change `enabled` asks for, if any. */
const enabling = (endpoint: WebhookEndpoint, enabled: boolean | undefined, at: string): WebhookEndpointChanges => {
  if (enabled === undefined || enabled === endpoint.enabled) return {};
  return enabled ? reEnabled : { enabled: false, disabledReason: 'paused by an owner', disabledAt: at };
};

/** Replaces the endpoint's settings at `expectedVersion` (409 otherwise). */
export const changeWebhook = async (
  principal: Principal,
  id: string,
  body: z.infer<typeof webhookChangeSchema>,
  now: Date,
) => {
  const endpoint = await endpointOf(principal, id);
  const at = now.toISOString();
  const changes = { url: body.url, eventTypes: body.eventTypes, description: body.description ?? null };
  const stored = await changeWebhookEndpoint(tasksDb(), refOf(principal, id), body.expectedVersion, {
    ...changes,
    ...enabling(endpoint, body.enabled, at),
    updatedAt: at,
  });
  return viewOf(stored);
};

export const deleteWebhook = async (
  principal: Principal,
  id: string,
  body: z.infer<typeof webhookVersionBodySchema>,
) => {
  const endpoint = await endpointOf(principal, id);
  await deleteWebhookEndpoint(tasksDb(), refOf(principal, id), body.expectedVersion ?? endpoint.version);
  return { id, deleted: true as const };
};

/**
 * A new secret, answered once; the previous one keeps signing for 24 h (deliveries carry both signatures),
 * so a receiver switches without a gap. A second rotation within the 24 h drops the oldest at once.
 */
export const rotateWebhookSecret = async (
  principal: Principal,
  id: string,
  body: z.infer<typeof webhookVersionBodySchema>,
  now: Date,
) => {
  const endpoint = await endpointOf(principal, id);
  const secret = newWebhookSecret();
  const stored = await changeWebhookEndpoint(
    tasksDb(),
    refOf(principal, id),
    body.expectedVersion ?? endpoint.version,
    {
      secret,
      previousSecret: endpoint.secret,
      previousSecretExpiresAt: new Date(now.getTime() + WEBHOOK_SECRET_OVERLAP_MS).toISOString(),
      updatedAt: now.toISOString(),
    },
  );
  return { ...viewOf(stored), secret };
};

/** Re-enables an endpoint (paused or disabled by failures): the failure run starts again from zero. */
export const enableWebhook = async (
  principal: Principal,
  id: string,
  body: z.infer<typeof webhookVersionBodySchema>,
  now: Date,
) => {
  const endpoint = await endpointOf(principal, id);
  const stored = await changeWebhookEndpoint(
    tasksDb(),
    refOf(principal, id),
    body.expectedVersion ?? endpoint.version,
    {
      ...reEnabled,
      updatedAt: now.toISOString(),
    },
  );
  return viewOf(stored);
};
