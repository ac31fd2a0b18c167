// The one encoder of instants in sort keys and in their query bounds: fixed width, so string order is time order.
import * as z from 'zod';

// `toISOString()` is `YYYY-MM-DDTHH:mm:ss.sssZ` (24 characters) only for years 0000–9999; outside them it
// becomes `+010000-…` or `-000001-…`, and `+` and `-` sort before every digit: such a key would order
// before 2026 and look due forever. Those instants are refused, so such a key is never written.
const FIRST_KEYABLE = Date.parse('0000-01-01T00:00:00.000Z');
const LAST_KEYABLE = Date.parse('9999-12-31T23:59:59.999Z');

/** ISO 8601 with an explicit offset: a string without one would be read in the process's local zone. */
const isoInstant = z.iso.datetime({ offset: true });

/** The value cannot be a sort key: not an instant, or outside years 0000–9999 (UTC). Names the field when known. */
export class InstantOutOfRangeError extends Error {
  readonly statusCode = 400;
  readonly code = 'invalid_request';
  /** The same value fails the same way on every attempt. */
  readonly retryable = false;
  constructor(
    value: unknown,
    readonly field?: string,
  ) {
    super(
      `${field ?? 'instant'} ${JSON.stringify(String(value).slice(0, 40))} cannot be stored: it must be an ISO date-time between 0000-01-01 and 9999-12-31 (UTC)`,
    );
    this.name = 'InstantOutOfRangeError';
  }
}

const epochOf = (at: string | Date | number): number => {
  if (typeof at === 'number') return at;
  if (at instanceof Date) return at.getTime();
  return isoInstant.safeParse(at).success ? Date.parse(at) : Number.NaN;
};

/** The sort-key form of an instant: UTC, millisecond precision, always 24 characters. */
export const instantKey = (at: string | Date | number, field?: string): string => {
  const epoch = epochOf(at);
  if (!Number.isFinite(epoch) || epoch < FIRST_KEYABLE || epoch > LAST_KEYABLE) {
    throw new InstantOutOfRangeError(at, field);
  }
  return new Date(epoch).toISOString();
};

/** `{instant}#{id}`: the sort key of an item ordered by one instant, ties broken by its id. */
export const instantSortKey = (at: string | Date | number, id: string, field?: string): string =>
  `${instantKey(at, field)}#${id}`;

/**
 * Inclusive upper bound at `at`: `$` is the character right after the `#` separator, so the bound
 * sorts after every `{at}#…` key (whatever the ids hold) and before every key of a later instant.
 * A bare `instantKey(at)` as upper bound is exclusive of `at`, as lower bound inclusive.
 */
export const instantKeyThrough = (at: string | Date | number, field?: string): string => `${instantKey(at, field)}$`;
