// Monthly SLA scorecard snapshots: a partner's month (`scorecard#{partner}` / `m#{YYYY-MM}`), each creditor's
// view of it (`scorecardc#{creditor}` / `m#{YYYY-MM}#{partner}`), and the month's ranking and done marker
// (`scorecards#{YYYY-MM}` / `p#{partner}`, `done`). Reads are Queries over a month range, never a recomputation.
import { PutCommand, paginateQuery, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type CreditorScorecard,
  creditorScorecardSchema,
  type RankedScore,
  type Scorecard,
  scorecardSchema,
} from '@casetasks/core';
import * as z from 'zod';
import type { Db } from '../client.js';
import type { ReadStats } from '../index-query.js';
import { readItem } from '../item-reads.js';
import { readStoredItems } from '../stored-items.js';
import { MAX_TRANSACTION_ITEMS, Transaction } from '../transaction.js';

const partnerKey = (partnerOrgId: string, month: string) => ({ pk: `scorecard#${partnerOrgId}`, sk: `m#${month}` });
const creditorPartition = (creditorOrgId: string) => `scorecardc#${creditorOrgId}`;
const creditorKey = (view: Pick<CreditorScorecard, 'creditorOrgId' | 'month' | 'partnerOrgId'>) => ({
  pk: creditorPartition(view.creditorOrgId),
  sk: `m#${view.month}#${view.partnerOrgId}`,
});
const monthPartition = (month: string) => `scorecards#${month}`;
const rankKey = (month: string, partnerOrgId: string) => ({ pk: monthPartition(month), sk: `p#${partnerOrgId}` });
const doneKey = (month: string) => ({ pk: monthPartition(month), sk: 'done' });

/** An earlier run of the month (another `asOf`) already stored this partner's month: that snapshot stands. */
export class ScorecardKeptError extends Error {
  override readonly name = 'ScorecardKeptError';
  constructor(readonly partnerOrgId: string) {
    super(`the scorecard of ${partnerOrgId} was already snapshot by an earlier run`);
  }
}

/**
 * Stores a partner's month: the snapshot, its ranking entry and every creditor view, each on condition that
 * it is new or of the same run (`asOf`): a resumed run rewrites its own items, a later run keeps the first.
 * One transaction when it fits (always, below 98 creditors in a month); else the rest follows in more.
 */
export const saveMonthlyScorecard = async (
  db: Db,
  month: { scorecard: Scorecard; creditorViews: readonly CreditorScorecard[] },
): Promise<void> => {
  const { scorecard } = month;
  const condition = { expression: 'attribute_not_exists(pk) OR asOf = :asOf', values: { ':asOf': scorecard.asOf } };
  const kept = () => new ScorecardKeptError(scorecard.partnerOrgId);
  const items = [
    { ...partnerKey(scorecard.partnerOrgId, scorecard.month), kind: 'scorecard', ...scorecard },
    {
      ...rankKey(scorecard.month, scorecard.partnerOrgId),
      kind: 'scorecardRank',
      partnerOrgId: scorecard.partnerOrgId,
      score: scorecard.score,
      asOf: scorecard.asOf,
    },
    ...month.creditorViews.map((view) => ({ ...creditorKey(view), kind: 'creditorScorecard', ...view })),
  ];
  for (let start = 0; start < items.length; start += MAX_TRANSACTION_ITEMS) {
    const tx = new Transaction(db);
    for (const item of items.slice(start, start + MAX_TRANSACTION_ITEMS)) tx.put(item, condition, kept);
    await tx.commit();
  }
};

/** Sets the partner's percentile once the month's ranking is known; the same figures on every rerun. */
export const setScorecardPercentile = async (
  db: Db,
  partnerOrgId: string,
  month: string,
  rank: { percentile: number | null; rankedPartners: number },
): Promise<void> => {
  await db.client.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: partnerKey(partnerOrgId, month),
      UpdateExpression: 'SET #percentile = :percentile, rankedPartners = :ranked',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#percentile': 'percentile' },
      ExpressionAttributeValues: { ':percentile': rank.percentile, ':ranked': rank.rankedPartners },
    }),
  );
};

const rankSchema = z.object({ partnerOrgId: z.string(), score: z.number().nullable() });

/** Every partner's score of the month (the ranking partition, all pages), for the percentiles. */
export const monthRanking = async (db: Db, month: string): Promise<RankedScore[]> => {
  const { items } = await queryRange(db, monthPartition(month), 'p#', 'p#\uffff');
  return readStoredItems(db, items, (item) => rankSchema.parse(item));
};

const doneSchema = z.object({ month: z.string(), asOf: z.string(), counts: z.record(z.string(), z.number()) });
export type ScorecardMonth = z.infer<typeof doneSchema>;

/** The month's done marker: written last, so the daily runs after it cost one GetItem. */
export const getScorecardMonth = async (db: Db, month: string): Promise<ScorecardMonth | undefined> => {
  const item = await readItem(db, doneKey(month), true);
  return item ? doneSchema.parse(item) : undefined;
};

export const markScorecardMonthDone = async (db: Db, done: ScorecardMonth): Promise<void> => {
  await db.client.send(
    new PutCommand({ TableName: db.tableName, Item: { ...doneKey(done.month), kind: 'scorecardMonth', ...done } }),
  );
};

/** One Query (every page) of a partition's sort keys in [from, to], with what it cost. */
const queryRange = async (
  db: Db,
  pk: string,
  from: string,
  to: string,
): Promise<{ items: Record<string, unknown>[]; stats: ReadStats }> => {
  const items: Record<string, unknown>[] = [];
  const stats: ReadStats = { queries: 0, consumedRcu: 0 };
  const pages = paginateQuery(
    { client: db.client },
    {
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to },
      ReturnConsumedCapacity: 'TOTAL',
    },
  );
  for await (const page of pages) {
    items.push(...(page.Items ?? []));
    stats.queries += 1;
    stats.consumedRcu += page.ConsumedCapacity?.CapacityUnits ?? 0;
  }
  return { items, stats };
};

/** A partner's snapshots from month `from` to month `to` (inclusive), oldest first: one Query. */
export const partnerScorecards = async (
  db: Db,
  partnerOrgId: string,
  months: { from: string; to: string },
): Promise<{ scorecards: Scorecard[]; stats: ReadStats }> => {
  const { pk } = partnerKey(partnerOrgId, months.from);
  const { items, stats } = await queryRange(db, pk, `m#${months.from}`, `m#${months.to}`);
  return { scorecards: readStoredItems(db, items, (item) => scorecardSchema.parse(item)), stats };
};

/** A creditor's views of its partners' months from `from` to `to` (inclusive), by month then partner: one Query. */
export const creditorScorecards = async (
  db: Db,
  creditorOrgId: string,
  months: { from: string; to: string },
): Promise<{ scorecards: CreditorScorecard[]; stats: ReadStats }> => {
  const pk = creditorPartition(creditorOrgId);
  // `#` sorts before `$`: every partner of the month `to` is inside.
  const { items, stats } = await queryRange(db, pk, `m#${months.from}#`, `m#${months.to}$`);
  return { scorecards: readStoredItems(db, items, (item) => creditorScorecardSchema.parse(item)), stats };
};
