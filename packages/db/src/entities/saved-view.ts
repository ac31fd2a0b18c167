// Saved views (issue 20): a user's named filter sets of GET /tasks. Own views live in the user's partition
// `views#{party}#{org}#{user}` beside a counter (the 50 limit) and one name item per view (unique names);
// a shared view is copied to `views-shared#{party}#{org}` in the same transaction, so listing is two Queries.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Party } from '@casetasks/core';
import * as z from 'zod';
import type { Db } from '../client.js';
import { ItemConflictError } from '../errors.js';
import { readItem } from '../item-reads.js';
import { readStoredItem, readStoredItems } from '../stored-items.js';
import { Transaction } from '../transaction.js';

export const MAX_VIEWS_PER_USER = 50;
/** Shared views listed per org and party: 50 per sharer, so this bounds the second Query's page. */
export const MAX_SHARED_VIEWS_LISTED = 200;

export const savedViewSchema = z.object({
  id: z.string(),
  party: z.enum(['partner', 'creditor']),
  orgId: z.string(),
  ownerId: z.string(),
  name: z.string(),
  filters: z.record(z.string(), z.string()),
  shared: z.boolean(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export interface ViewOwner {
  party: Party;
  orgId: string;
  userId: string;
}

/** A refused saved-view write (limit reached, name taken, changed meanwhile): 409, nothing written. */
export class SavedViewConflictError extends ItemConflictError {
  override readonly name = 'SavedViewConflictError';
}

const ownPartition = (owner: ViewOwner) => `views#${owner.party}#${owner.orgId}#${owner.userId}`;
const sharedPartition = (party: Party, orgId: string) => `views-shared#${party}#${orgId}`;
const ownerOf = (view: SavedView): ViewOwner => ({ party: view.party, orgId: view.orgId, userId: view.ownerId });
const viewSortKey = (id: string) => `view#${id}`;
const counterKey = (owner: ViewOwner) => ({ pk: ownPartition(owner), sk: 'count' });
/** Names are unique case-insensitively, after trimming. */
const nameKey = (view: SavedView) => ({
  pk: ownPartition(ownerOf(view)),
  sk: `name#${view.name.trim().toLowerCase()}`,
});
const ownKey = (view: SavedView) => ({ pk: ownPartition(ownerOf(view)), sk: viewSortKey(view.id) });
const sharedKey = (view: SavedView) => ({ pk: sharedPartition(view.party, view.orgId), sk: viewSortKey(view.id) });

const fromViewItem = (item: Record<string, unknown>): SavedView => savedViewSchema.parse(item);
const nameTaken = () => new SavedViewConflictError('you already have a view with this name', 'name');
const changed = (view: SavedView) => () =>
  new SavedViewConflictError(`view ${view.id} was changed meanwhile; reload and try again`, 'expectedVersion');

/** One of the user's own views (consistent), or undefined. */
export const getOwnSavedView = async (db: Db, owner: ViewOwner, id: string): Promise<SavedView | undefined> => {
  const item = await readItem(db, { pk: ownPartition(owner), sk: viewSortKey(id) }, true);
  return item && readStoredItem(db, item, fromViewItem);
};

/** A view shared with the org and party, whoever made it, or undefined. */
export const getSharedSavedView = async (db: Db, party: Party, orgId: string, id: string) => {
  const item = await readItem(db, { pk: sharedPartition(party, orgId), sk: viewSortKey(id) }, true);
  return item && readStoredItem(db, item, fromViewItem);
};

const queryViews = async (db: Db, pk: string, limit: number) => {
  const { Items } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :view)',
      ExpressionAttributeValues: { ':pk': pk, ':view': 'view#' },
      Limit: limit,
    }),
  );
  return readStoredItems(db, Items ?? [], fromViewItem);
};

/** The user's own views and those shared in its org and party (two Queries); own copies win. */
export const listSavedViews = async (db: Db, owner: ViewOwner): Promise<SavedView[]> => {
  const [own, shared] = await Promise.all([
    queryViews(db, ownPartition(owner), MAX_VIEWS_PER_USER),
    queryViews(db, sharedPartition(owner.party, owner.orgId), MAX_SHARED_VIEWS_LISTED),
  ]);
  const ownIds = new Set(own.map((view) => view.id));
  return [...own, ...shared.filter((view) => !ownIds.has(view.id))];
};

/** Creates a view: the counter moves only while below the limit, so two racing creates cannot pass it. */
export const createSavedView = async (db: Db, view: SavedView): Promise<void> => {
  const tx = new Transaction(db)
    .add(
      {
        Update: {
          TableName: db.tableName,
          Key: counterKey(ownerOf(view)),
          UpdateExpression: 'SET kind = :kind ADD viewCount :one',
          ConditionExpression: 'attribute_not_exists(viewCount) OR viewCount < :max',
          ExpressionAttributeValues: { ':kind': 'savedViewCount', ':one': 1, ':max': MAX_VIEWS_PER_USER },
        },
      },
      () => new SavedViewConflictError(`at most ${MAX_VIEWS_PER_USER} views per user; delete one first`),
    )
    .put(
      { ...nameKey(view), kind: 'savedViewName', viewId: view.id },
      { expression: 'attribute_not_exists(pk)' },
      nameTaken,
    )
    .put({ ...ownKey(view), kind: 'savedView', ...view }, { expression: 'attribute_not_exists(pk)' });
  if (view.shared) tx.put({ ...sharedKey(view), kind: 'savedViewShared', ...view });
  await tx.commit();
};

/** Replaces `previous` by `next` on condition it is still at `previous.version`; name item and shared copy follow. */
export const replaceSavedView = async (db: Db, previous: SavedView, next: SavedView): Promise<void> => {
  const tx = new Transaction(db).put(
    { ...ownKey(next), kind: 'savedView', ...next },
    { expression: 'version = :version', values: { ':version': previous.version } },
    changed(previous),
  );
  if (nameKey(previous).sk !== nameKey(next).sk) {
    tx.add({ Delete: { TableName: db.tableName, Key: nameKey(previous) } }, changed(previous));
    tx.put(
      { ...nameKey(next), kind: 'savedViewName', viewId: next.id },
      { expression: 'attribute_not_exists(pk)' },
      nameTaken,
    );
  }
  if (next.shared) tx.put({ ...sharedKey(next), kind: 'savedViewShared', ...next });
  else if (previous.shared)
    tx.add({ Delete: { TableName: db.tableName, Key: sharedKey(previous) } }, changed(previous));
  await tx.commit();
};

/** Deletes a view still at its version, with its name item, shared copy and a counter decrement. */
export const deleteSavedView = async (db: Db, view: SavedView): Promise<void> => {
  const tx = new Transaction(db)
    .add(
      {
        Delete: {
          TableName: db.tableName,
          Key: ownKey(view),
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': view.version },
        },
      },
      changed(view),
    )
    .add({ Delete: { TableName: db.tableName, Key: nameKey(view) } }, changed(view))
    .add(
      {
        Update: {
          TableName: db.tableName,
          Key: counterKey(ownerOf(view)),
          UpdateExpression: 'ADD viewCount :minus',
          ExpressionAttributeValues: { ':minus': -1 },
        },
      },
      changed(view),
    );
  if (view.shared) tx.add({ Delete: { TableName: db.tableName, Key: sharedKey(view) } }, changed(view));
  await tx.commit();
};
