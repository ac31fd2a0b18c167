// The input domain (issue 15): the bounds every edge (HTTP, events, claims, jobs) holds its input to.
// Declared once here so the validators, the docs tables and the extreme-values suite agree.
import * as z from 'zod';

/** A mean Gregorian year: the unit of the domain's window. */
export const YEAR_MS = 365.2425 * 24 * 3_600_000;

/** The earliest instant any input may name: nothing in this service predates it. */
export const EARLIEST_INSTANT = '2000-01-01T00:00:00.000Z';
/** How far ahead a caller may put a deadline, a reschedule or a filter bound. */
export const MAX_YEARS_AHEAD = 10;
/** How far ahead of the service's clock an event's `time` may be (clock skew between accounts). */
export const MAX_EVENT_CLOCK_SKEW_MS = 5 * 60_000;

/** The latest instant a caller may name at `now`. */
export const latestInstant = (now: number = Date.now()): string =>
  new Date(now + MAX_YEARS_AHEAD * YEAR_MS).toISOString();

/** Is `at` (epoch ms) inside [EARLIEST_INSTANT, now + MAX_YEARS_AHEAD]? */
export const isInstantInDomain = (at: number, now: number = Date.now()): boolean =>
  Number.isFinite(at) && at >= Date.parse(EARLIEST_INSTANT) && at <= Date.parse(latestInstant(now));

const outOfDomain = `must lie between ${EARLIEST_INSTANT.slice(0, 10)} and ${MAX_YEARS_AHEAD} years from now`;

/** An ISO 8601 date-time with offset inside the domain window (checked against the clock at parse time). */
export const boundedInstantSchema = z.iso
  // abort: a malformed value is named once, not also as out of the window.
  .datetime({ offset: true, abort: true })
  .refine((value) => isInstantInDomain(Date.parse(value)), { message: outOfDomain });

/** A calendar date (YYYY-MM-DD) inside the domain window. */
export const boundedDateSchema = z.iso
  .date({ abort: true })
  .refine((value) => isInstantInDomain(Date.parse(`${value}T00:00:00Z`)), { message: outOfDomain });

/**
 * The largest JSON request body the API reads (413 on `body` past it). The largest legitimate one, a
 * 100-item bulk postpone with 500-character reasons written as `\uXXXX` escapes (what Python's
 * json.dumps sends by default), is about 320 KB.
 */
export const MAX_JSON_BODY_BYTES = 512 * 1024;

/** Keys that reach an object's prototype: never a field or record key of this service's input. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The dotted path of the first prototype key in parsed JSON, if any. JSON.parse makes `__proto__` an own
 * key that zod records silently drop (a PUT would then store an emptied record). Iterative, with each
 * node pointing at its parent, so neither depth nor width can overflow the stack or grow quadratically.
 */
export const prototypeKeyPath = (json: unknown): string | undefined => {
  interface Node {
    value: unknown;
    key?: string;
    parent?: Node;
  }
  const pathOf = (node: Node): string[] => {
    const keys: string[] = [];
    for (let at: Node | undefined = node; at?.key !== undefined; at = at.parent) keys.push(at.key);
    return keys.reverse();
  };
  const pending: Node[] = [{ value: json }];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const { value } = node;
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      if (!Array.isArray(value) && PROTOTYPE_KEYS.has(key)) return [...pathOf(node), key].join('.');
      pending.push({ value: child, key, parent: node });
    }
  }
  return undefined;
};

/**
 * Free text must be well-formed UTF-16: a lone surrogate has no UTF-8 form, so DynamoDB, EventBridge and
 * the model prompt could not carry it faithfully. (NUL and other control characters are valid Unicode
 * and round-trip; they stay data.)
 */
export const isWellFormedText = (text: string): boolean => !/\p{Cs}/u.test(text);

/** A string refused when it holds a lone surrogate; chain length checks after it. */
export const wellFormedTextSchema = z
  .string()
  .refine(isWellFormedText, { message: 'must be valid Unicode text (it holds a lone surrogate)' });

/**
 * Is an event `time` (epoch ms) inside [EARLIEST_INSTANT, now + MAX_EVENT_CLOCK_SKEW_MS]? Deadlines and
 * escalations are counted from it, so this bound keeps them inside the instant window too.
 */
export const isEventTimeInDomain = (at: number, now: number = Date.now()): boolean =>
  Number.isFinite(at) && at >= Date.parse(EARLIEST_INSTANT) && at <= now + MAX_EVENT_CLOCK_SKEW_MS;
