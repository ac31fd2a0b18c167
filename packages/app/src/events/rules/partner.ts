// The case's partner: a quote case has none until its winner is picked, so what an event owes the partner waits.
import { waitFor } from '@casetasks/db';
import type { PlatformDetailType, PlatformEventOf } from '@casetasks/events';
import { type EventContext, type KnownCase, parkUnder } from './context.js';

export type PartnerCase = KnownCase & { partnerOrgId: string };

/** The part of an event's rule that acts for the case's partner (its tasks, closures, references). */
export type PartnerPart<T extends PlatformDetailType> = (
  ctx: EventContext,
  event: PlatformEventOf<T>,
  state: PartnerCase,
) => Promise<void>;

/**
 * Applies the event's partner part now when the case has a partner. Otherwise the event finishes the
 * rest and its partner part waits under `partner#{caseId}`: the quote winner applies it (partner-parts.ts),
 * as Case Submitted applies the events that waited for the case, so the order of delivery does not matter.
 */
export const forPartner = async <T extends PlatformDetailType>(
  ctx: EventContext,
  event: PlatformEventOf<T>,
  state: KnownCase,
  part: PartnerPart<T>,
): Promise<void> => {
  if (state.partnerOrgId) {
    await part(ctx, event, { ...state, partnerOrgId: state.partnerOrgId });
    return;
  }
  await parkUnder(ctx, waitFor.partnerKnown(state.caseId));
};
