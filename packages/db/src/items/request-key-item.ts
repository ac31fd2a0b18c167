// Idempotency-Key records of portal creates: a retried POST /tasks finds the task its first attempt made.
import type { Party } from '@casetasks/core';
import { ttlAttribute } from '../table-definition.js';

/** How long a key is remembered; after that the same key creates a new task. */
export const REQUEST_KEY_TTL_HOURS = 24;

export interface RequestKeyRef {
  party: Party;
  orgId: string;
  userId: string;
  /** The client's Idempotency-Key header. */
  key: string;
}

export interface RequestKeyRecord {
  taskId: string;
  /** Hash of the request body: the same key with another body is refused. */
  fingerprint: string;
  expiresAtEpoch: number;
}

/** Keys are per caller: two users (or orgs) may use the same key string without colliding. */
export const requestKey = (ref: RequestKeyRef) => ({
  pk: `request#${ref.party}#${ref.orgId}#${ref.userId}`,
  sk: `key#${ref.key}`,
});

export const toRequestKeyItem = (ref: RequestKeyRef, taskId: string, fingerprint: string, now: Date) => ({
  ...requestKey(ref),
  kind: 'request-key',
  taskId,
  fingerprint,
  [ttlAttribute]: Math.floor(now.getTime() / 1000) + REQUEST_KEY_TTL_HOURS * 3600,
});

export const fromRequestKeyItem = (item: Record<string, unknown>): RequestKeyRecord | undefined =>
  typeof item.taskId === 'string' && typeof item.fingerprint === 'string' && typeof item[ttlAttribute] === 'number'
    ? { taskId: item.taskId, fingerprint: item.fingerprint, expiresAtEpoch: item[ttlAttribute] }
    : undefined;
