// Paging through one partition of the table (the base table's keys): the read every partition entity shares.
import { paginateQuery } from '@aws-sdk/lib-dynamodb';
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

/** Yields the items of a partition page by page (paginateQuery), so a caller can stop as soon as it has enough. */
export async function* partitionPages(db: Db, read: PartitionRead): AsyncGenerator<Record<string, unknown>[]> {
  const condition =
    read.prefix !== undefined ? ' AND begins_with(sk, :sk)' : read.after !== undefined ? ' AND sk > :sk' : '';
  const sk = read.prefix ?? read.after;
  const pages = paginateQuery(
    { client: db.client },
    {
      TableName: db.tableName,
      KeyConditionExpression: `pk = :pk${condition}`,
      ExpressionAttributeValues: { ':pk': read.pk, ...(sk === undefined ? {} : { ':sk': sk }) },
      ScanIndexForward: !read.descending,
      ...(read.consistent ? { ConsistentRead: true } : {}),
      ...(read.pageSize ? { Limit: read.pageSize } : {}),
    },
  );
  for await (const page of pages) yield page.Items ?? [];
}

/** Every item of the partition read. */
export const partitionItems = async (db: Db, read: PartitionRead): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  for await (const page of partitionPages(db, read)) items.push(...page);
  return items;
};
