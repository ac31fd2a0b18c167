// Quote rounds: when the creditor has to pick a winner.

export interface QuoteRound {
  caseId: string;
  creditorOrgId: string;
  requestedAt: string;
  invited: { partnerOrgId: string; quotedAt?: string }[];
  winner?: { partnerOrgId: string; at: string };
}

/**
 * The moment every invited partner had quoted (the latest quote), unless a winner was picked before
 * that: then no selection task is owed. Independent of the order the quotes arrive in.
 */
export const selectionDueAt = (round: QuoteRound): string | undefined => {
  if (round.invited.length === 0) return undefined;
  const times = round.invited.map((invite) => invite.quotedAt);
  if (times.some((time) => time === undefined)) return undefined;
  const allQuotedAt = (times as string[]).sort().at(-1);
  if (allQuotedAt === undefined) return undefined;
  if (round.winner && round.winner.at < allQuotedAt) return undefined;
  return allQuotedAt;
};
