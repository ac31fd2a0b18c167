// Quote rounds: one provide_quote per invited partner, select_quote_winner once all quoted, the winner ends both.
import { type QuoteRound, scopeKeys, selectionDueAt } from '@casetasks/core';
import {
  getCaseState,
  getQuoteRound,
  recordQuote,
  recordQuoteRequest,
  recordQuoteWinner,
  waitFor,
} from '@casetasks/db';
import type { PlatformEventOf } from '@casetasks/events';
import { type EventContext, park, updateCase } from './context.js';
import { applyPartnerParts } from './partner-parts.js';
import { settleQuoteTasksOfClosedCase } from './quote-settle.js';
import { closeScope, openTask, scopeRef, step } from './steps.js';

const knownRound = async (ctx: EventContext, caseId: string): Promise<QuoteRound | undefined> => {
  const round = await getQuoteRound(ctx.db, caseId);
  if (!round) await park(ctx, waitFor.quoteRound(caseId));
  return round;
};

export const quoteRequested = async (ctx: EventContext, event: PlatformEventOf<'Quote Requested'>) => {
  const { caseId, creditorOrgId, partnerOrgIds } = event.detail;
  await step(ctx, 'quote-round', (options) =>
    recordQuoteRequest(ctx.db, { caseId, creditorOrgId, requestedAt: event.time, partnerOrgIds }, options),
  );
  // Quotes and a winner that came first are applied first: their closures decide what opens.
  await ctx.drain(waitFor.quoteRound(caseId));
  const caseState = await getCaseState(ctx.db, caseId);
  for (const partnerOrgId of new Set(partnerOrgIds)) {
    await openTask(ctx, {
      type: 'provide_quote',
      orgId: partnerOrgId,
      scopeKey: scopeKeys.case(caseId),
      caseId,
      at: event.time,
      recordLate: true,
      ...(caseState ? { caseState } : {}),
    });
  }
  await settleQuoteTasksOfClosedCase(ctx, caseId);
};

export const quoteSubmitted = async (ctx: EventContext, event: PlatformEventOf<'Quote Submitted'>) => {
  const { caseId, partnerOrgId } = event.detail;
  const round = await knownRound(ctx, caseId);
  if (!round) return;
  const invite = round.invited.find((candidate) => candidate.partnerOrgId === partnerOrgId);
  if (!invite) {
    ctx.effects.push({ action: 'ignored', note: `${partnerOrgId} was not invited to quote` });
    return;
  }
  if (invite.quotedAt === undefined || invite.quotedAt > event.time) {
    await step(ctx, 'quote', (options) => recordQuote(ctx.db, caseId, partnerOrgId, event.time, options));
  }
  await closeScope(ctx, scopeRef('provide_quote', partnerOrgId, scopeKeys.case(caseId)), event.time, { caseId });
  const updated = await getQuoteRound(ctx.db, caseId);
  const dueAt = updated ? selectionDueAt(updated) : undefined;
  if (updated && dueAt !== undefined) {
    const caseState = await getCaseState(ctx.db, caseId);
    await openTask(ctx, {
      type: 'select_quote_winner',
      orgId: updated.creditorOrgId,
      scopeKey: scopeKeys.case(caseId),
      caseId,
      at: dueAt,
      recordLate: true,
      ...(caseState ? { caseState } : {}),
    });
  }
  await settleQuoteTasksOfClosedCase(ctx, caseId);
};

/**
 * The winner becomes the case's partner (kept if it comes before the submission), and what earlier
 * events owed the partner is applied now, as Case Submitted does with a partner. Then it ends the
 * selection and every invited partner's provide_quote (auto, as the catalogue says).
 */
export const quoteWinnerSelected = async (ctx: EventContext, event: PlatformEventOf<'Quote Winner Selected'>) => {
  const { caseId, partnerOrgId } = event.detail;
  const round = await knownRound(ctx, caseId);
  if (!round) return;
  if (round.winner === undefined || round.winner.at > event.time) {
    await step(ctx, 'quote-winner', (options) => recordQuoteWinner(ctx.db, caseId, partnerOrgId, event.time, options));
  }
  const state = await updateCase(ctx, caseId, { kind: 'partner', partnerOrgId });
  if (state.creditorOrgId && state.partnerOrgId) {
    await applyPartnerParts(ctx, { ...state, creditorOrgId: state.creditorOrgId, partnerOrgId: state.partnerOrgId });
  }
  await closeScope(ctx, scopeRef('select_quote_winner', round.creditorOrgId, scopeKeys.case(caseId)), event.time, {
    caseId,
  });
  for (const invite of round.invited) {
    await closeScope(ctx, scopeRef('provide_quote', invite.partnerOrgId, scopeKeys.case(caseId)), event.time, {
      caseId,
    });
  }
  await settleQuoteTasksOfClosedCase(ctx, caseId);
};
