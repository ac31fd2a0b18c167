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

/** How a quote round's task ended, whatever the delivery order (quoteTaskEnd). */
export interface QuoteTaskEnd {
  resolution: 'auto' | 'cancelled';
  at: string;
}

/**
 * How a quote task (`provide_quote` of a partner, `select_quote_winner`) ends, from the round and the
 * case's closing alone, so every delivery order agrees: the earliest action at or after its creation
 * (the partner's quote or the winner; the winner only for the selection) ends it `auto`, unless the
 * case closed before that action: then it was cancelled at the closing. Undefined while it is open.
 */
export const quoteTaskEnd = (
  round: QuoteRound,
  task: { type: string; orgId: string; createdAt: string },
  caseClosedAt?: string,
): QuoteTaskEnd | undefined => {
  const quotedAt = round.invited.find((invite) => invite.partnerOrgId === task.orgId)?.quotedAt;
  const actions = task.type === 'provide_quote' ? [quotedAt, round.winner?.at] : [round.winner?.at];
  const [actedAt] = actions.filter((at): at is string => at !== undefined && at >= task.createdAt).sort();
  const closed = caseClosedAt !== undefined && caseClosedAt >= task.createdAt;
  if (closed && (actedAt === undefined || actedAt > caseClosedAt)) return { resolution: 'cancelled', at: caseClosedAt };
  return actedAt === undefined ? undefined : { resolution: 'auto', at: actedAt };
};
