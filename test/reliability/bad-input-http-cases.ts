// The bad-input-http suite's cases, generated from the route table and each route's zod schemas down to every body leaf.
import type * as z from 'zod';
import { type HttpRoute, routeKey } from '../../functions/http/routes.js';
import { dotted, listBounds, type Path, setAt, unwrap, variedItem } from './extreme-values-arbitraries.js';
import { type FieldKind, fieldKind, injections, oddUnicode, refusedValues } from './nasty-values.js';
import { authenticatedRoutes, shapeOf, specOf, validBodies } from './requests.js';

export interface BadCase {
  route: HttpRoute;
  name: string;
  /** The field the 400's `fields` must name (or a part of it). */
  field: string;
  /**
   * The item of a union list (a warning's form) holding `field`: zod cannot tell which option was meant, so a
   * wrong value inside it is named by the item (`warnings.0`), not the leaf.
   */
  unionItem?: string;
  /** The body leaf or container probed, list indexes and record keys as `*` (`rules.*.userIds.*`). */
  pattern?: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

interface Def {
  type: string;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const isRequired = (schema: z.ZodType): boolean => !schema.safeParse(undefined).success;

/** One place of a body: a leaf, or a container (object, list, record) whose own cases are wrong types and sizes. */
export interface BodyField {
  path: Path;
  pattern: string;
  schema: z.ZodType;
  kind: FieldKind;
  valid: unknown;
  /** The field is a key of an object (so it can be left out), not a list item or a record entry. */
  keyed: boolean;
  unionItem?: Path;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every field of a body, walked through the valid body: object keys, the items of its lists, the entries of
 * its records, and the option of a union its item parses with.
 */
export const bodyFields = (
  schema: z.ZodType,
  valid: unknown,
  path: Path = [],
  pattern: readonly string[] = [],
  keyed = true,
  unionItem?: Path,
): BodyField[] => {
  const inner = unwrap(schema);
  const def = defOf(inner);
  const kind = fieldKind(schema, 'body');
  const here: BodyField = {
    path,
    pattern: pattern.join('.'),
    schema,
    kind,
    valid,
    keyed,
    ...(unionItem ? { unionItem } : {}),
  };
  if (def.type === 'union' && kind === 'object') {
    const option = def.options?.find((candidate) => candidate.safeParse(valid).success);
    // A discriminated union names the leaf of the option its discriminator picks; a plain one only the item.
    return option ? bodyFields(option, valid, path, pattern, keyed, def.discriminator ? unionItem : path) : [here];
  }
  const walk = (child: z.ZodType, value: unknown, key: string | number, as: string, isKey: boolean) =>
    bodyFields(child, value, [...path, key], [...pattern, as], isKey, unionItem);
  if (kind === 'object') {
    const values = isObject(valid) ? valid : {};
    return [
      here,
      ...Object.entries(shapeOf(inner)).flatMap(([key, field]) => walk(field, values[key], key, key, true)),
    ];
  }
  if (kind === 'list' && def.element) {
    const element = def.element;
    const items = Array.isArray(valid) ? valid : [];
    return [here, ...items.flatMap((item, index) => walk(element, item, index, '*', false))];
  }
  if (kind === 'record' && def.valueType) {
    const valueType = def.valueType;
    const entries = Object.entries(isObject(valid) ? valid : {});
    return [here, ...entries.flatMap(([key, value]) => walk(valueType, value, key, '*', false))];
  }
  return [here];
};

/** Every node of a schema, every union option included: what the valid bodies must reach. */
export const schemaNodes = (
  schema: z.ZodType,
  pattern: readonly string[] = [],
): { pattern: string; type: string; kind: FieldKind }[] => {
  const inner = unwrap(schema);
  const def = defOf(inner);
  const kind = fieldKind(schema, 'body');
  const here = { pattern: pattern.join('.'), type: def.type, kind };
  if (def.type === 'union' && kind === 'object') {
    return [here, ...(def.options ?? []).flatMap((option) => schemaNodes(option, pattern).slice(1))];
  }
  if (kind === 'object') {
    return [here, ...Object.entries(shapeOf(inner)).flatMap(([key, field]) => schemaNodes(field, [...pattern, key]))];
  }
  if (kind === 'list' && def.element) return [here, ...schemaNodes(def.element, [...pattern, '*'])];
  if (kind === 'record' && def.valueType) return [here, ...schemaNodes(def.valueType, [...pattern, '*'])];
  return [here];
};

/** `path` deleted from a clone of `root`. */
const without = (root: unknown, path: Path): unknown => {
  const parent = path.slice(0, -1);
  const key = path.at(-1);
  let holder: unknown = root;
  for (const step of parent) holder = (holder as Record<string | number, unknown>)[step];
  const { [String(key)]: _dropped, ...rest } = isObject(holder) ? holder : {};
  return setAt(root, parent, rest);
};

/**
 * Each body field refused on its own: its kind's refused values (a wrong type for a container), each required
 * key left out, an unknown key in each object and record, and one item past each list's maximum. A value the
 * route's schema takes is not bad input here (digestHour 0 is midnight, expectedVersion 0 "none").
 */
const bodyCases = (route: HttpRoute, body: z.ZodType, valid: Record<string, unknown>): BadCase[] => {
  const cases: BadCase[] = [];
  for (const field of bodyFields(body, valid).filter((entry) => entry.path.length > 0)) {
    const at = dotted(field.path);
    const add = (name: string, value: unknown, named = at) => {
      if (body.safeParse(value).success) return;
      const unionItem = field.unionItem ? { unionItem: dotted(field.unionItem) } : {};
      cases.push({
        route,
        name: `body ${at}: ${name}`,
        field: named,
        pattern: field.pattern,
        body: value,
        ...unionItem,
      });
    };
    for (const [name, value] of Object.entries(refusedValues(field.kind, false))) {
      add(name, setAt(valid, field.path, value));
    }
    if (field.keyed && isRequired(field.schema)) add('missing', without(valid, field.path));
    if (field.kind === 'object' || field.kind === 'record') {
      add('unknown key', setAt(valid, [...field.path, 'isAdmin'], true), `${at}.isAdmin`);
    }
    const element = defOf(unwrap(field.schema)).element;
    const { max } = listBounds(field.schema);
    if (field.kind === 'list' && element && max !== undefined) {
      const template = Array.isArray(field.valid) ? field.valid[0] : undefined;
      const items = Array.from({ length: max + 1 }, (_, index) => variedItem(element, template, index));
      add(`${max + 1} items (max ${max})`, setAt(valid, field.path, items));
    }
  }
  return cases;
};

/**
 * The valid body the walk starts from: the shared one, or one that reaches more of the schema. A saved view's
 * filters are a record whose values GET /tasks's query schema checks (a rule the extreme-values suite does not
 * model), so only this suite sends one.
 */
export const walkedBody = (key: string): Record<string, unknown> | undefined => {
  const valid = validBodies[key]?.();
  return valid && key.includes('/views') && 'filters' in valid ? { ...valid, filters: { status: 'open' } } : valid;
};

/** `{"__proto__": …}` as raw JSON: JSON.parse makes it an own key, which a strict schema must refuse. */
const withProto = (body: Record<string, unknown>): string =>
  JSON.stringify({ smuggled: { role: 'owner' }, ...body }).replace('"smuggled"', '"__proto__"');

export const casesOf = (route: HttpRoute): BadCase[] => {
  const spec = specOf(route);
  if (!spec) return [];
  const key = routeKey(route);
  const validBody = validBodies[key];
  const cases: BadCase[] = [];
  for (const [field, schema] of Object.entries(shapeOf(spec.params))) {
    for (const [name, value] of Object.entries(refusedValues(fieldKind(schema, 'path'), true))) {
      // An empty path segment is another route (API Gateway's 404), not bad input of this one; a lone
      // surrogate cannot be UTF-8 encoded, so the gateway refuses the path before routing (tested apart).
      if (value === '' || name === 'loneSurrogate') continue;
      cases.push({ route, name: `path ${field}: ${name}`, field, params: { [field]: String(value) } });
    }
  }
  for (const [field, schema] of Object.entries(shapeOf(spec.query))) {
    for (const [name, value] of Object.entries(refusedValues(fieldKind(schema, 'query'), true))) {
      // `?field=` is how a client leaves an optional filter out; it is not a value.
      if (value === '' && !isRequired(schema)) continue;
      cases.push({ route, name: `query ${field}: ${name}`, field, query: { [field]: String(value) } });
    }
  }
  cases.push({ route, name: 'unknown query parameter', field: 'where', query: { where: injections.sql } });
  for (const [field, schema] of Object.entries(shapeOf(spec.headers))) {
    for (const [name, value] of Object.entries(refusedValues(fieldKind(schema, 'headers'), true))) {
      // Header values cannot carry control characters or non-Latin-1 text at all (fetch refuses them).
      if (value === '' || /[^\x20-\x7e]/.test(String(value)) || String(value).length > 4096) continue;
      cases.push({ route, name: `header ${field}: ${name}`, field, headers: { [field]: String(value) } });
    }
  }
  const walked = walkedBody(key);
  if (spec.body && validBody && walked) {
    cases.push(
      ...bodyCases(route, spec.body, walked),
      { route, name: 'extra body field', field: 'isAdmin', body: { ...validBody(), isAdmin: true } },
      { route, name: 'operator-looking field', field: '$where', body: { ...validBody(), $where: '1 == 1' } },
      { route, name: '__proto__ field', field: '__proto__', rawBody: withProto(validBody()) },
      { route, name: 'body is an array', field: 'body', body: [validBody()] },
      { route, name: 'body is a string', field: 'body', body: 'hello' },
      { route, name: 'body is null', field: 'body', rawBody: 'null' },
      { route, name: 'body is NaN', field: 'body', rawBody: 'NaN' },
      { route, name: 'truncated JSON', field: 'body', rawBody: JSON.stringify(validBody()).slice(0, -1) },
    );
  }
  return cases;
};

/** Every case of the suite, in route-table order. */
export const badHttpCases = (): BadCase[] => authenticatedRoutes.flatMap(casesOf);

/** Free text holding hostile-looking strings: data, stored verbatim (a lone surrogate has no UTF-8 form: refused). */
export const hostileTitles = (): Record<string, string> => {
  const { loneSurrogate: _notText, ...wellFormed } = oddUnicode;
  return { ...injections, ...wellFormed, long: 'é'.repeat(200) };
};

/** Routes with a path parameter: each gets a path that is not valid UTF-8. */
export const routesWithPathParameters = (): HttpRoute[] =>
  authenticatedRoutes.filter((route) => route.path.includes('{'));
