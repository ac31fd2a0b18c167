// The partner parts that waited for a quote case's partner, applied once the winner names it.
import { deleteParkedEvent, eventsWaitingFor, waitFor } from '@casetasks/db';
import { type PlatformDetailType, type PlatformEventOf, platformEventSchema } from '@casetasks/events';
import { solvedForPartner, surveyForPartner, verifiedForPartner } from './case-rules.js';
import { chatForPartner } from './chat.js';
import type { EventContext } from './context.js';
import type { PartnerCase, PartnerPart } from './partner.js';
import { invoiceOverdueForPartner, invoiceSentForPartner } from './references.js';

/** Every rule with a part for the case's partner (each rule calls `forPartner` with the same function). */
const partnerParts: { [T in PlatformDetailType]?: PartnerPart<T> } = {
  'Case Verified': verifiedForPartner,
  'Case Survey Submitted': surveyForPartner,
  'Chat Message Sent': chatForPartner,
  'Case Solved': solvedForPartner,
  'Commission Invoice Sent': invoiceSentForPartner,
  'Commission Invoice Overdue': invoiceOverdueForPartner,
};

const applyPart = <T extends PlatformDetailType>(ctx: EventContext, event: PlatformEventOf<T>, state: PartnerCase) =>
  (partnerParts[event['detail-type']] as PartnerPart<T> | undefined)?.(ctx, event, state);

/**
 * Applies the partner parts parked for the case, oldest `time` first, each under its own event's
 * markers (a retry of the winner skips what was written), then drops them.
 */
export const applyPartnerParts = async (ctx: EventContext, state: PartnerCase): Promise<void> => {
  for (const parked of await eventsWaitingFor(ctx.db, waitFor.partnerKnown(state.caseId))) {
    // Checked against the clock when it arrived: only its shape is read again here.
    const event = platformEventSchema.parse(parked.event);
    await applyPart({ ...ctx, eventId: parked.eventId, event }, event, state);
    ctx.effects.push({ action: 'recorded', note: `applied the partner part of ${parked.eventId}` });
    await deleteParkedEvent(ctx.db, parked);
  }
};
