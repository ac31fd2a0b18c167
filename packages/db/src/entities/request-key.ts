// Idempotency-Key records of portal creates: a retried POST /tasks finds the task its first attempt made.
import type { Party } from '@casetasks/core';
import type { Db } from '../client.js';
import { readItem } from '../item-reads.js';
import { ttlAttribute } from '../table-definition.js';
import type { Transaction } from '../transaction.js';

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

/** The key a create claims, with the fingerprint of its body. */
export interface RequestKeyClaim {
  ref: RequestKeyRef;
  fingerprint: string;
}

/** The Idempotency-Key was already used (and has not expired): the caller replays or refuses. */
export class RequestKeyUsedError extends Error {
  constructor(readonly ref: RequestKeyRef) {
    super(`idempotency key ${ref.key} was already used`);
    this.name = 'RequestKeyUsedError';
  }
}

/** Keys are per caller: two users (or orgs) may use the same key string without colliding. */
const requestKey = (ref: RequestKeyRef) => ({
  pk: `request#${ref.party}#${ref.orgId}#${ref.userId}`,
  sk: `key#${ref.key}`,
});

const toRequestKeyItem = (ref: RequestKeyRef, taskId: string, fingerprint: string, now: Date) => ({
  ...requestKey(ref),
  kind: 'request-key',
  taskId,
  fingerprint,
  [ttlAttribute]: Math.floor(now.getTime() / 1000) + REQUEST_KEY_TTL_HOURS * 3600,
});

const fromRequestKeyItem = (item: Record<string, unknown>): RequestKeyRecord | undefined =>
  typeof item.taskId === 'string' && typeof item.fingerprint === 'string' && typeof item[ttlAttribute] === 'number'
    ? { taskId: item.taskId, fingerprint: item.fingerprint, expiresAtEpoch: item[ttlAttribute] }
    : undefined;

/** Records the key for `taskId` in the create's transaction; a live record of the key fails it (RequestKeyUsedError). */
export const addRequestKeyClaim = (tx: Transaction, claim: RequestKeyClaim, taskId: string, now: Date): Transaction =>
  tx.put(
    toRequestKeyItem(claim.ref, taskId, claim.fingerprint, now),
    // An expired record that TTL has not deleted yet no longer holds the key.
    {
      expression: 'attribute_not_exists(pk) OR #expires < :now',
      names: { '#expires': ttlAttribute },
      values: { ':now': Math.floor(now.getTime() / 1000) },
    },
    () => new RequestKeyUsedError(claim.ref),
  );

/** The record of a caller's Idempotency-Key, read consistently; undefined when the key is unused. */
export const getRequestKeyRecord = async (db: Db, ref: RequestKeyRef): Promise<RequestKeyRecord | undefined> => {
  const item = await readItem(db, requestKey(ref), true);
  return item ? fromRequestKeyItem(item) : undefined;
};
