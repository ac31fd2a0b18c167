// The webhook delivery log (issue 21): one item per (endpoint, message) in a partition per endpoint, newest first,
// written by the fan-out (pending) and by each attempt; it expires after 30 days, so a deleted endpoint's log goes too.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Party } from '@casetasks/core';
import * as z from 'zod';
import type { Db } from '../client.js';
import { readItem } from '../item-reads.js';
import { readStoredItem, readStoredItems } from '../stored-items.js';
import { ttlAttribute } from '../table-definition.js';
import { InvalidListCursorError } from './task/list-cursor.js';

/** The log is for owners debugging an integration, not an archive: 30 days, then DynamoDB's TTL removes it. */
export const WEBHOOK_DELIVERY_TTL_DAYS = 30;
export const MAX_WEBHOOK_DELIVERIES_PAGE = 100;
const ERROR_CHARS = 500;

export const webhookDeliveryStatuses = ['pending', 'delivered', 'retrying', 'failed', 'gone'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

export const webhookDeliverySchema = z.object({
  deliveryId: z.string(),
  endpointId: z.string(),
  party: z.enum(['partner', 'creditor']),
  orgId: z.string(),
  /** The outbox entry (the outgoing event's `eventId`); null for a test ping. */
  outboxId: z.string().nullable(),
  /** The `webhook-id` header: the same on every attempt. */
  messageId: z.string(),
  type: z.string(),
  /** When the event happened (a ping: when it was asked for): the log's order. */
  occurredAt: z.string(),
  status: z.enum(webhookDeliveryStatuses),
  attempts: z.number().int().min(0),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  latencyMs: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

/** Which log: one endpoint of an org and party. */
export interface WebhookLogRef {
  party: Party;
  orgId: string;
  endpointId: string;
}

/** Which delivery: its endpoint, when its event happened and its id (the sort key is built from both). */
export interface WebhookDeliveryRef extends WebhookLogRef {
  deliveryId: string;
  occurredAt: string;
}

const logPartition = (ref: WebhookLogRef) => `webhookLog#${ref.party}#${ref.orgId}#${ref.endpointId}`;
const SORT_PREFIX = 'delivery#';
const deliveryKey = (ref: WebhookDeliveryRef) => ({
  pk: logPartition(ref),
  sk: `${SORT_PREFIX}${ref.occurredAt}#${ref.deliveryId}`,
});
const fromItem = (item: Record<string, unknown>): WebhookDelivery => webhookDeliverySchema.parse(item);

/**
 * Writes a delivery as `pending` unless it exists: a fan-out retried by Lambda finds the item and does not
 * duplicate the log. Returns the delivery as stored (the existing one when it was there).
 */
export const createWebhookDelivery = async (
  db: Db,
  delivery: WebhookDelivery,
): Promise<{ created: boolean; delivery: WebhookDelivery }> => {
  try {
    await db.client.send(
      new PutCommand({
        TableName: db.tableName,
        Item: {
          ...deliveryKey(delivery),
          kind: 'webhookDelivery',
          ...delivery,
          [ttlAttribute]: Math.floor(Date.parse(delivery.createdAt) / 1000) + WEBHOOK_DELIVERY_TTL_DAYS * 86_400,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return { created: true, delivery };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    return { created: false, delivery: (await getWebhookDelivery(db, delivery)) ?? delivery };
  }
};

/** One delivery (consistent), or undefined. */
export const getWebhookDelivery = async (db: Db, ref: WebhookDeliveryRef): Promise<WebhookDelivery | undefined> => {
  const item = await readItem(db, deliveryKey(ref), true);
  return item && readStoredItem(db, item, fromItem);
};

export interface WebhookAttempt {
  status: Exclude<WebhookDeliveryStatus, 'pending'>;
  attempts: number;
  at: Date;
  lastStatus?: number;
  lastError?: string;
  latencyMs?: number;
  nextAttemptAt?: Date;
}

/**
 * Records an attempt (UpdateItem). A delivery already `delivered` is never moved back (a late duplicate message
 * cannot undo a success): undefined then, and when the item does not exist.
 */
export const recordWebhookAttempt = async (
  db: Db,
  ref: WebhookDeliveryRef,
  attempt: WebhookAttempt,
): Promise<WebhookDelivery | undefined> => {
  const at = attempt.at.toISOString();
  try {
    const { Attributes } = await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: deliveryKey(ref),
        UpdateExpression:
          'SET #status = :status, attempts = :attempts, lastStatus = :lastStatus, lastError = :lastError, ' +
          'lastAttemptAt = :at, nextAttemptAt = :next, latencyMs = :latency, updatedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND #status <> :delivered',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': attempt.status,
          ':attempts': attempt.attempts,
          ':lastStatus': attempt.lastStatus ?? null,
          ':lastError': attempt.lastError?.slice(0, ERROR_CHARS) ?? null,
          ':at': at,
          ':next': attempt.nextAttemptAt?.toISOString() ?? null,
          ':latency': attempt.latencyMs === undefined ? null : Math.round(attempt.latencyMs),
          ':delivered': 'delivered',
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return fromItem(Attributes ?? {});
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
};

/** The sort key a cursor may carry: this log's own grammar, nothing else reaches DynamoDB. */
const sortKeySchema = z
  .string()
  .max(200)
  .regex(/^delivery#\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})#[A-Za-z0-9_-]{1,100}$/);

const encodeCursor = (sk: string): string => Buffer.from(JSON.stringify({ sk }), 'utf8').toString('base64url');

/** Whether a cursor is one this log could have made: the route's schema refuses any other with a 400 on `cursor`. */
export const isWebhookDeliveriesCursor = (cursor: string): boolean => {
  try {
    decodeCursor(cursor);
    return true;
  } catch {
    return false;
  }
};

const decodeCursor = (cursor: string): string => {
  try {
    const parsed = z
      .strictObject({ sk: sortKeySchema })
      .safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString()));
    if (parsed.success) return parsed.data.sk;
  } catch {
    // not JSON: refused below
  }
  throw new InvalidListCursorError();
};

/**
 * A page of an endpoint's log, newest first: one Query (`limit` ≤ 100), continued by the opaque `cursor` of the
 * previous page (a sort key of this log's grammar; the partition is always the caller's, so a cursor cannot
 * reach another log). InvalidListCursorError (400 on `cursor`) for anything else.
 */
export const listWebhookDeliveries = async (
  db: Db,
  ref: WebhookLogRef,
  { limit, cursor }: { limit: number; cursor?: string | undefined },
): Promise<{ items: WebhookDelivery[]; nextCursor: string | null }> => {
  const pk = logPartition(ref);
  const { Items, LastEvaluatedKey } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': SORT_PREFIX },
      ScanIndexForward: false,
      Limit: Math.min(Math.max(1, limit), MAX_WEBHOOK_DELIVERIES_PAGE),
      ...(cursor === undefined ? {} : { ExclusiveStartKey: { pk, sk: decodeCursor(cursor) } }),
    }),
  );
  const last = typeof LastEvaluatedKey?.sk === 'string' ? LastEvaluatedKey.sk : undefined;
  return { items: readStoredItems(db, Items ?? [], fromItem), nextCursor: last ? encodeCursor(last) : null };
};
