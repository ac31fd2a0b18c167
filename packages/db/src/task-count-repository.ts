// Counting tasks in one index range with Select COUNT: the portal summary reads counts, never items.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client.js';
import type { TaskListQuery } from './items/task-list-keys.js';
import { indexQueryInput } from './task-repository.js';

export interface TaskCount {
  count: number;
  /** Read capacity of every page, for PERFORMANCE.md. */
  capacityUnits: number;
}

/**
 * Counts the items a list plan selects (partition, sort-key range, filter), paging until done, or
 * until `cap` are counted: a COUNT still pays for every item it reads, so callers that only compare
 * small counts stop early.
 */
export const countTasks = async (db: Db, query: TaskListQuery, cap = Number.POSITIVE_INFINITY): Promise<TaskCount> => {
  const base = indexQueryInput(db, query);
  let count = 0;
  let capacityUnits = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const limit = Number.isFinite(cap) ? { Limit: cap - count } : {};
    const page = await db.client.send(
      new QueryCommand({ ...base, ...limit, Select: 'COUNT', ExclusiveStartKey: startKey }),
    );
    count += page.Count ?? 0;
    capacityUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey && count < cap);
  return { count, capacityUnits };
};
