// The edge of the event handlers: unknown input in, a typed platform event or an InvalidEventError out.
import { isEventTimeInDomain, MAX_EVENT_CLOCK_SKEW_MS } from '@casetasks/core';
import { MAX_EVENT_DETAIL_BYTES, type PlatformEvent, platformEventSchema } from './incoming.js';
import { eventIdOf, InvalidEventError, invalidEventFrom } from './invalid-event-error.js';

const utf8 = new TextEncoder();

/** The UTF-8 size of `detail` as JSON (0 when absent: the schema names that). */
const detailBytes = (raw: unknown): number => {
  const detail = typeof raw === 'object' && raw !== null ? (raw as { detail?: unknown }).detail : undefined;
  return utf8.encode(JSON.stringify(detail) ?? '').length;
};

/**
 * The event as the schema reads it (unknown fields dropped: this is what may be stored), or an
 * InvalidEventError naming the field. `now` is the service clock that `time` may lead by at most
 * MAX_EVENT_CLOCK_SKEW_MS.
 */
export const parsePlatformEvent = (raw: unknown, now: Date = new Date()): PlatformEvent => {
  const eventId = eventIdOf(raw);
  if (detailBytes(raw) > MAX_EVENT_DETAIL_BYTES)
    throw new InvalidEventError('detail', `must be at most ${MAX_EVENT_DETAIL_BYTES / 1024} KB as JSON`, eventId);
  const result = platformEventSchema.safeParse(raw);
  if (!result.success) throw invalidEventFrom(result.error, raw);
  if (!isEventTimeInDomain(Date.parse(result.data.time), now.getTime()))
    throw new InvalidEventError(
      'time',
      `must not be more than ${MAX_EVENT_CLOCK_SKEW_MS / 60_000} minutes after the service clock (${now.toISOString()})`,
      eventId,
    );
  return result.data;
};
