// Which partners have SLA tasks in a month: one item per partner and month (`slaorgs#{YYYY-MM}#{shard}` /
// `{orgId}`), written with each counting task's creation, so the monthly scorecard job Queries, never Scans.
import { countsForSla, type Task } from '@casetasks/core';
import type { Db } from '../client.js';
import { allShards, shardOf } from '../keys/shard.js';
import { partitionPages } from '../partition-pages.js';
import type { Transaction } from '../transaction.js';

/** The month a task is scored in: its original deadline's (UTC), the key the score's period uses. */
const scoredMonth = (task: Task) => new Date(task.originalDeadline).toISOString().slice(0, 7);

/** The registry partition of a month's shard; an org always lands in the same shard. */
const slaMonthPartition = (month: string, shard: number) => `slaorgs#${month}#${shard}`;

/**
 * Registrations this process has committed, per table: a partner's later tasks of the same month add no
 * write, so a burst of creates for one partner does not make every transaction contend for one item.
 * Bounded: cleared past MAX_REMEMBERED (a forgotten one costs one idempotent write again).
 */
const registered = new Set<string>();
const MAX_REMEMBERED = 10_000;

/**
 * Registers the task's partner for the month of its original deadline, in the creating transaction (once
 * per process, partner and month). An unconditional UpdateItem (`firstAt` keeps the first creation): it
 * never fails, it only costs a write.
 */
export const addSlaMonthRegistration = (tx: Transaction, task: Task): Transaction => {
  if (task.accessLevel !== 'partner' || !countsForSla(task)) return tx;
  const month = scoredMonth(task);
  const memo = `${tx.tableName}#${month}#${task.orgId}`;
  if (registered.has(memo)) return tx;
  tx.afterCommit(() => {
    if (registered.size >= MAX_REMEMBERED) registered.clear();
    registered.add(memo);
  });
  return tx.add(
    {
      Update: {
        TableName: '',
        Key: { pk: slaMonthPartition(month, shardOf(task.orgId)), sk: task.orgId },
        UpdateExpression: 'SET firstAt = if_not_exists(firstAt, :at), #kind = :kind',
        ExpressionAttributeNames: { '#kind': 'kind' },
        ExpressionAttributeValues: { ':at': task.createdAt, ':kind': 'slaMonthOrg' },
      },
    },
    () => new Error('unconditional registry update failed'),
  );
};

/** Resume point of one shard: the last org id read (the sort key), or done. */
export interface RegistryPosition {
  after?: string;
  done?: boolean;
}

/**
 * The partners of one shard of a month, page by page from `after` (exclusive): each page's org ids and
 * whether the shard is finished, so a job can checkpoint between pages.
 */
export async function* slaMonthPartners(
  db: Db,
  month: string,
  shard: number,
  after?: string,
  pageSize = 100,
): AsyncGenerator<string[]> {
  const pk = slaMonthPartition(month, shard);
  for await (const page of partitionPages(db, { pk, ...(after === undefined ? {} : { after }), pageSize })) {
    const orgs = page.map((item) => String(item.sk));
    if (orgs.length > 0) yield orgs;
  }
}

export const slaMonthShards = allShards;
