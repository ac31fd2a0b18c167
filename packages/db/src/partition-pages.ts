// Paging through one partition of the table: the loop every partition read shares.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client.js';

export interface PartitionRead {
  pk: string;
  /** Only sort keys starting with this, or (exclusive) after this; not both. */
  prefix?: string;
  after?: string;
  descending?: boolean;
  consistent?: boolean;
  /** Items per Query (DynamoDB's `Limit`). */
  pageSize?: number;
}

/** Yields the items of a partition page by page, so a caller can stop as soon as it has enough. */
export async function* partitionPages(db: Db, read: PartitionRead): AsyncGenerator<Record<string, unknown>[]> {
  const condition =
    read.prefix !== undefined ? ' AND begins_with(sk, :sk)' : read.after !== undefined ? ' AND sk > :sk' : '';
  const sk = read.prefix ?? read.after;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: `pk = :pk${condition}`,
        ExpressionAttributeValues: { ':pk': read.pk, ...(sk === undefined ? {} : { ':sk': sk }) },
        ScanIndexForward: !read.descending,
        ...(read.consistent ? { ConsistentRead: true } : {}),
        ...(read.pageSize ? { Limit: read.pageSize } : {}),
        ExclusiveStartKey: startKey,
      }),
    );
    yield page.Items ?? [];
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

/** Every item of the partition read. */
export const partitionItems = async (db: Db, read: PartitionRead): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  for await (const page of partitionPages(db, read)) items.push(...page);
  return items;
};
