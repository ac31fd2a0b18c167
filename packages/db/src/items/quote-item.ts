// Quote rounds of a case: the request (creditor, winner) and one invitation item per invited partner.
import type { QuoteRound } from '@casetasks/core';

export const quotePartition = (caseId: string) => `quote#${caseId}`;
export const quoteRoundKey = (caseId: string) => ({ pk: quotePartition(caseId), sk: 'round' });
export const quoteInviteKey = (caseId: string, partnerOrgId: string) => ({
  pk: quotePartition(caseId),
  sk: `invite#${partnerOrgId}`,
});
export const quoteInvitePrefix = 'invite#';

export const toQuoteRoundItem = (caseId: string, creditorOrgId: string, requestedAt: string) => ({
  ...quoteRoundKey(caseId),
  kind: 'quote-round',
  caseId,
  creditorOrgId,
  requestedAt,
});

export const toQuoteInviteItem = (caseId: string, partnerOrgId: string) => ({
  ...quoteInviteKey(caseId, partnerOrgId),
  kind: 'quote-invite',
  caseId,
  partnerOrgId,
});

/** The round from its items (round first, invitations after, as one Query of the partition returns them). */
export const fromQuoteItems = (items: readonly Record<string, unknown>[]): QuoteRound | undefined => {
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
