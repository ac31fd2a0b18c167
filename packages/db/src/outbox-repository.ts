// Reading the outbox back: local mode's relay and tests list what the service emitted, oldest first.
import type { Db } from './client.js';
import { fromOutboxItem, type OutboxEntry, outboxPartition, outboxShards } from './items/outbox-item.js';
import { allShards } from './items/shard.js';
import { partitionItems } from './partition-pages.js';

/** Below every ULID: a key condition cannot compare with an empty string. */
const BEFORE_ALL = '0';

/** Outbox entries with an id after `afterId` (ULIDs sort by time), across all shards. */
export const listOutboxSince = async (db: Db, afterId = BEFORE_ALL): Promise<OutboxEntry[]> => {
  const perShard = await Promise.all(
    allShards(outboxShards).map((shard) =>
      partitionItems(db, { pk: outboxPartition(shard), after: afterId || BEFORE_ALL, consistent: true }),
    ),
  );
  return perShard
    .flat()
    .map(fromOutboxItem)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
};
