// E-mail preferences (issue 21): one item per user in `mailusers#{party}#{org}` (so an org's recipients are one paged
// Query), a lookup item per unsubscribe token, and the digest's due entry on the item itself (surveyDue index, own shards).
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { emailStatusSchema, type Party, portalRoleSchema } from '@casetasks/core';
import * as z from 'zod';
import type { Db } from '../client.js';
import { ItemConflictError } from '../errors.js';
import { readItem } from '../item-reads.js';
import { instantSortKey } from '../keys/instant-key.js';
import { shardOf } from '../keys/shard.js';
import { readStoredItem, readStoredItems } from '../stored-items.js';
import { indexes } from '../table-definition.js';
import { Transaction } from '../transaction.js';

export const notificationPreferencesSchema = z.object({
  party: z.enum(['partner', 'creditor']),
  orgId: z.string(),
  userId: z.string(),
  /** The role the token carried at the last change: escalation mail goes to the roles the event names. */
  role: portalRoleSchema,
  email: z.string().nullable(),
  emailStatus: emailStatusSchema,
  suppressedReason: z.string().optional(),
  approaching: z.boolean(),
  overdue: z.boolean(),
  escalated: z.boolean(),
  digest: z.boolean(),
  digestHour: z.number().int().min(0).max(23),
  /** SHA-256 of the pending confirmation code and when it stops working. */
  confirmCodeHash: z.string().optional(),
  confirmExpiresAt: z.string().optional(),
  unsubscribeToken: z.string(),
  /** When the next digest is due (only while `digest` is on). */
  nextDigestAt: z.string().optional(),
  version: z.number().int().positive(),
  updatedAt: z.string(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export interface MailUser {
  party: Party;
  orgId: string;
  userId: string;
}

/** A preferences write that lost a race (changed meanwhile): 409, nothing written. */
export class NotificationPreferencesConflictError extends ItemConflictError {
  override readonly name = 'NotificationPreferencesConflictError';
  constructor() {
    super('your notification preferences changed meanwhile; reload and try again', 'expectedVersion');
  }
}

/** Users of one org read per page when looking for recipients. */
const USERS_PAGE = 100;
/** Claims outlive every retry and overlap; then the TTL removes them. */
const CLAIM_TTL_SECONDS = 45 * 86_400;

const usersPartition = (party: Party, orgId: string) => `mailusers#${party}#${orgId}`;
const userSortKey = (userId: string) => `user#${userId}`;
const preferencesItemKey = (user: MailUser) => ({
  pk: usersPartition(user.party, user.orgId),
  sk: userSortKey(user.userId),
});
const tokenItemKey = (token: string) => ({ pk: `mail-unsubscribe#${token}`, sk: 'token' });
const digestDuePartition = (shard: number) => `mail-digest#${shard}`;
const userId = (user: MailUser) => `${user.party}#${user.orgId}#${user.userId}`;

const fromPreferencesItem = (item: Record<string, unknown>): NotificationPreferences =>
  notificationPreferencesSchema.parse(item);

const toPreferencesItem = (preferences: NotificationPreferences) => ({
  ...preferencesItemKey(preferences),
  kind: 'notificationPreferences',
  ...preferences,
  ...(preferences.digest && preferences.nextDigestAt
    ? {
        [indexes.surveyDue.partitionKey]: digestDuePartition(shardOf(userId(preferences))),
        [indexes.surveyDue.sortKey]: instantSortKey(preferences.nextDigestAt, userId(preferences), 'nextDigestAt'),
      }
    : {}),
});

/** The user's stored preferences (consistent), or undefined when none are stored. */
export const getNotificationPreferences = async (db: Db, user: MailUser) => {
  const item = await readItem(db, preferencesItemKey(user), true);
  return item && readStoredItem(db, item, fromPreferencesItem);
};

/**
 * Stores the preferences at `previousVersion` (0: none stored yet) and, for a new token, its lookup item
 * in the same transaction, so an unsubscribe link never points at nothing.
 */
export const saveNotificationPreferences = async (
  db: Db,
  next: NotificationPreferences,
  previousVersion: number,
  newToken: boolean,
): Promise<void> => {
  const tx = new Transaction(db).put(
    toPreferencesItem(next),
    previousVersion === 0
      ? { expression: 'attribute_not_exists(pk)' }
      : { expression: 'version = :version', values: { ':version': previousVersion } },
    () => new NotificationPreferencesConflictError(),
  );
  if (newToken) {
    tx.put(
      {
        ...tokenItemKey(next.unsubscribeToken),
        kind: 'mailUnsubscribeToken',
        party: next.party,
        orgId: next.orgId,
        userId: next.userId,
      },
      { expression: 'attribute_not_exists(pk)' },
    );
  }
  await tx.commit();
};

const mailUserSchema = z.object({ party: z.enum(['partner', 'creditor']), orgId: z.string(), userId: z.string() });

/** The user an unsubscribe token belongs to, or undefined. */
export const userOfUnsubscribeToken = async (db: Db, token: string): Promise<MailUser | undefined> => {
  const item = await readItem(db, tokenItemKey(token), true);
  return item && readStoredItem(db, item, (stored) => mailUserSchema.parse(stored));
};

/** Every user of a (party, org) with stored preferences, page by page (one Query per page, never a Scan). */
export const mailUsersOfOrg = async (db: Db, party: Party, orgId: string): Promise<NotificationPreferences[]> => {
  const users: NotificationPreferences[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': usersPartition(party, orgId) },
        Limit: USERS_PAGE,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    users.push(...readStoredItems(db, page.Items ?? [], fromPreferencesItem));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return users;
};

/** Moves the user's next digest (or takes it out of the due index when `at` is undefined); keeps the version. */
export const rescheduleDigest = async (db: Db, user: MailUser, at: string | undefined): Promise<void> => {
  await db.client.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: preferencesItemKey(user),
      ConditionExpression: 'attribute_exists(pk)',
      ...(at
        ? {
            UpdateExpression: 'SET nextDigestAt = :at, #dpk = :dpk, #dsk = :dsk',
            ExpressionAttributeNames: { '#dpk': indexes.surveyDue.partitionKey, '#dsk': indexes.surveyDue.sortKey },
            ExpressionAttributeValues: {
              ':at': at,
              ':dpk': digestDuePartition(shardOf(userId(user))),
              ':dsk': instantSortKey(at, userId(user), 'nextDigestAt'),
            },
          }
        : {
            UpdateExpression: 'REMOVE nextDigestAt, #dpk, #dsk',
            ExpressionAttributeNames: { '#dpk': indexes.surveyDue.partitionKey, '#dsk': indexes.surveyDue.sortKey },
          }),
    }),
  );
};

/** Where the digest job finds due users: the surveyDue index under its own partitions. */
export const digestDueSource = {
  index: 'surveyDue' as const,
  partition: digestDuePartition,
  parse: fromPreferencesItem,
};

// ---- exactly-once claims ------------------------------------------------------------------------

/** The point a mail claim stands for, e.g. ('overdue', taskId) or ('digest', day). */
export const mailPoint = (...parts: string[]): string => parts.join('#');

const claimItemKey = (user: MailUser, point: string) => ({ pk: `mail-claim#${userId(user)}`, sk: point });

/**
 * Takes the claim of one mail (user and point, e.g. `overdue#{taskId}` or `digest#{day}`): true when this
 * caller may send it. Conditional put: absent, or a `sending` claim whose lease ran out (a crashed sender).
 */
export const claimMail = async (
  db: Db,
  user: MailUser,
  point: string,
  now: Date,
  leaseMs: number,
): Promise<boolean> => {
  try {
    await db.client.send(
      new PutCommand({
        TableName: db.tableName,
        Item: {
          ...claimItemKey(user, point),
          kind: 'mailClaim',
          status: 'sending',
          leaseUntil: now.getTime() + leaseMs,
          expiresAt: Math.floor(now.getTime() / 1000) + CLAIM_TTL_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk) OR (#status = :sending AND leaseUntil < :now)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sending': 'sending', ':now': now.getTime() },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
};

/** The mail went out: the claim stays (until its TTL) so no later run sends it again. */
export const markMailSent = async (db: Db, user: MailUser, point: string, messageId: string): Promise<void> => {
  await db.client.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: claimItemKey(user, point),
      UpdateExpression: 'SET #status = :sent, messageId = :id REMOVE leaseUntil',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':sent': 'sent', ':id': messageId },
    }),
  );
};

/** The send failed: the claim goes (only while still `sending`), so the retry may take it again. */
export const releaseMailClaim = async (db: Db, user: MailUser, point: string): Promise<void> => {
  try {
    await db.client.send(
      new DeleteCommand({
        TableName: db.tableName,
        Key: claimItemKey(user, point),
        ConditionExpression: '#status = :sending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sending': 'sending' },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
};
