// Queries on the named secondary indexes: one key condition builder, one page, and every page through paginateQuery.
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { paginateQuery, QueryCommand, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client.js';
import { type IndexName, indexes } from './table-definition.js';

export interface IndexQuery {
  index: IndexName;
  partition: string;
  /** Sort-key condition: a prefix, or a range (inclusive) on the sort key. */
  prefix?: string;
  from?: string;
  to?: string;
  limit?: number;
  descending?: boolean;
  startKey?: Record<string, unknown>;
  filter?: Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>;
}

export interface Page<T> {
  items: T[];
  lastKey?: Record<string, unknown>;
  consumed?: ConsumedCapacity;
}

/** The sort-key condition of a query, with the values it binds. */
const sortKeyCondition = (query: IndexQuery): { condition: string; values: Record<string, unknown> } => {
  if (query.prefix !== undefined)
    return { condition: ' AND begins_with(#sk, :prefix)', values: { ':prefix': query.prefix } };
  if (query.from !== undefined && query.to !== undefined) {
    return { condition: ' AND #sk BETWEEN :from AND :to', values: { ':from': query.from, ':to': query.to } };
  }
  if (query.from !== undefined) return { condition: ' AND #sk >= :from', values: { ':from': query.from } };
  if (query.to !== undefined) return { condition: ' AND #sk <= :to', values: { ':to': query.to } };
  return { condition: '', values: {} };
};

/** The Query input of an IndexQuery: partition and sort-key condition, built in one place. */
export const indexQueryInput = (db: Db, query: IndexQuery): QueryCommandInput => {
  const index = indexes[query.index];
  const sortKey = sortKeyCondition(query);
  const names: Record<string, string> = { '#pk': index.partitionKey, ...query.filter?.ExpressionAttributeNames };
  if (sortKey.condition) names['#sk'] = index.sortKey;
  return {
    TableName: db.tableName,
    IndexName: index.name,
    KeyConditionExpression: `#pk = :pk${sortKey.condition}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: {
      ':pk': query.partition,
      ...query.filter?.ExpressionAttributeValues,
      ...sortKey.values,
    },
    ...(query.filter?.FilterExpression ? { FilterExpression: query.filter.FilterExpression } : {}),
    ...(query.limit ? { Limit: query.limit } : {}),
    ScanIndexForward: !query.descending,
    ...(query.startKey ? { ExclusiveStartKey: query.startKey } : {}),
    ReturnConsumedCapacity: 'TOTAL',
  };
};

const pageOf = (output: QueryCommandOutput): Page<Record<string, unknown>> => ({
  items: output.Items ?? [],
  ...(output.LastEvaluatedKey ? { lastKey: output.LastEvaluatedKey } : {}),
  ...(output.ConsumedCapacity ? { consumed: output.ConsumedCapacity } : {}),
});

/** One Query on one named index: the one page a list or a job step reads. */
export const queryIndex = async (db: Db, query: IndexQuery): Promise<Page<Record<string, unknown>>> =>
  pageOf(await db.client.send(new QueryCommand(indexQueryInput(db, query))));

/**
 * Every page of an index query, in order, following LastEvaluatedKey (paginateQuery); `limit` is the
 * page size. A caller that has enough stops iterating and no further page is read.
 */
export async function* indexPages(db: Db, query: IndexQuery): AsyncGenerator<Page<Record<string, unknown>>> {
  for await (const page of paginateQuery({ client: db.client }, indexQueryInput(db, query))) yield pageOf(page);
}

/** Every item of an index query, all pages read. */
export const indexItems = async (db: Db, query: IndexQuery): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  for await (const page of indexPages(db, query)) items.push(...page.items);
  return items;
};

export interface ReadOptions {
  /** Items per Query page (DynamoDB's 1 MB page otherwise); tests use it to exercise paging. */
  pageSize?: number;
}

export interface ReadStats {
  /** Query calls made (one per page). */
  queries: number;
  /** Read capacity reported by DynamoDB over all pages. */
  consumedRcu: number;
}

/** Every item of an index query with what reading it took: reports answer over a whole period, not one page. */
export const indexItemsWithStats = async (
  db: Db,
  query: IndexQuery,
  options: ReadOptions = {},
): Promise<{ items: Record<string, unknown>[]; stats: ReadStats }> => {
  const items: Record<string, unknown>[] = [];
  const stats: ReadStats = { queries: 0, consumedRcu: 0 };
  for await (const page of indexPages(db, { ...query, ...(options.pageSize ? { limit: options.pageSize } : {}) })) {
    items.push(...page.items);
    stats.queries += 1;
    stats.consumedRcu += page.consumed?.CapacityUnits ?? 0;
  }
  return { items, stats };
};
