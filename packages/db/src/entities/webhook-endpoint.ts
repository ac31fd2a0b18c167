// Webhook endpoints (issue 21): an org's endpoints live in one partition `webhooks#{party}#{org}` beside a counter
// (the 10 limit), so listing them and finding those subscribed to a detail-type are one Query each.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  failuresDisable,
  MAX_WEBHOOK_ENDPOINTS,
  type Party,
  WEBHOOK_DISABLE_AFTER_FAILURES,
  WEBHOOK_DISABLE_AFTER_MS,
} from '@casetasks/core';
import * as z from 'zod';
import type { Db } from '../client.js';
import { ItemConflictError } from '../errors.js';
import { readItem } from '../item-reads.js';
import { readStoredItem, readStoredItems } from '../stored-items.js';
import { Transaction } from '../transaction.js';

export const webhookEndpointSchema = z.object({
  id: z.string(),
  party: z.enum(['partner', 'creditor']),
  orgId: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  description: z.string().nullable(),
  /** false: paused by an owner, or disabled by the delivery rule (`disabledReason` says which). */
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  disabledAt: z.string().nullable(),
  /** Failed deliveries in a row, and when the run began (absent: none failing). */
  consecutiveFailures: z.number().int().min(0),
  failingSince: z.string().optional(),
  /** `whsec_…`; the previous one still signs until `previousSecretExpiresAt` after a rotation. */
  secret: z.string(),
  previousSecret: z.string().nullable(),
  previousSecretExpiresAt: z.string().nullable(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

/** Which endpoint: the org and party it belongs to and its id. */
export interface WebhookEndpointRef {
  party: Party;
  orgId: string;
  id: string;
}

/** A refused endpoint write (limit reached, changed meanwhile): 409, nothing written. */
export class WebhookEndpointConflictError extends ItemConflictError {
  override readonly name = 'WebhookEndpointConflictError';
}

const orgPartition = (party: Party, orgId: string) => `webhooks#${party}#${orgId}`;
const endpointKey = (ref: WebhookEndpointRef) => ({ pk: orgPartition(ref.party, ref.orgId), sk: `endpoint#${ref.id}` });
const counterKey = (party: Party, orgId: string) => ({ pk: orgPartition(party, orgId), sk: 'count' });
const fromEndpointItem = (item: Record<string, unknown>): WebhookEndpoint => webhookEndpointSchema.parse(item);
const changed = (id: string) => () =>
  new WebhookEndpointConflictError(`webhook ${id} was changed meanwhile; reload and try again`, 'expectedVersion');

/** One endpoint (consistent), or undefined. */
export const getWebhookEndpoint = async (db: Db, ref: WebhookEndpointRef): Promise<WebhookEndpoint | undefined> => {
  const item = await readItem(db, endpointKey(ref), true);
  return item && readStoredItem(db, item, fromEndpointItem);
};

/** Every endpoint of an org and party: at most 10, so one page. */
export const listWebhookEndpoints = async (db: Db, party: Party, orgId: string): Promise<WebhookEndpoint[]> => {
  const { Items } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :endpoint)',
      ExpressionAttributeValues: { ':pk': orgPartition(party, orgId), ':endpoint': 'endpoint#' },
      ConsistentRead: true,
    }),
  );
  return readStoredItems(db, Items ?? [], fromEndpointItem);
};

/**
 * The enabled endpoints of an org and party subscribed to a detail-type (the fan-out's read): one Query, the
 * filter drops at most 10 items, and no Limit, since a Limit would count the items filtered out.
 */
export const subscribedWebhookEndpoints = async (
  db: Db,
  party: Party,
  orgId: string,
  detailType: string,
): Promise<WebhookEndpoint[]> => {
  const { Items } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :endpoint)',
      FilterExpression: 'enabled = :true AND contains(eventTypes, :type)',
      ExpressionAttributeValues: {
        ':pk': orgPartition(party, orgId),
        ':endpoint': 'endpoint#',
        ':true': true,
        ':type': detailType,
      },
    }),
  );
  return readStoredItems(db, Items ?? [], fromEndpointItem);
};

/** Creates an endpoint: the counter moves only while below the limit, so two racing creates cannot pass it. */
export const createWebhookEndpoint = async (db: Db, endpoint: WebhookEndpoint): Promise<void> => {
  await new Transaction(db)
    .add(
      {
        Update: {
          TableName: db.tableName,
          Key: counterKey(endpoint.party, endpoint.orgId),
          UpdateExpression: 'SET kind = :kind ADD endpointCount :one',
          ConditionExpression: 'attribute_not_exists(endpointCount) OR endpointCount < :max',
          ExpressionAttributeValues: { ':kind': 'webhookEndpointCount', ':one': 1, ':max': MAX_WEBHOOK_ENDPOINTS },
        },
      },
      () => new WebhookEndpointConflictError(`at most ${MAX_WEBHOOK_ENDPOINTS} webhooks per organisation`),
    )
    .put({ ...endpointKey(endpoint), kind: 'webhookEndpoint', ...endpoint }, { expression: 'attribute_not_exists(pk)' })
    .commit();
};

/** The attributes an owner's write sets; `undefined` values are removed. */
export type WebhookEndpointChanges = Partial<Omit<WebhookEndpoint, 'id' | 'party' | 'orgId' | 'version' | 'createdAt'>>;

/**
 * Sets `changes` on an endpoint still at `expectedVersion` and moves it to the next version; only the named
 * attributes are written, so delivery counters recorded meanwhile are kept. Returns the endpoint as stored.
 */
export const changeWebhookEndpoint = async (
  db: Db,
  ref: WebhookEndpointRef,
  expectedVersion: number,
  changes: WebhookEndpointChanges & { updatedAt: string },
): Promise<WebhookEndpoint> => {
  const entries = Object.entries(changes);
  const set = entries.filter(([, value]) => value !== undefined);
  const removed = entries.filter(([, value]) => value === undefined);
  const names = Object.fromEntries(entries.map(([name], index) => [`#a${index}`, name]));
  const nameOf = (name: string) => `#a${entries.findIndex(([entry]) => entry === name)}`;
  const expression = [
    `SET ${[...set.map(([name]) => `${nameOf(name)} = :${name}`), 'version = :next'].join(', ')}`,
    ...(removed.length ? [`REMOVE ${removed.map(([name]) => nameOf(name)).join(', ')}`] : []),
  ].join(' ');
  try {
    const { Attributes } = await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: endpointKey(ref),
        UpdateExpression: expression,
        ConditionExpression: 'version = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: {
          ...Object.fromEntries(set.map(([name, value]) => [`:${name}`, value])),
          ':expected': expectedVersion,
          ':next': expectedVersion + 1,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return fromEndpointItem(Attributes ?? {});
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw changed(ref.id)();
    throw error;
  }
};

/** Deletes an endpoint still at its version, and frees its place under the limit. */
export const deleteWebhookEndpoint = async (db: Db, ref: WebhookEndpointRef, expectedVersion: number) => {
  await new Transaction(db)
    .add(
      {
        Delete: {
          TableName: db.tableName,
          Key: endpointKey(ref),
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': expectedVersion },
        },
      },
      changed(ref.id),
    )
    .add(
      {
        Update: {
          TableName: db.tableName,
          Key: counterKey(ref.party, ref.orgId),
          UpdateExpression: 'ADD endpointCount :minus',
          ExpressionAttributeValues: { ':minus': -1 },
        },
      },
      changed(ref.id),
    )
    .commit();
};

/** What one delivery attempt came to, as the sender classifies it. */
export interface DeliveryOutcome {
  kind: 'delivered' | 'gone' | 'retry';
  at: Date;
  /** The HTTP status, when there was an answer. */
  status?: number;
}

export interface RecordedOutcome {
  consecutiveFailures: number;
  /** This outcome disabled the endpoint. */
  disabled: boolean;
}

const updateOrUndefined = async (db: Db, input: ConstructorParameters<typeof UpdateCommand>[0]) => {
  try {
    const { Attributes } = await db.client.send(new UpdateCommand({ ...input, ReturnValues: 'ALL_NEW' }));
    return Attributes;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
};

const DISABLED_BY_GONE = 'the endpoint answered 410 Gone';
const DISABLED_BY_FAILURES = `${WEBHOOK_DISABLE_AFTER_FAILURES} failed deliveries in a row over at least ${WEBHOOK_DISABLE_AFTER_MS / 3_600_000} h`;

/**
 * Records a delivery's outcome on its endpoint: a success resets the run of failures, a failure extends it
 * (atomic ADD), and the endpoint is disabled at once on 410 or when the run reaches the rule (core
 * `failuresDisable`): a second conditional update, so a success recorded in between keeps it enabled.
 * Disabling moves the version (an owner's stale edit then gets 409). undefined: the endpoint is gone.
 */
export const recordDeliveryOutcome = async (
  db: Db,
  ref: WebhookEndpointRef,
  outcome: DeliveryOutcome,
): Promise<RecordedOutcome | undefined> => {
  const at = outcome.at.toISOString();
  const base = { TableName: db.tableName, Key: endpointKey(ref), ConditionExpression: 'attribute_exists(pk)' };
  if (outcome.kind === 'delivered') {
    const after = await updateOrUndefined(db, {
      ...base,
      UpdateExpression: 'SET consecutiveFailures = :zero REMOVE failingSince',
      ExpressionAttributeValues: { ':zero': 0 },
    });
    return after && { consecutiveFailures: 0, disabled: false };
  }
  const failed = await updateOrUndefined(db, {
    ...base,
    UpdateExpression: 'SET failingSince = if_not_exists(failingSince, :at) ADD consecutiveFailures :one',
    ExpressionAttributeValues: { ':at': at, ':one': 1 },
  });
  if (!failed) return undefined;
  const endpoint = fromEndpointItem(failed);
  const gone = outcome.kind === 'gone';
  if (
    !endpoint.enabled ||
    !(gone || failuresDisable(endpoint.consecutiveFailures, endpoint.failingSince ?? at, outcome.at))
  )
    return { consecutiveFailures: endpoint.consecutiveFailures, disabled: false };
  const disabled = await updateOrUndefined(db, {
    ...base,
    UpdateExpression: 'SET enabled = :false, disabledReason = :reason, disabledAt = :at, version = version + :one',
    ConditionExpression: gone
      ? 'enabled = :true'
      : 'enabled = :true AND consecutiveFailures >= :failures AND failingSince <= :since',
    ExpressionAttributeValues: {
      ...{ ':false': false, ':true': true, ':at': at, ':one': 1 },
      ':reason': gone ? DISABLED_BY_GONE : DISABLED_BY_FAILURES,
      ...(gone
        ? {}
        : {
            ':failures': WEBHOOK_DISABLE_AFTER_FAILURES,
            ':since': new Date(outcome.at.getTime() - WEBHOOK_DISABLE_AFTER_MS).toISOString(),
          }),
    },
  });
  return { consecutiveFailures: endpoint.consecutiveFailures, disabled: disabled !== undefined };
};
