// Parked events: an event that needs a fact not seen yet (the case, a complaint, an invoice, a quote round)
// waits here, keyed by what it waits for, and is applied when that fact arrives.
import { ttlAttribute } from '../table-definition.js';

/** A parked event not claimed within this time is dropped (its fact never came). */
export const PARKED_TTL_DAYS = 90;

/** What an event waits for: `case#{id}`, `complaint#{id}`, `invoice#{id}`, `quote#{caseId}`, `partner#{caseId}` (its partner part). */
export const parkedPartition = (waitKey: string) => `parked#${waitKey}`;
export const parkedKey = (waitKey: string, time: string, eventId: string) => ({
  pk: parkedPartition(waitKey),
  sk: `${time}#${eventId}`,
});

export interface ParkedEvent {
  waitKey: string;
  eventId: string;
  time: string;
  /** The event as parsed (unknown fields dropped); it is validated again when applied. */
  event: Record<string, unknown>;
}

export const toParkedItem = (parked: ParkedEvent, now: Date) => ({
  ...parkedKey(parked.waitKey, parked.time, parked.eventId),
  kind: 'parked-event',
  ...parked,
  [ttlAttribute]: Math.floor(now.getTime() / 1000) + PARKED_TTL_DAYS * 86_400,
});

export const fromParkedItem = (item: Record<string, unknown>): ParkedEvent => ({
  waitKey: String(item.waitKey),
  eventId: String(item.eventId),
  time: String(item.time),
  event: (item.event ?? {}) as Record<string, unknown>,
});
