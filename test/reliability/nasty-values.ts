// The hostile values of the bad-input suites, grouped by the kind of field they must be refused by.
import type * as z from 'zod';

/** 100 KB: far beyond every text limit, below API Gateway's 10 MB payload and EventBridge's 256 KB event. */
export const HUGE = 'x'.repeat(100 * 1024);
/** Path and query strings are capped by the request line (Node's 16 KB header limit, API Gateway's 10 KB). */
export const LONG_IN_URL = 'x'.repeat(8 * 1024);

export const oddUnicode = {
  nul: 'a\u0000b',
  rtlOverride: '\u202Eevil',
  loneSurrogate: 'a\uD800b',
  emoji: 'case-😀',
  zeroWidth: 'a\u200Bb',
} as const;

export const injections = {
  sql: "' OR 1=1 --",
  nosql: '{"$ne":1}',
  html: '<script>alert(1)</script>',
  keyDelimiter: 'case#other',
  pathTraversal: '../../etc/passwd',
} as const;

export const badDates = {
  feb30: '2026-02-30',
  feb30Time: '2026-02-30T10:00:00Z',
  words: 'yesterday',
  month13: '2026-13-01T00:00:00Z',
  noOffset: '2030-01-01T10:00:00',
  epoch: '1700000000',
} as const;

/** JSON values of the wrong type for a string field. */
export const notStrings: Record<string, unknown> = {
  number: 42,
  boolean: true,
  object: { $ne: 1 },
  array: ['a'],
};

/**
 * The kind of a field, read from its zod schema (wrappers unwrapped): what decides which values must be
 * refused. `text` is free text: hostile-looking text is data there, only types and sizes are refused.
 * `list` is a JSON array in a body and a comma list in a URL; `object` and `record` hold fields of their own,
 * which the suites walk (never free text).
 */
export type FieldKind =
  | 'id'
  | 'instant'
  | 'enum'
  | 'number'
  | 'boolean'
  | 'text'
  | 'list'
  | 'opaque'
  | 'object'
  | 'record';

interface ZodInternals {
  _zod: { def: { type: string; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; options?: z.ZodType[] } };
  format?: string | null;
}

const internals = (schema: z.ZodType): ZodInternals => schema as unknown as ZodInternals;

const CONTAINERS: Readonly<Record<string, FieldKind>> = { object: 'object', record: 'record', array: 'list' };
const WRAPPERS: ReadonlySet<string> = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch']);
const unwrapped = (schema: z.ZodType): z.ZodType => {
  const { def } = internals(schema)._zod;
  return WRAPPERS.has(def.type) && def.innerType ? unwrapped(def.innerType) : schema;
};

export const fieldKind = (schema: z.ZodType, where: 'body' | 'query' | 'path' | 'headers' | 'detail'): FieldKind => {
  const node = internals(schema);
  const { def } = node._zod;
  if (WRAPPERS.has(def.type) && def.innerType) return fieldKind(def.innerType, where);
  // A pipe parses text into its output: a comma list into an array, digits into a number.
  if (def.type === 'pipe' && def.out) {
    const out = internals(def.out)._zod.def.type;
    if (out === 'array') return 'list';
    if (out === 'number') return 'number';
    // Text normalised before it is checked (the list's `q`): a search, so hostile-looking text is data.
    const inner = def.in && internals(def.in)._zod.def;
    if (out === 'string' && inner?.type === 'pipe' && inner.out && internals(inner.out)._zod.def.type === 'transform') {
      return 'text';
    }
    return fieldKind(def.in ?? def.out, where);
  }
  const container = CONTAINERS[def.type];
  if (container) return container;
  if (def.type === 'union') {
    const options = (def.options ?? []).map((option) => internals(unwrapped(option))._zod.def.type);
    // Objects of a union (a bulk item's action, a warning's form) are walked like one object.
    if (options.every((type) => type === 'object')) return 'object';
    if (options.every((type) => type === 'enum' || type === 'literal')) return 'enum';
    const formats = (def.options ?? []).map((option) => internals(option).format);
    return formats.some((format) => format === 'datetime' || format === 'date') ? 'instant' : 'id';
  }
  if (def.type === 'enum' || def.type === 'literal') return 'enum';
  if (def.type === 'number') return 'number';
  if (def.type === 'boolean') return 'boolean';
  if (def.type === 'string') {
    if (node.format === 'datetime' || node.format === 'date') return 'instant';
    if (node.format === 'regex') return 'id';
    return where === 'query' ? 'opaque' : 'text';
  }
  // Only plain strings are free text: a schema of another shape must get a kind before the suites can probe it.
  throw new Error(`no field kind for a zod ${def.type}`);
};

/** Values every field of a kind must refuse; `url` = the value travels in a path or query string. */
export const refusedValues = (kind: FieldKind, url: boolean): Record<string, unknown> => {
  const long = url ? LONG_IN_URL : HUGE;
  const types = url ? {} : notStrings;
  switch (kind) {
    case 'id':
      return { ...types, ...oddUnicode, ...injections, huge: long, empty: '', space: 'a b' };
    case 'instant':
      return { ...types, ...badDates, ...injections, nul: oddUnicode.nul, huge: long };
    case 'list':
      if (!url) return { string: 'x', number: 42, boolean: true, object: { 0: 'x' }, null: null };
      return { upper: 'OPEN', ...injections, nul: 'open\u0000', emoji: '😀', huge: long, empty: '' };
    case 'enum':
      return { ...types, upper: 'OPEN', ...injections, nul: 'open\u0000', emoji: '😀', huge: long, empty: '' };
    case 'number':
      return url
        ? {
            zero: '0',
            over: '101',
            negative: '-1',
            large: '1e9',
            nan: 'NaN',
            fraction: '1.5',
            hex: '0x10',
            sql: injections.sql,
          }
        : { zero: 0, negative: -1, large: 1e9, fraction: 1.5, numeric: '2', null: null, boolean: true, array: [1] };
    case 'boolean':
      return url ? { word: 'yes', number: '2' } : { string: 'true', number: 1, null: null, object: {}, array: [true] };
    case 'opaque':
      return { garbage: 'garbage', ...injections, huge: long, nul: oddUnicode.nul };
    case 'text':
      return { ...types, huge: long };
    case 'object':
    case 'record':
      return { string: 'x', number: 42, boolean: true, array: [{}], null: null };
  }
};
