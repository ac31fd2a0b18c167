// Applied-event markers: written in the same transaction as the change, so a duplicate event changes nothing.
import { ttlAttribute } from '../table-definition.js';

export const APPLIED_TTL_DAYS = 30;

export interface AppliedMarker {
  eventId: string;
  /** Which write of the event this is: one event may make several independent writes. */
  step: string;
}

export const appliedKey = (marker: AppliedMarker) => ({ pk: `applied#${marker.eventId}`, sk: marker.step });

export const toAppliedItem = (marker: AppliedMarker, now: Date) => ({
  ...appliedKey(marker),
  kind: 'applied',
  appliedAt: now.toISOString(),
  [ttlAttribute]: Math.floor(now.getTime() / 1000) + APPLIED_TTL_DAYS * 86_400,
});
