// The extreme-values suite's probes: each slot's edges sampled, generated texts and random combinations (counted by counts.ts).
import { type PlatformDetailType, platformEventSchema } from '@casetasks/events';
import fc from 'fast-check';
import type * as z from 'zod';
import { type HttpRoute, routeKey } from '../../functions/http/routes.js';
import {
  dotted,
  type Edge,
  type EdgeContext,
  type Expect,
  edgesOf,
  fresh,
  generatedTextEdge,
  type Path,
  type Slot,
  setAt,
  slotsOf,
  unknownKeyEdges,
  unwrap,
  type Where,
} from './extreme-values-arbitraries.js';
import { specOf, validBodies } from './requests.js';

export const SEED = Number(process.env.EXTREME_SEED ?? 20261115);
/** Full size (`EXTREME_RUNS=n`): every edge of every slot, n generated texts and n random multi-field probes each. */
export const FULL = process.env.EXTREME_RUNS !== undefined;
export const RUNS = Number(process.env.EXTREME_RUNS ?? 2);
/** Inside `npm test`: a seeded sample of each slot's edges, the domain's own edges first. */
const EDGES_PER_SLOT = FULL ? Number.POSITIVE_INFINITY : 3;
/** Events cost more per probe (a prelude of events, a redelivery): fewer of each slot's edges inside npm test. */
const EVENT_EDGES_PER_SLOT = FULL ? Number.POSITIVE_INFINITY : 1;
const DAY = 86_400_000;

const SPANNING: Record<string, string> = { from: 'to', to: 'from', dueFrom: 'dueTo', dueTo: 'dueFrom' };

/**
 * A 400 (or InvalidEventError) names the field when it names it, a part of it, the list item holding it
 * (a union item cannot tell which of its options was meant), or the other field of a rule both span.
 */
export const names = (named: readonly string[], targets: readonly string[]): boolean =>
  named.some((field) =>
    targets.some(
      (target) =>
        field === target ||
        field.startsWith(`${target}.`) ||
        (field.split('.').length >= 2 && target.startsWith(`${field}.`)) ||
        SPANNING[target] === field,
    ),
  );

// ---- probes ------------------------------------------------------------------------------------

/** One change to a request or event: a value at a slot's path, or an unknown key on an object slot. */
export interface Change {
  where: Where;
  path: Path;
  value: unknown;
}

export interface Probe {
  name: string;
  changes: Change[];
  /** Fields a refusal may name. */
  targets: string[];
  expect: Expect;
  marker?: string;
  /** Optional siblings dropped so only this value decides (deadline XOR dueInBusinessDays). */
  drop: Change[];
}

const changeOf = (where: Where, slot: Slot, edge: Edge): Change =>
  edge.key === undefined
    ? { where, path: slot.path, value: edge.value }
    : { where, path: [...slot.path, edge.key], value: where === 'query' ? edge.marker : edge.value };

const targetsOf = (slot: Slot, edge: Edge): string[] =>
  edge.key !== undefined
    ? [dotted([...slot.path, edge.key])]
    : slot.kind === 'record'
      ? [dotted(slot.path), ...Object.keys(edge.value as object).map((key) => dotted([...slot.path, key]))]
      : [dotted(slot.path)];

export interface Part {
  where: Where;
  schema: z.ZodType | undefined;
  base: unknown;
}

/** List parameters a list refuses in some combinations (`q` with `sort`, `caseId` with `sort=-amount`, …: docs/api.md). */
const COMBINED_QUERY = new Set(['status', 'sort', 'q', 'caseId', 'dueFrom', 'dueTo']);

/** Fields whose values a rule (not the schema) decides: a deadline in the past, an unknown zone, a missing task. */
const RULED = new Set(['deadline', 'rescheduleTo', 'from', 'to', 'timeZone', 'country']);

export const contextFor = (where: Where, slot: Slot, now: number): EdgeContext => {
  const name = slot.path.findLast((segment): segment is string => typeof segment === 'string') ?? '';
  return {
    where,
    now,
    ceiling: where === 'event' && dotted(slot.path) === 'time' ? 'skew' : 'years',
    ruled: where === 'path' ? name === 'id' : where !== 'event' && (RULED.has(name) || slot.kind === 'record'),
  };
};

/**
 * If a value at `slot` makes the whole part invalid for another field's sake (a body that may hold
 * either `deadline` or `dueInBusinessDays`), the optional siblings to drop so that it does not.
 */
const siblingsToDrop = (part: Part, slot: Slot, edges: readonly Edge[]): Change[] => {
  const good = edges.find((edge) => edge.parses && edge.key === undefined);
  if (!part.schema || !good || slot.path.length === 0) return [];
  const withGood = setAt(part.base, slot.path, good.value);
  if (part.schema.safeParse(withGood).success) return [];
  const parentPath = slot.path.slice(0, -1);
  const parent = parentPath.reduce<unknown>(
    (value, key) => (value as Record<string | number, unknown> | undefined)?.[key],
    withGood,
  );
  for (const sibling of Object.keys((parent as Record<string, unknown>) ?? {})) {
    if (sibling === slot.path.at(-1)) continue;
    const without = setAt(withGood, [...parentPath, sibling], undefined);
    if (part.schema.safeParse(without).success)
      return [{ where: part.where, path: [...parentPath, sibling], value: undefined }];
  }
  return [];
};

/** Edges only the running service can make (a real cursor and ones crafted from it, the planted task's id). */
export interface ExtraEdges {
  where: Where;
  path: string;
  edges: Edge[];
}

/** A slot's edges within EDGES_PER_SLOT: a seeded pick that takes accepted, refused and ruled values in turn. */
const sampled = (edges: readonly Edge[], limit: number): Edge[] => {
  if (edges.length <= limit) return [...edges];
  const shuffled = fc.sample(fc.shuffledSubarray([...edges], { minLength: edges.length }), {
    seed: SEED + edges.length,
    numRuns: 1,
  })[0] ?? [...edges];
  // The domain's own edges (values only the input domain refuses) first, then taken, refused and ruled values.
  const groups = [
    shuffled.filter((e) => e.domain),
    ...(['accept', 'refuse', 'either'] as const).map((expect) =>
      shuffled.filter((e) => !e.domain && e.expect === expect),
    ),
  ];
  const picked: Edge[] = [];
  for (let round = 0; picked.length < limit; round += 1) {
    for (const group of groups) {
      const edge = group[round];
      if (edge && picked.length < limit) picked.push(edge);
    }
  }
  return picked;
};

/**
 * Every event about a case takes the same optional `caseDetails` (one schema): inside npm test its edges are
 * probed on `Case Details Changed` and `Case Submitted` only (the full run probes them on every event type).
 */
const CASE_DETAILS_PROBED_ON = new Set(['Case Details Changed', 'Case Submitted']);
export const sharedSlotProbedElsewhere = (part: Part, slot: Slot): boolean => {
  if (FULL || part.where !== 'event' || !dotted(slot.path).includes('caseDetails')) return false;
  return !CASE_DETAILS_PROBED_ON.has(String((part.base as { 'detail-type'?: unknown })['detail-type']));
};

/** Every slot's edges, one probe each, plus RUNS generated texts and RUNS random multi-field probes (seeded). */
export const probesOf = (parts: readonly Part[], now: number, extras: readonly ExtraEdges[] = []): Probe[] => {
  const perSlot: { part: Part; slot: Slot; edges: Edge[]; all: Edge[] }[] = [];
  for (const part of parts) {
    if (!part.schema) continue;
    for (const slot of slotsOf(part.schema, part.base, part.where)) {
      if (sharedSlotProbedElsewhere(part, slot)) continue;
      const context = contextFor(part.where, slot, now);
      const keyed = slot.kind === 'object' && part.where !== 'headers' && part.where !== 'path';
      const own = keyed ? unknownKeyEdges(slot) : [];
      const extra = extras.filter((entry) => entry.where === part.where && entry.path === dotted(slot.path));
      const all = [...own, ...edgesOf(slot, context)];
      const limit = part.where === 'event' ? EVENT_EDGES_PER_SLOT : EDGES_PER_SLOT;
      const edges = [...sampled(all, limit), ...extra.flatMap((entry) => entry.edges)];
      if (edges.length > 0) perSlot.push({ part, slot, edges, all });
    }
  }
  const single = (entry: (typeof perSlot)[number], edge: Edge): Probe => ({
    name: `${entry.part.where} ${dotted(entry.slot.path) || '(root)'}: ${edge.name}`,
    changes: [changeOf(entry.part.where, entry.slot, edge)],
    targets: targetsOf(entry.slot, edge),
    expect: edge.expect,
    ...(edge.marker ? { marker: edge.marker } : {}),
    drop: edge.key === undefined ? siblingsToDrop(entry.part, entry.slot, entry.all) : [],
  });
  const probes = perSlot.flatMap((entry) => entry.edges.map((edge) => single(entry, edge)));

  const generated = perSlot.flatMap((entry) => {
    const arbitrary = generatedTextEdge(entry.slot, contextFor(entry.part.where, entry.slot, now));
    return arbitrary ? fc.sample(arbitrary, { seed: SEED, numRuns: RUNS }).map((edge) => single(entry, edge)) : [];
  });

  const leaves = perSlot.filter((entry) => entry.slot.kind !== 'object');
  const combination = fc
    .uniqueArray(fc.nat({ max: Math.max(leaves.length - 1, 0) }), { minLength: 2, maxLength: 4 })
    .chain((indexes) =>
      fc.tuple(
        ...indexes.map((index) => {
          const entry = leaves[index];
          return entry ? fc.constantFrom(...entry.edges).map((edge) => ({ entry, edge })) : fc.constant(undefined);
        }),
      ),
    );
  const combined =
    leaves.length < 2
      ? []
      : fc.sample(combination, { seed: SEED + 1, numRuns: RUNS }).map((picks): Probe => {
          // A change inside a list another pick replaces would be overwritten: keep the first of related paths.
          const chosen = picks
            .filter((pick) => pick !== undefined)
            .filter((pick, index, all) =>
              all.slice(0, index).every((earlier) => {
                const [a, b] = [dotted(earlier.entry.slot.path), dotted(pick.entry.slot.path)];
                return a !== b && !a.startsWith(`${b}.`) && !b.startsWith(`${a}.`);
              }),
            );
          const expects = chosen.map(({ edge }) => edge.expect);
          // Two list parameters may be a combination the list refuses, each value taken on its own.
          const combinedQuery =
            chosen.filter(({ entry }) => entry.part.where === 'query' && COMBINED_QUERY.has(dotted(entry.slot.path)))
              .length >= 2;
          return {
            name: `random: ${chosen.map(({ entry, edge }) => `${dotted(entry.slot.path)}=${edge.name}`).join(', ')}`,
            changes: chosen.map(({ entry, edge }) => changeOf(entry.part.where, entry.slot, edge)),
            // Together, values may break a rule that spans fields: naming any field of the request will do.
            targets: [
              ...chosen.flatMap(({ entry, edge }) => targetsOf(entry.slot, edge)),
              ...parts.flatMap((part) => Object.keys((part.base as object | undefined) ?? {})),
            ],
            expect: expects.includes('refuse')
              ? 'refuse'
              : expects.every((e) => e === 'accept') && !combinedQuery
                ? 'accept'
                : 'either',
            drop: [],
          };
        });
  return [...probes, ...generated, ...combined];
};

/** A part of a request or event with a probe's changes applied. */
export const applied = (probe: Probe, where: Where, base: unknown): unknown =>
  [...probe.drop, ...probe.changes]
    .filter((change) => change.where === where)
    .reduce((value, change) => setAt(value, change.path, change.value), base);

export const PLACEHOLDER_TASK = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
export const CASE = 'case-x';

export const httpParts = (route: HttpRoute, taskId: string): Part[] => {
  const spec = specOf(route);
  const key = routeKey(route);
  return [
    { where: 'path', schema: spec?.params, base: { id: taskId, caseId: CASE, viewId: taskId, webhookId: taskId } },
    { where: 'query', schema: spec?.query, base: {} },
    { where: 'headers', schema: spec?.headers, base: {} },
    { where: 'body', schema: spec?.body, base: validBodies[key]?.(taskId) },
  ];
};

export const eventSchemas = platformEventSchema.options.map((option) => ({
  detailType: option.shape['detail-type'].value as PlatformDetailType,
  schema: option as unknown as z.ZodType,
  detail: option.shape.detail as unknown as z.ZodType,
}));

/** A valid detail: ids unique to the probe, shared org ids (so readers are few), every optional field set. */
export const baseDetail = (detail: z.ZodType, now: number): Record<string, unknown> => {
  const unique = fresh();
  const shape = (unwrap(detail) as unknown as { shape: Record<string, z.ZodType> }).shape;
  const values: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(shape)) {
    const inner = unwrap(schema);
    const def = (inner as unknown as { _zod: { def: { type: string; entries?: Record<string, string> } } })._zod.def;
    if (name === 'partnerOrgIds') values[name] = ['p-ev', 'p-ev2'];
    else if (name === 'creditorOrgId') values[name] = 'cr-ev';
    else if (name === 'partnerOrgId') values[name] = 'p-ev';
    else if (name.endsWith('Id')) values[name] = `${name.replace(/Id$/, '')}-${unique}`;
    else if (def.type === 'enum') values[name] = Object.values(def.entries ?? {})[0];
    else if (def.type === 'boolean') values[name] = false;
    else if (def.type === 'record') values[name] = {};
    // The case's details (issue 20): every field set, so each one's edges are probed (slotsOf descends into it).
    else if (name === 'caseDetails')
      values[name] = {
        reference: `R-${unique}`,
        debtorName: `Debtor ${unique}`,
        currency: 'EUR',
        outstandingAmount: 12_345,
        overdueAmount: 100,
        invoiceCount: 2,
      };
    else if (def.type === 'number') values[name] = 1;
    else if (name.endsWith('Date')) values[name] = new Date(now + 30 * DAY).toISOString().slice(0, 10);
    else values[name] = 'hello';
  }
  return values;
};

/** The slots of these parts that have edges but no probe of their own (the sample must leave none out). */
export const unprobedSlots = (parts: readonly Part[], now: number): string[] => {
  const named = new Set(probesOf(parts, now).map((probe) => probe.name.slice(0, probe.name.indexOf(': '))));
  return parts.flatMap((part) =>
    part.schema
      ? slotsOf(part.schema, part.base, part.where)
          .filter((slot) => !sharedSlotProbedElsewhere(part, slot))
          .filter((slot) => {
            const keyed = slot.kind === 'object' && part.where !== 'headers' && part.where !== 'path';
            return (
              [...(keyed ? unknownKeyEdges(slot) : []), ...edgesOf(slot, contextFor(part.where, slot, now))].length > 0
            );
          })
          .map((slot) => `${part.where} ${dotted(slot.path) || '(root)'}`)
          .filter((slot) => !named.has(slot))
      : [],
  );
};

/** The planted task's id on every route with an `id` in its path: a value only the running service makes. */
export const plantedTaskEdges: ExtraEdges = {
  where: 'path',
  path: 'id',
  edges: [{ name: 'the planted task', value: PLACEHOLDER_TASK, expect: 'accept', parses: true }],
};

/** A valid event of a detail-type, an hour old, every optional field set. */
export const eventBase = (detailType: PlatformDetailType, detail: z.ZodType, now: number) => ({
  id: `ev-${fresh()}`,
  source: 'platform',
  'detail-type': detailType,
  time: new Date(now - 3_600_000).toISOString(),
  detail: baseDetail(detail, now),
});

/** The probes inside `npm test` made from the schemas alone (the crafted list cursors need a running service). */
export const schemaProbeCounts = (now: number, routes: readonly HttpRoute[]): { http: number; events: number } => ({
  http: routes
    .filter((route) => specOf(route))
    .reduce((sum, route) => sum + probesOf(httpParts(route, PLACEHOLDER_TASK), now, [plantedTaskEdges]).length, 0),
  events: eventSchemas.reduce(
    (sum, { detailType, schema, detail }) =>
      sum + probesOf([{ where: 'event', schema, base: eventBase(detailType, detail, now) }], now).length,
    0,
  ),
});
