// Idempotency-Key replay of the extension requests (issue 19): the same key and body answer the target as it is now.

import { createHash } from 'node:crypto';
import { type Principal, TaskStateError } from '@casetasks/core';
import { getRequestKeyRecord, type RequestKeyRef } from '@casetasks/db';
import { tasksDb } from '../runtime/clients.js';

/** The caller's key, or undefined without an Idempotency-Key header. */
export const requestKeyRefOf = (principal: Principal, key: string | undefined): RequestKeyRef | undefined =>
  key === undefined
    ? undefined
    : { party: principal.party, orgId: principal.orgId, userId: principal.userId, key: key };

/** What a request is recognised by when retried: its target and body. */
export const requestFingerprint = (request: Record<string, unknown>): string =>
  createHash('sha256').update(JSON.stringify(request)).digest('base64url');

/**
 * Whether a live record of the key already holds this request (same target, same body): the caller then replays.
 * The key used for anything else is a conflict (409); an unused or expired key is not a replay.
 */
export const isReplay = async (ref: RequestKeyRef, target: string, fingerprint: string, now: Date) => {
  const record = await getRequestKeyRecord(tasksDb(), ref);
  if (!record || record.expiresAtEpoch * 1000 <= now.getTime()) return false;
  if (record.taskId !== target || record.fingerprint !== fingerprint) {
    throw new TaskStateError('Idempotency-Key was already used for a different request', 'Idempotency-Key');
  }
  return true;
};
