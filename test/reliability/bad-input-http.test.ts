// Bad input over real HTTP, generated from the route table and each route's zod schemas: 400 naming the field, never a 5xx, nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeKey } from '../../functions/http/routes.js';
import { type ApiHarness, errorFields, json, startApi } from '../integration/api-client.js';
import {
  badHttpCases,
  bodyFields,
  hostileTitles,
  routesWithPathParameters,
  schemaNodes,
} from './bad-input-http-cases.js';
import { fieldKind, oddUnicode } from './nasty-values.js';
import { allowedCaller, authenticatedRoutes, owner, shapeOf, specOf, validBodies } from './requests.js';

/** Query strings built by hand: URLSearchParams cannot carry a lone surrogate. */
const encode = (value: string): string =>
  value.includes('\uD800')
    ? value.split('\uD800').map(encodeURIComponent).join('%ED%A0%80')
    : encodeURIComponent(value);

const cases = badHttpCases();

let api: ApiHarness;
let taskId: string;
beforeAll(async () => {
  api = await startApi('rel-bad-http');
  taskId = (
    await api.plant({
      type: 'call_reminder',
      accessLevel: 'partner',
      orgId: 'p-1',
      caseId: 'case-bad',
      assigneeId: null,
    })
  ).id;
});
afterAll(async () => {
  await api.stop();
});

describe('field kinds read from the zod schemas', () => {
  it('match the documented contract (a drift here would silently change which values are tried)', () => {
    const kinds = (key: string, part: 'params' | 'query' | 'body') => {
      const route = authenticatedRoutes.find((r) => routeKey(r) === key);
      const spec = route ? specOf(route) : undefined;
      return Object.fromEntries(
        Object.entries(shapeOf(spec?.[part])).map(([name, schema]) => [
          name,
          fieldKind(schema, part === 'params' ? 'path' : part),
        ]),
      );
    };
    expect(kinds('GET /tasks', 'query')).toEqual({
      status: 'enum',
      tab: 'enum',
      type: 'list',
      assignee: 'id',
      caseId: 'id',
      dueFrom: 'instant',
      dueTo: 'instant',
      sort: 'enum',
      q: 'text',
      limit: 'number',
      cursor: 'opaque',
    });
    expect(kinds('POST /tasks', 'body')).toEqual({
      type: 'enum',
      title: 'text',
      description: 'text',
      caseId: 'id',
      assigneeId: 'id',
      deadline: 'instant',
      dueInBusinessDays: 'number',
    });
    expect(kinds('GET /tasks/{id}', 'params')).toEqual({ id: 'id' });
    expect(kinds('PUT /settings/calendar', 'body')).toEqual({ timeZone: 'text', country: 'id', closedDays: 'list' });
    expect(kinds('PUT /settings/reminders', 'body')).toEqual({ warnings: 'list', escalation: 'object' });
    expect(kinds('PUT /settings/auto-assignment', 'body')).toEqual({ rules: 'record' });
    expect(kinds('PUT /settings/chat-cleanup', 'body')).toEqual({ mode: 'enum' });
  });

  it('walk nested settings down to their leaves, named by dotted paths', () => {
    const leaves = (key: string) => {
      const route = authenticatedRoutes.find((r) => routeKey(r) === key);
      const body = route ? specOf(route)?.body : undefined;
      return body
        ? Object.fromEntries(
            bodyFields(body, validBodies[key]?.()).map((field) => [field.path.join('.'), field.kind] as const),
          )
        : {};
    };
    expect(leaves('PUT /settings/reminders')).toEqual({
      '': 'object',
      warnings: 'list',
      'warnings.0': 'object',
      'warnings.0.percentOfTime': 'number',
      'warnings.1': 'object',
      'warnings.1.businessDaysBefore': 'number',
      escalation: 'object',
      'escalation.businessDaysOverdue': 'number',
    });
    expect(leaves('PUT /settings/auto-assignment')).toEqual({
      '': 'object',
      rules: 'record',
      'rules.generic': 'object',
      'rules.generic.strategy': 'enum',
      'rules.generic.userIds': 'list',
      'rules.generic.userIds.0': 'id',
    });
  });
});

describe('every body leaf gets cases; no object, list or record is taken for free text', () => {
  const withBodies = authenticatedRoutes.filter((route) => specOf(route)?.body && validBodies[routeKey(route)]);
  it.each(withBodies.map((route) => [routeKey(route), route] as const))('%s', (key, route) => {
    // Prepare: every node of the body schema, each union option included
    const body = specOf(route)?.body;
    const nodes = body ? schemaNodes(body) : [];
    const probed = new Set(cases.filter((c) => c.route === route).map((c) => c.pattern));
    // Assess: containers have their own kind (a new nested field fails here, not silently as text) ...
    for (const node of nodes.filter((entry) => ['object', 'array', 'record'].includes(entry.type))) {
      expect(node.kind, `${key} ${node.pattern || '(body)'}`).toBe(node.type === 'array' ? 'list' : node.type);
    }
    // ... and every leaf and container below the body has cases (the valid body must reach it: add one there)
    for (const node of nodes.filter((entry) => entry.pattern !== '')) {
      expect(probed.has(node.pattern), `${key}: no case for ${node.pattern}`).toBe(true);
    }
  });
});

describe('item fields of body lists', () => {
  it('a bulk item of each action, its field kinds as documented', () => {
    const bulk = authenticatedRoutes.find((route) => routeKey(route) === 'POST /tasks/bulk');
    const body = bulk ? specOf(bulk)?.body : undefined;
    const items = body ? bodyFields(body, validBodies['POST /tasks/bulk']?.()) : [];
    const kinds = [0, 1, 2].map((index) =>
      Object.fromEntries(
        items
          .filter((field) => field.path.length === 3 && field.path[1] === index)
          .map((field) => [String(field.path[2]), field.kind] as const),
      ),
    );
    expect(kinds).toEqual([
      { assigneeId: 'id', id: 'id', action: 'enum' },
      { deadline: 'instant', reason: 'text', id: 'id', action: 'enum' },
      { reason: 'text', id: 'id', action: 'enum' },
    ]);
  });
});

describe('generated bad input', () => {
  it('has its ~1,700 cases, on every route that takes input', () => {
    // 1,706 cases at this writing (`npm run reliability:counts`): per authenticated route, the refused values of
    // each path, query and header field's kind and of every body leaf and container down the nested settings (less
    // those the route's schema takes), "missing" for each required key, an unknown key per object and record, one
    // item past each list's maximum, and 8 whole-body cases. The floor is that count less ~2 %: dropping a route
    // group, a kind's values or the nested walk fails here. Raise it when the generator grows.
    expect(cases.length).toBeGreaterThanOrEqual(1_670);
    const covered = new Set(cases.map((c) => routeKey(c.route)));
    for (const route of authenticatedRoutes) expect(covered, routeKey(route)).toContain(routeKey(route));
  });

  it('tries at least 5 bad bodies on every owner-only write, sent as the owner so the role does not decide', () => {
    // An owner-only read (the chat cleanup's examples export) takes no body; its query is probed like any read's.
    for (const route of authenticatedRoutes.filter((r) => r.ownerOnly && r.method !== 'GET')) {
      const bodies = cases.filter((c) => c.route === route && (c.body !== undefined || c.rawBody !== undefined));
      expect(bodies.length, routeKey(route)).toBeGreaterThanOrEqual(5);
      expect(allowedCaller(route).role).toBe('owner');
    }
  });

  it.each(cases.map((c) => [`${routeKey(c.route)} ${c.name}`, c] as const))('%s → 400', async (_name, c) => {
    // Prepare
    const before = await api.snapshot();
    // The planted task and its case, unless the case puts a bad value in that parameter.
    const params: Record<string, string> = { id: taskId, caseId: 'case-bad' };
    const path = c.route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      c.params?.[name] !== undefined ? encode(c.params[name] ?? '') : encodeURIComponent(params[name] ?? name),
    );
    const query = c.query
      ? `?${Object.entries(c.query)
          .map(([name, value]) => `${encodeURIComponent(name)}=${encode(value)}`)
          .join('&')}`
      : '';
    const body = c.body ?? (c.rawBody === undefined ? validBodies[routeKey(c.route)]?.() : undefined);
    // Act
    const response = await api.call(c.route.method, `${path}${query}`, {
      as: allowedCaller(c.route),
      ...(body === undefined ? {} : { body }),
      ...(c.rawBody === undefined ? {} : { rawBody: c.rawBody }),
      ...(c.headers ? { headers: c.headers } : {}),
    });
    // Assess
    expect(response.status, JSON.stringify(response.body)?.slice(0, 300)).toBe(400);
    expect(json(response).error).toMatchObject({ code: expect.stringMatching(/^(invalid_request|rule_violation)$/) });
    const fields = errorFields(response);
    expect(
      fields.some((f) => f === c.field || f.startsWith(`${c.field}.`) || f === c.unionItem),
      `${fields.join(', ')} should name ${c.field}`,
    ).toBe(true);
    expect(await api.snapshot(), 'nothing written').toBe(before);
  });
});

describe('hostile-looking free text is data: stored and returned verbatim, never a 5xx', () => {
  // A lone surrogate is not text (it has no UTF-8 form): refused with 400, see api-input-domain.test.ts.
  it.each(Object.entries(hostileTitles()))('title %s', async (_name, text) => {
    // Act
    const created = await api.call('POST', '/tasks', { as: owner, body: { title: text, dueInBusinessDays: 2 } });
    // Assess
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = String(json(created).id);
    const read = await api.call('GET', `/tasks/${id}`, { as: owner });
    expect(read.status).toBe(200);
    expect(json(read).title).toBe(json(created).title);
    expect(json(created).title).toBe(text.trim());
  });
});

describe('a path that is not valid UTF-8 (a lone surrogate) is refused before any handler runs', () => {
  it.each(routesWithPathParameters().map((route) => [routeKey(route), route] as const))(
    '%s → 4xx, nothing written',
    async (_key, route) => {
      // Prepare
      const before = await api.snapshot();
      const path = route.path.replace(/\{(\w+)\}/g, () => `a${encode(oddUnicode.loneSurrogate)}`);
      const body = validBodies[routeKey(route)]?.();
      // Act
      const response = await api.call(route.method, path, { as: owner, ...(body === undefined ? {} : { body }) });
      // Assess
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await api.snapshot()).toBe(before);
    },
  );
});
