// The extreme-values suite's arbitraries: each field's edges of the input domain and the values just past them.
import { EARLIEST_INSTANT, latestInstant, MAX_EVENT_CLOCK_SKEW_MS } from '@casetasks/core';
import fc from 'fast-check';
import type * as z from 'zod';
import { type FieldKind, fieldKind, HUGE, LONG_IN_URL, oddUnicode } from './nasty-values.js';
import { shapeOf } from './requests.js';

/** What the contract says must happen to a value: taken, refused (4xx naming the field), or left to a rule. */
export type Expect = 'accept' | 'refuse' | 'either';

export interface Edge {
  name: string;
  value: unknown;
  expect: Expect;
  /** The field's own schema takes the value (a rule behind it may still refuse it). */
  parses: boolean;
  /** Refused by the input domain although the field's schema alone would take it (or did before issue 15). */
  domain?: boolean;
  /** An unknown key added to the object slot (instead of a value for the slot itself). */
  key?: string;
  /** An unknown key's value carries this: it must never reach the table. */
  marker?: string;
}

export type Path = readonly (string | number)[];
export type Where = 'body' | 'query' | 'path' | 'headers' | 'event';
export type SlotKind = FieldKind | 'boolean' | 'object' | 'record';

/** One place a request or event takes input: a field, a list, a record's keys or an object's unknown keys. */
export interface Slot {
  path: Path;
  schema: z.ZodType;
  /** What the valid base holds there; undefined for an optional field left out. */
  valid: unknown;
  kind: SlotKind;
}

export interface EdgeContext {
  where: Where;
  /** The service clock the domain is measured from (epoch ms). */
  now: number;
  /** Event `time` may run ahead of the clock by the skew only; everything else by MAX_YEARS_AHEAD. */
  ceiling: 'years' | 'skew';
  /**
   * A rule, not the schema, decides some values the schema takes (a deadline in the past, an unknown
   * time zone, a task that does not exist): those are `either` instead of `accept`.
   */
  ruled: boolean;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number } } }[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);
export const unwrap = (schema: z.ZodType): z.ZodType => {
  const def = defOf(schema);
  return WRAPPERS.has(def.type) && def.innerType ? unwrap(def.innerType) : schema;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const slotKind = (schema: z.ZodType, where: Where): SlotKind => {
  const type = defOf(unwrap(schema)).type;
  if (type === 'boolean') return 'boolean';
  if (type === 'array') return 'list';
  return fieldKind(schema, where === 'event' ? 'body' : where);
};

/** Every slot of a schema, walking objects, the items of the valid value's lists, records and object unions. */
export const slotsOf = (schema: z.ZodType, valid: unknown, where: Where, path: Path = []): Slot[] => {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'object') {
    const value = isPlainObject(valid) ? valid : {};
    return [
      { path, schema, valid, kind: 'object' },
      ...Object.entries(shapeOf(inner)).flatMap(([key, field]) => slotsOf(field, value[key], where, [...path, key])),
    ];
  }
  if (def.type === 'array' && def.element) {
    const element = def.element;
    const items = Array.isArray(valid) ? valid : [];
    return [
      { path, schema, valid, kind: 'list' },
      ...items.flatMap((item, index) => slotsOf(element, item, where, [...path, index])),
    ];
  }
  if (def.type === 'record' && def.valueType) {
    const valueType = def.valueType;
    const entries = Object.entries(isPlainObject(valid) ? valid : {});
    return [
      { path, schema, valid, kind: 'record' },
      ...entries.flatMap(([key, value]) => slotsOf(valueType, value, where, [...path, key])),
    ];
  }
  const options = def.type === 'union' ? (def.options ?? []) : [];
  if (options.length > 0 && options.every((option) => defOf(unwrap(option)).type === 'object')) {
    const option = options.find((candidate) => candidate.safeParse(valid).success);
    return option ? slotsOf(option, valid, where, path) : [];
  }
  return [{ path, schema, valid, kind: slotKind(schema, where) }];
};

/** Writes `value` at `path` as an own property (a `__proto__` key stays a key), cloning along the way. */
export const setAt = (root: unknown, path: Path, value: unknown): unknown => {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const copy: Record<string | number, unknown> | unknown[] = Array.isArray(root)
    ? [...root]
    : { ...(isPlainObject(root) ? root : {}) };
  const current = (copy as Record<string | number, unknown>)[head];
  const own = Object.hasOwn(copy, head) ? current : undefined;
  Object.defineProperty(copy, head, {
    value: setAt(own, rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
};

export const dotted = (path: Path): string => path.join('.');

// ---- values ------------------------------------------------------------------------------------

let counter = 0;
/** A short value no other probe uses: ids of the same length from different probes must not collide. */
export const fresh = (): string => `u${(counter++).toString(36)}`;

/** Names a value can have that mean something to a JavaScript object. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'] as const;

export const moreUnicode = {
  combining: 'e\u0301\u0302\u0303',
  fourByte: '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  bom: '\uFEFFa',
  lineSeparator: 'a\u2028b',
  controls: 'a\u0001\u001b[31mb',
} as const;

const DAY = 86_400_000;
const MINUTE = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();

/** Fillers a length is measured with: the first the field takes at some small length. */
const FILLERS = ['a', 'A', 'x', '0'] as const;

interface LengthBounds {
  filler: string;
  min: number;
  /** undefined = no limit below 300 000. */
  max: number | undefined;
}

const lengthBounds = (schema: z.ZodType): LengthBounds | undefined => {
  const takes = (filler: string, length: number) => schema.safeParse(filler.repeat(length)).success;
  for (const filler of FILLERS) {
    const min = [0, 1, 2, 3].find((length) => takes(filler, length));
    if (min === undefined) continue;
    const ceiling = 300_000;
    if (takes(filler, ceiling)) return { filler, min, max: undefined };
    let low = min;
    let high = ceiling;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (takes(filler, middle)) low = middle;
      else high = middle;
    }
    return { filler, min, max: low };
  }
  return undefined;
};

/** `length` characters of `filler`, starting with a unique prefix when there is room (ids must not collide). */
const ofLength = (filler: string, length: number, unique: boolean): string => {
  const prefix = unique ? fresh() : '';
  return length > prefix.length + 2 ? `${prefix}${filler.repeat(length - prefix.length)}` : filler.repeat(length);
};

const inUrl = (where: Where) => where === 'path' || where === 'query' || where === 'headers';

/** Header values travel only as printable Latin-1 of a sane size; fetch refuses the rest before sending. */
const sendable = (where: Where, value: unknown): boolean => {
  if (!inUrl(where)) return true;
  if (typeof value !== 'string') return false;
  if (where === 'headers') return /^[\x20-\x7e]*$/.test(value) && value.length <= 4096;
  // An empty path segment is another route; a lone surrogate cannot be UTF-8 (the gateway refuses it).
  if (where === 'path') return value !== '' && !value.includes('\uD800');
  return true;
};

interface Candidate {
  name: string;
  value: unknown;
  /** Fixed by the input domain whatever the schema says (refused instants, 10k lists, 1e308). */
  domain?: Expect;
}

const finish = (slot: Slot, context: EdgeContext, candidates: Candidate[]): Edge[] =>
  candidates
    .filter((candidate) => sendable(context.where, candidate.value))
    .map((candidate) => {
      const parses = slot.schema.safeParse(candidate.value).success;
      const byField: Expect = parses ? (context.ruled ? 'either' : 'accept') : 'refuse';
      const expect = candidate.domain === 'refuse' ? 'refuse' : candidate.domain === 'either' ? 'either' : byField;
      const domain = candidate.domain === 'refuse';
      return { name: candidate.name, value: candidate.value, expect, parses, ...(domain ? { domain } : {}) };
    });

const textCandidates = (slot: Slot, where: Where): Candidate[] => {
  const bounds = lengthBounds(slot.schema);
  const unique = slot.kind === 'id';
  const huge = inUrl(where) ? LONG_IN_URL : HUGE;
  const out: Candidate[] = [
    { name: 'length 0', value: '' },
    { name: 'blank', value: '   ' },
    { name: `${huge.length / 1024} KB`, value: huge },
    ...Object.entries({ ...oddUnicode, ...moreUnicode }).map(([name, value]) => ({ name, value })),
    ...PROTOTYPE_KEYS.map((key) => ({ name: `named ${key}`, value: key })),
    { name: 'key delimiter', value: 'a#b' },
  ];
  if (!bounds) return out;
  const { filler, min, max } = bounds;
  out.push(
    { name: 'length 1', value: ofLength(filler, 1, false) },
    { name: `min length ${min}`, value: ofLength(filler, min, unique) },
  );
  if (min > 0) out.push({ name: `min length - 1 (${min - 1})`, value: ofLength(filler, min - 1, false) });
  if (max !== undefined) {
    out.push(
      { name: `max length ${max}`, value: ofLength(filler, max, unique) },
      { name: `max length + 1 (${max + 1})`, value: ofLength(filler, max + 1, unique) },
      { name: 'max length ending in a 4-byte char', value: `${ofLength(filler, max - 2, unique)}😀` },
      { name: 'max length + 1 by a 4-byte char', value: `${ofLength(filler, max - 1, unique)}😀` },
      { name: 'max length of combining marks', value: `${filler}${'\u0301'.repeat(max - 1)}` },
    );
  }
  return out;
};

/** The instant edges: the domain's floor and ceiling ± the smallest step, far years, calendar oddities. */
const instantCandidates = (slot: Slot, context: EdgeContext): Candidate[] => {
  const floor = Date.parse(EARLIEST_INSTANT);
  const ceiling =
    context.ceiling === 'skew' ? context.now + MAX_EVENT_CLOCK_SKEW_MS : Date.parse(latestInstant(context.now));
  const step = context.ceiling === 'skew' ? MINUTE : DAY;
  const inWindow = (ms: number) => Number.isFinite(ms) && ms >= floor && ms <= ceiling;
  const instant = (name: string, value: string, valid = true): Candidate => ({
    name,
    value,
    ...(valid && inWindow(Date.parse(value)) ? {} : { domain: 'refuse' as const }),
  });
  const times: Candidate[] = [
    instant('floor - 1 ms', iso(floor - 1)),
    instant('floor', EARLIEST_INSTANT),
    instant('floor + 1 ms', iso(floor + 1)),
    instant(`ceiling - 1 ${context.ceiling === 'skew' ? 'min' : 'day'}`, iso(ceiling - step)),
    instant(`ceiling + 1 ${context.ceiling === 'skew' ? 'min' : 'day'}`, iso(ceiling + step)),
    instant('now', iso(context.now)),
    instant('year 9999', '9999-12-31T23:59:59.999Z'),
    instant('year +010000', '+010000-01-01T00:00:00.000Z'),
    instant('negative year', '-000001-01-01T00:00:00.000Z'),
    instant('year 0000', '0000-01-01T00:00:00Z'),
    instant('Feb 30', '2027-02-30T10:00:00Z', false),
    instant('Feb 29 of a common year', '2027-02-29T10:00:00Z', false),
    instant('past leap day', '2024-02-29T12:00:00Z'),
    instant('future leap day', '2028-02-29T12:00:00Z'),
    instant('EU spring-forward gap', '2025-03-30T02:30:00+02:00'),
    instant('US fall-back overlap', '2025-11-02T01:30:00-04:00'),
    instant('future EU spring-forward', '2027-03-28T01:00:00Z'),
    instant('offset +14:00', '2026-01-01T00:00:00+14:00'),
    instant('offset -12:00', '2026-01-01T00:00:00-12:00'),
    instant('offset +24:00', '2026-01-01T00:00:00+24:00', false),
    instant('nanoseconds', '2026-01-01T00:00:00.123456789Z'),
    instant('leap second', '2026-06-30T23:59:60Z', false),
    { name: 'epoch milliseconds', value: 1_893_456_000_000, domain: 'refuse' },
  ];
  const takesDays = slot.schema.safeParse('2026-06-15').success;
  if (!takesDays) return times;
  const day = (ms: number) => iso(ms).slice(0, 10);
  const date = (name: string, value: string, valid = true): Candidate => ({
    name,
    value,
    ...(valid && inWindow(Date.parse(`${value}T00:00:00Z`)) ? {} : { domain: 'refuse' as const }),
  });
  return [
    ...times,
    date('day before the floor', '1999-12-31'),
    date('floor day', EARLIEST_INSTANT.slice(0, 10)),
    date('day before the ceiling', day(ceiling - DAY)),
    date('day after the ceiling', day(ceiling + DAY)),
    date('day 9999-12-31', '9999-12-31'),
    date('day 0000-01-01', '0000-01-01'),
    date('leap day', '2028-02-29'),
    date('Feb 29 of a common year', '2027-02-29', false),
    date('Feb 30', '2026-02-30', false),
  ];
};

interface NumberBounds {
  min: number;
  max: number;
  int: boolean;
}

const numberBounds = (schema: z.ZodType): NumberBounds => {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'pipe' && def.out) return numberBounds(def.out);
  const number = inner as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
  return {
    min: number.minValue ?? Number.MIN_SAFE_INTEGER,
    max: number.maxValue ?? Number.MAX_SAFE_INTEGER,
    int: number.isInt,
  };
};

const numberCandidates = (slot: Slot, where: Where): Candidate[] => {
  const { min, max, int } = numberBounds(slot.schema);
  const numbers: Candidate[] = [
    { name: `min ${min}`, value: min },
    { name: `max ${max}`, value: max },
    { name: `min - 1`, value: min - 1 },
    { name: `max + 1`, value: max + 1 },
    { name: '0', value: 0 },
    { name: '-1', value: -1 },
    { name: '1e308', value: 1e308, domain: 'refuse' },
    { name: '-1e308', value: -1e308, domain: 'refuse' },
    { name: '2^53 + 1', value: 2 ** 53 + 1 },
    { name: int ? 'a float where an int is expected' : 'a float', value: min + 0.5 },
  ];
  if (inUrl(where)) {
    return [
      ...numbers.map((candidate) => ({ ...candidate, value: String(candidate.value) })),
      ...['NaN', 'Infinity', '0x10', ' 1', '01', '1e1', '١', '9'.repeat(400)].map((value) => ({
        name: `text ${JSON.stringify(value.slice(0, 12))}`,
        value,
      })),
    ];
  }
  return [
    ...numbers,
    ...['NaN', 'Infinity', '1', ''].map((value) => ({ name: `text ${JSON.stringify(value)}`, value })),
    { name: 'null', value: null },
    { name: 'true', value: true },
  ];
};

const optionsOf = (schema: z.ZodType): unknown[] => {
  const def = defOf(unwrap(schema));
  // A union of enums and literals (the chat cleanup's mode): the options of each.
  if (def.type === 'union') return (def.options ?? []).flatMap(optionsOf);
  if (def.entries) return Object.values(def.entries);
  return def.values ?? [];
};

const enumCandidates = (slot: Slot, where: Where): Candidate[] => {
  const options = optionsOf(slot.schema).filter((option): option is string => typeof option === 'string');
  const first = options[0] ?? 'x';
  return [
    ...options.map((option) => ({ name: `option ${option}`, value: option })),
    { name: 'upper case', value: first.toUpperCase() },
    { name: 'trailing space', value: `${first} ` },
    { name: 'trailing NUL', value: `${first}\u0000` },
    { name: 'length 0', value: '' },
    { name: 'huge', value: inUrl(where) ? LONG_IN_URL : HUGE },
    ...PROTOTYPE_KEYS.map((key) => ({ name: `named ${key}`, value: key })),
  ];
};

/** A valid list item number `index`, different from the others: the valid item varied field by field. */
export const variedItem = (schema: z.ZodType, template: unknown, index: number): unknown => {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'object' && isPlainObject(template)) {
    return Object.fromEntries(
      Object.entries(template).map(([key, value]) => [key, variedItem(shapeOf(inner)[key] ?? inner, value, index)]),
    );
  }
  if (def.type === 'union' && def.options) {
    const option = def.options.find((candidate) => candidate.safeParse(template).success);
    return option ? variedItem(option, template, index) : template;
  }
  const kind = slotKind(schema, 'body');
  if (kind === 'number') {
    const { min, max } = numberBounds(schema);
    return min + (index % (Math.min(max, 10_000) - min + 1));
  }
  if (kind === 'instant' && typeof template === 'string' && template.length === 10) {
    return iso(Date.parse('2027-01-01') + index * DAY).slice(0, 10);
  }
  if (kind === 'id' && typeof template === 'string') {
    const suffixed = `${template}-${index}`;
    if (schema.safeParse(suffixed).success) return suffixed;
    // Task ids are ULIDs: the same length, counted in Crockford base32 in the last characters.
    const crockford = index
      .toString(32)
      .padStart(6, '0')
      .replace(/[a-v]/g, (digit) => '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[parseInt(digit, 32)] ?? '0');
    const counted = `${template.slice(0, -6)}${crockford}`;
    return schema.safeParse(counted).success ? counted : template;
  }
  if (kind === 'enum') {
    const options = optionsOf(schema);
    return options[index % options.length] ?? template;
  }
  return template;
};

export const listBounds = (schema: z.ZodType): { min: number; max: number | undefined } => {
  const inner = unwrap(schema);
  const def = defOf(inner);
  const checks = (def.type === 'pipe' && def.out ? defOf(def.out).checks : def.checks) ?? [];
  const bound = (check: string) => checks.find((entry) => entry._zod.def.check === check)?._zod.def;
  return { min: bound('min_length')?.minimum ?? 0, max: bound('max_length')?.maximum };
};

const TEN_K = 10_000;

const listCandidates = (slot: Slot, where: Where): Candidate[] => {
  const inner = unwrap(slot.schema);
  const def = defOf(inner);
  const listSchema = def.type === 'pipe' && def.out ? def.out : inner;
  const element = defOf(unwrap(listSchema)).element;
  if (!element) return [];
  const template = Array.isArray(slot.valid) ? slot.valid[0] : optionsOf(element)[0];
  const { min, max } = listBounds(slot.schema);
  const items = (count: number) => Array.from({ length: count }, (_, index) => variedItem(element, template, index));
  // In a URL a list is comma-separated text; 10k items would not fit in a request line.
  const sized = (name: string, count: number, domain?: Expect): Candidate => ({
    name,
    value: inUrl(where) ? items(count).join(',') : items(count),
    ...(domain ? { domain } : {}),
  });
  const out: Candidate[] = [sized('0 items', 0), sized('1 item', 1), sized(`min ${min} items`, min)];
  if (min > 0) out.push(sized(`min - 1 (${min - 1}) items`, min - 1));
  if (max !== undefined) out.push(sized(`max ${max} items`, max), sized(`max + 1 (${max + 1}) items`, max + 1));
  out.push(inUrl(where) ? sized('1000 items', 1000) : sized('10k items', TEN_K, 'refuse'), {
    name: 'two equal items',
    value: inUrl(where) ? `${template},${template}` : [template, template],
  });
  if (!inUrl(where)) out.push({ name: 'an object instead of a list', value: { 0: template } });
  return out;
};

const booleanCandidates = (): Candidate[] =>
  [true, false, 'true', 1, 0, null].map((value) => ({ name: JSON.stringify(value), value }));

/** Keys a record (e.g. rules per task type) must refuse or take; the value is the valid one. */
const recordCandidates = (slot: Slot): Candidate[] => {
  const template = Object.values(isPlainObject(slot.valid) ? slot.valid : {})[0];
  const keyed = (key: string) => JSON.parse(JSON.stringify({ [`${key}`]: template })) as unknown;
  return [...PROTOTYPE_KEYS, '', 'GENERIC', 'x'.repeat(1000)].map((key) => ({
    name: `key ${JSON.stringify(key.slice(0, 20))}`,
    value: keyed(key),
  }));
};

/** Unknown keys on an object, prototype names first; each carries a marker that must never be stored. */
export const unknownKeyEdges = (slot: Slot): Edge[] =>
  [...PROTOTYPE_KEYS.slice(0, 3), 'isAdmin'].map((key) => {
    const marker = `smuggled-${fresh()}`;
    const value = { role: 'owner', marker };
    const parses = slot.schema.safeParse(setAt(slot.valid ?? {}, [key], value)).success;
    return { name: `unknown key ${key}`, key, value, expect: parses ? 'accept' : 'refuse', parses, marker };
  });

/** The edges of one slot. Object slots have none here: their unknown keys are `unknownKeyEdges`. */
export const edgesOf = (slot: Slot, context: EdgeContext): Edge[] => {
  switch (slot.kind) {
    case 'id':
    case 'text':
      return finish(slot, context, textCandidates(slot, context.where));
    case 'opaque':
      return finish(slot, { ...context, ruled: true }, textCandidates(slot, context.where));
    case 'instant':
      return finish(slot, context, instantCandidates(slot, context));
    case 'number':
      return finish(slot, context, numberCandidates(slot, context.where));
    case 'enum':
      return finish(slot, context, enumCandidates(slot, context.where));
    case 'list':
      return finish(slot, context, listCandidates(slot, context.where));
    case 'boolean':
      return finish(slot, context, booleanCandidates());
    case 'record':
      return finish(slot, context, recordCandidates(slot));
    case 'object':
      return [];
  }
};

/**
 * Generated text around a bounded field's limit, in all of Unicode (4-byte chars, combining marks, lone
 * surrogates), one code point either side of the maximum. The field's schema says whether it parses.
 */
export const generatedTextEdge = (slot: Slot, context: EdgeContext): fc.Arbitrary<Edge> | undefined => {
  if (slot.kind !== 'text' && slot.kind !== 'id') return undefined;
  const bounds = lengthBounds(slot.schema);
  if (!bounds?.max || inUrl(context.where)) return undefined;
  const { max } = bounds;
  const near = { minLength: max - 1, maxLength: max + 1 };
  return fc
    .oneof(
      fc.string({ ...near, unit: 'binary' }),
      fc.string({ ...near, unit: 'grapheme-composite' }),
      fc.string({ ...near, unit: 'binary-ascii' }),
    )
    .map((value) => finish(slot, context, [{ name: `generated text of ${value.length} UTF-16 units`, value }])[0])
    .filter((edge): edge is Edge => edge !== undefined);
};

/** Percent-encodes a path segment or query value; a lone surrogate as its (invalid) UTF-8 bytes, as a raw client would. */
export const urlEncode = (value: string): string =>
  value
    .split('\uD800')
    .map((part) => encodeURIComponent(part))
    .join('%ED%A0%80');
