// SLA reads: a partner org's scored tasks by originalDeadline, and its active cases, each one Query per page.
import type { CaseState, Task } from '@casetasks/core';
import type { Db } from './client.js';
import { activeCasesPartition, fromCaseItem } from './items/case-item.js';
import { instantKey } from './items/instant-key.js';
import { fromTaskItem, taskPartitions } from './items/task-item.js';
import { readStoredItems } from './stored-items.js';
import { type IndexQuery, queryIndex } from './task-repository.js';

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

/** Follows LastEvaluatedKey to the end: SLA answers are over the whole period, not one page. */
const queryAll = async (
  db: Db,
  query: IndexQuery,
  options: ReadOptions,
): Promise<{ items: Record<string, unknown>[]; stats: ReadStats }> => {
  const items: Record<string, unknown>[] = [];
  const stats: ReadStats = { queries: 0, consumedRcu: 0 };
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await queryIndex(db, {
      ...query,
      ...(options.pageSize ? { limit: options.pageSize } : {}),
      ...(startKey ? { startKey } : {}),
    });
    items.push(...page.items);
    stats.queries += 1;
    stats.consumedRcu += page.consumed?.CapacityUnits ?? 0;
    startKey = page.lastKey;
  } while (startKey);
  return { items, stats };
};

/**
 * Tasks of the org whose originalDeadline is in [from, to): the sort key is `{originalDeadline}#{id}`, so
 * BETWEEN the two bare instant keys includes every key of `from` and none of `to`. Tasks that no longer
 * parse are reported and left out of the score.
 */
export const slaTasksInPeriod = async (
  db: Db,
  orgId: string,
  period: { from: Date; to: Date },
  options: ReadOptions = {},
): Promise<{ tasks: Task[]; stats: ReadStats }> => {
  const { items, stats } = await queryAll(
    db,
    {
      index: 'slaByOrg',
      partition: taskPartitions.slaByOrg(orgId),
      from: instantKey(period.from, 'from'),
      to: instantKey(period.to, 'to'),
    },
    options,
  );
  return { tasks: readStoredItems(db, items, fromTaskItem), stats };
};

/** The partner org's active cases with their last status update (seed 002 dashboard). */
export const activeCasesOfPartner = async (
  db: Db,
  partnerOrgId: string,
  options: ReadOptions = {},
): Promise<{ cases: CaseState[]; stats: ReadStats }> => {
  const { items, stats } = await queryAll(
    db,
    {
      index: 'activeCasesByPartner',
      partition: activeCasesPartition(partnerOrgId),
    },
    options,
  );
  return { cases: readStoredItems(db, items, fromCaseItem), stats };
};
