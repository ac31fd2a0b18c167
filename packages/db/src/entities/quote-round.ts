// Quote rounds of a case: the request (`quote#{caseId}` / `round`: creditor, winner) and one invitation item
// per invited partner (`invite#{partnerOrgId}`: its quote time), read as one partition.
import type { QuoteRound } from '@casetasks/core';
import type { Db } from '../client.js';
import { ConditionFailedError } from '../errors.js';
import { partitionItems } from '../partition-pages.js';
import { type StepWrite, stepTransaction } from './applied-marker.js';

const quotePartition = (caseId: string) => `quote#${caseId}`;
export const quoteRoundKey = (caseId: string) => ({ pk: quotePartition(caseId), sk: 'round' });
const quoteInvitePrefix = 'invite#';
const quoteInviteKey = (caseId: string, partnerOrgId: string) => ({
  pk: quotePartition(caseId),
  sk: `${quoteInvitePrefix}${partnerOrgId}`,
});

/** The round from its items (round first, invitations after, as one Query of the partition returns them). */
const fromQuoteItems = (items: readonly Record<string, unknown>[]): QuoteRound | undefined => {
  const round = items.find((item) => item.sk === 'round');
  if (!round) return undefined;
  const winner =
    typeof round.winnerOrgId === 'string' && typeof round.winnerAt === 'string'
      ? { partnerOrgId: round.winnerOrgId, at: round.winnerAt }
      : undefined;
  return {
    caseId: String(round.caseId),
    creditorOrgId: String(round.creditorOrgId),
    requestedAt: String(round.requestedAt),
    invited: items
      .filter((item) => String(item.sk).startsWith(quoteInvitePrefix))
      .map((item) => ({
        partnerOrgId: String(item.partnerOrgId),
        ...(typeof item.quotedAt === 'string' ? { quotedAt: item.quotedAt } : {}),
      })),
    ...(winner ? { winner } : {}),
  };
};

export const getQuoteRound = async (db: Db, caseId: string): Promise<QuoteRound | undefined> =>
  fromQuoteItems(await partitionItems(db, { pk: quotePartition(caseId), consistent: true }));

/** Opens (or widens) the round: the request keeps its first creditor and time; invitations are merged. */
export const recordQuoteRequest = async (
  db: Db,
  request: { caseId: string; creditorOrgId: string; requestedAt: string; partnerOrgIds: readonly string[] },
  options: StepWrite = {},
): Promise<void> => {
  const [tx] = stepTransaction(db, options);
  const { caseId } = request;
  tx.add(
    {
      Update: {
        TableName: '',
        Key: quoteRoundKey(caseId),
        UpdateExpression:
          'SET #kind = :kind, caseId = :case, creditorOrgId = if_not_exists(creditorOrgId, :creditor), requestedAt = if_not_exists(requestedAt, :at)',
        ExpressionAttributeNames: { '#kind': 'kind' },
        ExpressionAttributeValues: {
          ':kind': 'quote-round',
          ':case': caseId,
          ':creditor': request.creditorOrgId,
          ':at': request.requestedAt,
        },
      },
    },
    () => new ConditionFailedError(quoteRoundKey(caseId).pk),
  );
  for (const partnerOrgId of new Set(request.partnerOrgIds)) {
    tx.add(
      {
        Update: {
          TableName: '',
          Key: quoteInviteKey(caseId, partnerOrgId),
          UpdateExpression: 'SET #kind = :kind, caseId = :case, partnerOrgId = :partner',
          ExpressionAttributeNames: { '#kind': 'kind' },
          ExpressionAttributeValues: { ':kind': 'quote-invite', ':case': caseId, ':partner': partnerOrgId },
        },
      },
      () => new ConditionFailedError(quoteInviteKey(caseId, partnerOrgId).pk),
    );
  }
  await tx.commit();
};

/** One conditional update of an existing round item, as one marked step. */
const updateExisting = async (
  db: Db,
  key: { pk: string; sk: string },
  update: { set: string; condition: string; values: Record<string, unknown> },
  options: StepWrite,
): Promise<void> => {
  const [tx] = stepTransaction(db, options);
  await tx
    .add(
      {
        Update: {
          TableName: '',
          Key: key,
          UpdateExpression: update.set,
          ConditionExpression: `attribute_exists(pk) AND ${update.condition}`,
          ExpressionAttributeValues: update.values,
        },
      },
      () => new ConditionFailedError(key.pk),
    )
    .commit();
};

/** The partner's quote time: the earliest quote counts, whatever order they arrive in. */
export const recordQuote = (
  db: Db,
  caseId: string,
  partnerOrgId: string,
  at: string,
  options: StepWrite = {},
): Promise<void> =>
  updateExisting(
    db,
    quoteInviteKey(caseId, partnerOrgId),
    {
      set: 'SET quotedAt = :at',
      condition: '(attribute_not_exists(quotedAt) OR quotedAt > :at)',
      values: { ':at': at },
    },
    options,
  );

/** The winner: the earliest selection counts. */
export const recordQuoteWinner = (
  db: Db,
  caseId: string,
  partnerOrgId: string,
  at: string,
  options: StepWrite = {},
): Promise<void> =>
  updateExisting(
    db,
    quoteRoundKey(caseId),
    {
      set: 'SET winnerOrgId = :partner, winnerAt = :at',
      condition: '(attribute_not_exists(winnerAt) OR winnerAt > :at)',
      values: { ':partner': partnerOrgId, ':at': at },
    },
    options,
  );
