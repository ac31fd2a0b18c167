// Reading the outbox back: local mode's relay and tests list what the service emitted, oldest first.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client.js';
import { fromOutboxItem, type OutboxEntry, outboxPartition, outboxShards } from './items/outbox-item.js';
import { allShards } from './items/shard.js';

/** Below every ULID: a key condition cannot compare with an empty string. */
const BEFORE_ALL = '0';

/** Outbox entries with an id after `afterId` (ULIDs sort by time), across all shards. */
export const listOutboxSince = async (db: Db, afterId = BEFORE_ALL): Promise<OutboxEntry[]> => {
  const perShard = await Promise.all(
    allShards(outboxShards).map(async (shard) => {
      const entries: OutboxEntry[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await db.client.send(
          new QueryCommand({
            TableName: db.tableName,
            KeyConditionExpression: 'pk = :pk AND sk > :after',
            ExpressionAttributeValues: { ':pk': outboxPartition(shard), ':after': afterId || BEFORE_ALL },
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        );
        entries.push(...(page.Items ?? []).map(fromOutboxItem));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return entries;
    }),
  );
  return perShard.flat().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
};
