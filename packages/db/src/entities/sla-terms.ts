// SLA terms of a creditor (issue 19): one partition per (creditor, partner or `*`), one immutable item per
// version sorted by when it took effect, and a head item holding the latest version number (optimistic lock).
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type SlaTermsVersion, slaTermsVersionSchema } from '@casetasks/core';
import type { Db } from '../client.js';
import { VersionConflictError } from '../errors.js';
import { readItem } from '../item-reads.js';
import { instantKey, instantKeyThrough } from '../keys/instant-key.js';
import { readStoredItems } from '../stored-items.js';
import { type StepWrite, stepTransaction } from './applied-marker.js';

/** Whose terms: the creditor's for every partner (partnerOrgId null) or its agreement with one partner. */
export interface SlaTermsOwner {
  creditorOrgId: string;
  partnerOrgId: string | null;
}

const termsPartition = (owner: SlaTermsOwner) => `slaterms#${owner.creditorOrgId}#${owner.partnerOrgId ?? '*'}`;
const headKey = (owner: SlaTermsOwner) => ({ pk: termsPartition(owner), sk: 'head' });
const VERSION_PREFIX = 'v#';
/** `v#{effectiveFrom}#{version:8}`: by effect time, so "in force at T" is the last key at or before T. */
const versionSortKey = (version: SlaTermsVersion) =>
  `${VERSION_PREFIX}${instantKey(version.effectiveFrom, 'effectiveFrom')}#${String(version.version).padStart(8, '0')}`;

/** The terms were changed since the caller read them (a stale expectedVersion, or a concurrent writer): 409. */
export class SlaTermsChangedError extends VersionConflictError {
  constructor(owner: SlaTermsOwner, expected: number) {
    super(termsPartition(owner));
    this.message = `the SLA terms are no longer at version ${expected}; reload and try again`;
    this.name = 'SlaTermsChangedError';
  }
}

const fromTermsItem = (item: Record<string, unknown>): SlaTermsVersion => slaTermsVersionSchema.parse(item);

/** The latest version number written (0 when none): what the next version is numbered after. */
export const latestSlaTermsVersion = async (db: Db, owner: SlaTermsOwner): Promise<number> => {
  const head = await readItem(db, headKey(owner), true);
  return typeof head?.latestVersion === 'number' ? head.latestVersion : 0;
};

/** Versions by effect time, newest first: at most `limit`, only those effective at or before `through` when given. */
const queryVersions = async (db: Db, owner: SlaTermsOwner, limit: number, through?: string) => {
  const upper = through === undefined ? `${VERSION_PREFIX}\uffff` : `${VERSION_PREFIX}${instantKeyThrough(through)}`;
  const { Items } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': termsPartition(owner), ':from': VERSION_PREFIX, ':to': upper },
      ScanIndexForward: false,
      ConsistentRead: true,
      Limit: limit,
    }),
  );
  return readStoredItems(db, Items ?? [], fromTermsItem);
};

/** The version in force at `at` (the latest effective at or before it), whatever order versions were written in. */
export const slaTermsInForce = async (db: Db, owner: SlaTermsOwner, at: string): Promise<SlaTermsVersion | undefined> =>
  (await queryVersions(db, owner, 1, at))[0];

/** The newest versions by effect time (one Query, `limit` items). */
export const slaTermsVersions = (db: Db, owner: SlaTermsOwner, limit: number): Promise<SlaTermsVersion[]> =>
  queryVersions(db, owner, limit);

/**
 * Adds a version: the head moves from `version - 1` to `version` on condition that it still holds
 * `version - 1` (two writers racing: one wins, the other gets SlaTermsChangedError), and the version item
 * is written once (attribute_not_exists), in one transaction with the event step's marker.
 */
export const putSlaTermsVersion = async (db: Db, version: SlaTermsVersion, options: StepWrite = {}): Promise<void> => {
  const owner = { creditorOrgId: version.creditorOrgId, partnerOrgId: version.partnerOrgId };
  const previous = version.version - 1;
  const [tx] = stepTransaction(db, options);
  const changed = () => new SlaTermsChangedError(owner, previous);
  await tx
    .put(
      { ...headKey(owner), kind: 'slaTermsHead', latestVersion: version.version },
      previous === 0
        ? { expression: 'attribute_not_exists(pk)' }
        : { expression: 'latestVersion = :previous', values: { ':previous': previous } },
      changed,
    )
    .put(
      { pk: termsPartition(owner), sk: versionSortKey(version), kind: 'slaTerms', ...version },
      { expression: 'attribute_not_exists(pk)' },
      changed,
    )
    .commit();
};
