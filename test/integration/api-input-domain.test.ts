// The HTTP edge holds every input to the documented domain (issue 15): instants, type lists, cursors,
// record keys, body size and text, each refused with a 4xx naming the field and nothing written.
import { MAX_JSON_BODY_BYTES, taskTypeSchema } from '@casetasks/core';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, type ApiResponse, type Caller, errorFields, json, startApi } from './api-client.js';

const manager: Caller = { party: 'partner', org: 'p-1', user: 'u-1', role: 'manager' };
const owner: Caller = { party: 'partner', org: 'p-1', user: 'u-0', role: 'owner' };
const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const FAR_FUTURE = '9999-12-31T00:00:00Z';
/** Year 9999 as written, year 10000 in UTC: `toISOString` gives `+010000-…`, which no stored task parses back. */
const PAST_9999 = '9999-12-31T23:00:00-14:00';
const LONE_SURROGATE = 'a\uD800b';

let api: ApiHarness;
let reminderId: string;
beforeAll(async () => {
  api = await startApi('api-input-domain');
  // Open call reminders on one case, assigned, and review tasks (a tab): every open list index has two pages at limit=1.
  const planted = [];
  for (const days of [3, 4, 5]) {
    planted.push(
      await api.plant({
        type: 'call_reminder',
        accessLevel: 'partner',
        orgId: 'p-1',
        caseId: 'case-d',
        assigneeId: 'u-1',
        deadline: inDays(days),
      }),
    );
  }
  reminderId = planted[0]?.id ?? '';
  for (const days of [6, 7]) {
    await api.plant({ type: 'review_new_case', accessLevel: 'partner', orgId: 'p-1', deadline: inDays(days) });
  }
});
afterAll(async () => {
  await api.stop();
});

interface Refusal {
  name: string;
  method: string;
  path: string;
  as?: Caller;
  body?: unknown;
  rawBody?: string;
  field: string;
}

/** Sends the request and checks the refusal: status, the field named, the table unchanged. */
const expectRefused = async (refusal: Refusal, status = 400): Promise<ApiResponse> => {
  // Prepare
  const before = await api.snapshot();
  // Act
  const response = await api.call(refusal.method, refusal.path.replace('{id}', reminderId), {
    as: refusal.as ?? manager,
    ...(refusal.body === undefined ? {} : { body: refusal.body }),
    ...(refusal.rawBody === undefined ? {} : { rawBody: refusal.rawBody }),
  });
  // Assess
  expect(response.status, JSON.stringify(response.body)?.slice(0, 300)).toBe(status);
  expect(errorFields(response)).toContain(refusal.field);
  expect(await api.snapshot(), 'nothing written').toBe(before);
  return response;
};

describe('class 1: every instant a caller sends lies in [2000-01-01, now + 10 years]', () => {
  const postpone = (deadline: string) => ({ deadline, reason: 'debtor away' });
  const refusals: Refusal[] = [
    {
      name: 'create, deadline 9999',
      method: 'POST',
      path: '/tasks',
      body: { title: 'x', deadline: FAR_FUTURE },
      field: 'deadline',
    },
    {
      name: 'create, deadline past year 9999 in UTC',
      method: 'POST',
      path: '/tasks',
      body: { title: 'x', deadline: PAST_9999 },
      field: 'deadline',
    },
    {
      name: 'create, deadline 11 years ahead',
      method: 'POST',
      path: '/tasks',
      body: { title: 'x', deadline: inDays(11 * 366) },
      field: 'deadline',
    },
    {
      name: 'postpone to 9999',
      method: 'POST',
      path: '/tasks/{id}/postpone',
      body: postpone(FAR_FUTURE),
      field: 'deadline',
    },
    {
      name: 'postpone past year 9999',
      method: 'POST',
      path: '/tasks/{id}/postpone',
      body: postpone(PAST_9999),
      field: 'deadline',
    },
    {
      name: 'call rescheduled to 9999',
      method: 'POST',
      path: '/tasks/{id}/calls',
      body: { result: 'not_answered', rescheduleTo: FAR_FUTURE },
      field: 'rescheduleTo',
    },
    {
      name: 'bulk postpone to 9999',
      method: 'POST',
      path: '/tasks/bulk',
      body: { items: [{ id: '{id}', action: 'postpone', deadline: FAR_FUTURE }] },
      field: 'items.0.deadline',
    },
    { name: 'list dueFrom 9999 (a day)', method: 'GET', path: '/tasks?dueFrom=9999-12-31', field: 'dueFrom' },
    {
      name: 'list dueTo 9999 (a day: its end is past 9999)',
      method: 'GET',
      path: '/tasks?dueTo=9999-12-31',
      field: 'dueTo',
    },
    { name: 'list dueTo 9999 (an instant)', method: 'GET', path: '/tasks?dueTo=9999-12-31T23:59:59Z', field: 'dueTo' },
    { name: 'list dueFrom before 2000', method: 'GET', path: '/tasks?dueFrom=1999-12-31', field: 'dueFrom' },
    { name: 'case list dueTo 9999', method: 'GET', path: '/tasks?caseId=case-d&dueTo=9999-12-31', field: 'dueTo' },
    { name: 'SLA period in 9999', method: 'GET', path: '/sla/score?from=9999-01-01&to=9999-12-31', field: 'from' },
    { name: 'SLA period from 1970', method: 'GET', path: '/sla/score?from=1970-01-01&to=1970-01-31', field: 'from' },
    {
      name: 'closed day in 9999',
      method: 'PUT',
      path: '/settings/calendar',
      as: owner,
      body: { timeZone: 'UTC', country: null, closedDays: ['9999-12-31'] },
      field: 'closedDays.0',
    },
  ];

  it.each(refusals)('$name → 400 naming $field, nothing written', async (refusal) => {
    const body = JSON.parse(JSON.stringify(refusal.body ?? null)?.replace('{id}', reminderId) ?? 'null');
    await expectRefused({ ...refusal, ...(body === null ? {} : { body }) });
  });

  it('after a refused far-future deadline the org list and the task still answer 200', async () => {
    // Act
    const refused = await api.call('POST', '/tasks', { as: manager, body: { title: 'x', deadline: PAST_9999 } });
    const list = await api.call('GET', '/tasks', { as: manager });
    const task = await api.call('GET', `/tasks/${reminderId}`, { as: manager });
    // Assess
    expect(refused.status).toBe(400);
    expect(list.status).toBe(200);
    expect(task.status).toBe(200);
  });

  it('the edge of the window is accepted: a deadline just under 10 years ahead is stored and listed', async () => {
    // Act
    const created = await api.call('POST', '/tasks', { as: manager, body: { title: 'far', deadline: inDays(3650) } });
    const list = await api.call('GET', `/tasks?dueFrom=${inDays(3600).slice(0, 10)}`, { as: manager });
    // Assess
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((json(list).items as { id: string }[]).map((item) => item.id)).toEqual([json(created).id]);
  });
});

describe('class 4: list queries DynamoDB would refuse are 400, not 500', () => {
  const types = taskTypeSchema.options;

  it.each([
    ['101 times the same type', Array.from({ length: 101 }, () => 'generic')],
    [`${types.length + 1} entries`, [...types, 'generic']],
  ])('type= with %s → 400 on type', async (_name, list) => {
    await expectRefused({ name: 'types', method: 'GET', path: `/tasks?type=${list.join(',')}`, field: 'type' });
  });

  it('every type once, and duplicates, are listed as a set', async () => {
    // Act
    const all = await api.call('GET', `/tasks?type=${types.join(',')}`, { as: manager });
    const twice = await api.call('GET', '/tasks?type=call_reminder,call_reminder,generic', { as: manager });
    // Assess
    expect(all.status).toBe(200);
    expect(twice.status).toBe(200);
    const ids = (json(twice).items as { id: string }[]).map((item) => item.id);
    expect(ids).toContain(reminderId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  const decode = (cursor: string) =>
    JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { i: string; k: Record<string, string> };
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  const firstCursor = async (query: string): Promise<string> => {
    const page = await api.call('GET', `/tasks?limit=1${query}`, { as: manager });
    expect(page.status).toBe(200);
    const cursor = json(page).nextCursor;
    if (typeof cursor !== 'string') throw new Error(`no next page for ${query}`);
    return cursor;
  };

  it.each(['', '&caseId=case-d', '&assignee=me', '&tab=new-cases', '&tab=all&type=call_reminder'])(
    'a cursor the list made is followed (query %s)',
    async (query) => {
      // Prepare
      const cursor = await firstCursor(query);
      // Act
      const next = await api.call('GET', `/tasks?limit=1${query}&cursor=${cursor}`, { as: manager });
      // Assess
      expect(next.status, JSON.stringify(next.body)).toBe(200);
      expect(json(next).items).toHaveLength(1);
    },
  );

  const CASE_PREFIX = 'open#partner#p-1#';
  /** Each crafted from a real cursor of the plain open list (openByDeadline: g1pk/g1sk) or the case list (g5). */
  const crafted: [string, string, (k: Record<string, string>) => unknown][] = [
    ['an empty index sort key', '', (k) => ({ ...k, g1sk: '' })],
    ['an oversized index sort key', '', (k) => ({ ...k, g1sk: `${k.g1sk}${'9'.repeat(1100)}` })],
    ['another task id in the sort key', '', (k) => ({ ...k, g1sk: `${k.g1sk?.slice(0, -26)}${ulid()}` })],
    ['free text as the sort key', '', (k) => ({ ...k, g1sk: 'zzz' })],
    ['a pk that is no task id', '', (k) => ({ ...k, pk: 'task#x' })],
    ['an extra attribute', '', (k) => ({ ...k, g2pk: 'partner#p-1#open#all' })],
    ['a number as a key value', '', (k) => ({ ...k, g1sk: 5 })],
    [
      'another prefix on the case index',
      '&caseId=case-d',
      (k) => ({ ...k, g5sk: `${CASE_PREFIX}x${k.g5sk?.slice(CASE_PREFIX.length)}` }),
    ],
  ];

  it.each(crafted)('a cursor with %s → 400 on cursor', async (_name, query, tamper) => {
    // Prepare
    const real = decode(await firstCursor(query));
    const cursor = encode({ i: real.i, k: tamper(real.k) });
    // Act, Assess
    await expectRefused({
      name: 'cursor',
      method: 'GET',
      path: `/tasks?limit=1${query}&cursor=${cursor}`,
      field: 'cursor',
    });
  });

  it('a cursor whose key smuggles a __proto__ entry → 400 on cursor', async () => {
    // Prepare
    const real = decode(await firstCursor(''));
    const raw = JSON.stringify({ i: real.i, k: { ...real.k, smuggled: 'x' } }).replace('"smuggled"', '"__proto__"');
    // Act, Assess
    await expectRefused({
      name: 'cursor',
      method: 'GET',
      path: `/tasks?limit=1&cursor=${Buffer.from(raw).toString('base64url')}`,
      field: 'cursor',
    });
  });
});

describe('class 5: prototype keys are refused by name, never stored as an emptied record', () => {
  const rule = { strategy: 'round_robin', userIds: ['u-1'] };

  it.each(['__proto__', 'constructor', 'prototype'])(
    'PUT /settings/auto-assignment with rules.%s → 400, the stored rules kept',
    async (key) => {
      // Prepare
      const set = await api.call('PUT', '/settings/auto-assignment', { as: owner, body: { rules: { generic: rule } } });
      expect(set.status).toBe(200);
      const rawBody = JSON.stringify({ rules: { smuggled: rule } }).replace('"smuggled"', JSON.stringify(key));
      // Act
      await expectRefused({
        name: key,
        method: 'PUT',
        path: '/settings/auto-assignment',
        as: owner,
        rawBody,
        field: `rules.${key}`,
      });
      const after = await api.call('GET', '/settings/auto-assignment', { as: owner });
      // Assess
      expect(json(after).rules).toEqual({ generic: rule });
    },
  );

  it('a __proto__ key deep inside a bulk item is named with its path', async () => {
    const rawBody = JSON.stringify({ items: [{ id: reminderId, action: 'complete', smuggled: { x: 1 } }] }).replace(
      '"smuggled"',
      '"__proto__"',
    );
    await expectRefused({ name: 'bulk', method: 'POST', path: '/tasks/bulk', rawBody, field: 'items.0.__proto__' });
  });
});

describe('class 5 in the query: a parameter named __proto__ reaches the route as an own key', () => {
  it.each(['/tasks/summary', '/tasks'])('GET %s?__proto__=x → 400 naming __proto__', async (path) => {
    await expectRefused({ name: path, method: 'GET', path: `${path}?__proto__=x`, field: '__proto__' });
  });
});

describe('deep nesting stays a 400: the prototype-key walk neither recurses nor copies paths', () => {
  const DEPTH = 60_000;
  const nested = (inner: string) =>
    `{"title":${'{"a":'.repeat(DEPTH)}${inner}${'}'.repeat(DEPTH)},"dueInBusinessDays":2}`;

  it('a __proto__ key 60,000 levels down is named with its path', async () => {
    const response = await expectRefused({
      name: 'deep',
      method: 'POST',
      path: '/tasks',
      rawBody: nested('{"__proto__":1}'),
      field: `title.${Array.from({ length: DEPTH }, () => 'a').join('.')}.__proto__`,
    });
    expect(errorFields(response)).toHaveLength(1);
  });

  it('60,000 levels without one fail the schema on the outer field', async () => {
    await expectRefused({ name: 'deep', method: 'POST', path: '/tasks', rawBody: nested('1'), field: 'title' });
  });
});

describe('body size: a JSON body over the limit is 413 naming body', () => {
  it('a valid create padded past the limit → 413, nothing written', async () => {
    // Prepare
    const rawBody = `${JSON.stringify({ title: 'padded', dueInBusinessDays: 2 })}${' '.repeat(MAX_JSON_BODY_BYTES)}`;
    // Act, Assess
    const response = await expectRefused({ name: 'big', method: 'POST', path: '/tasks', rawBody, field: 'body' }, 413);
    expect(json(response).error).toMatchObject({ code: 'payload_too_large' });
  });

  it('the largest legitimate body, a 100-item bulk with 500-character reasons as \\u escapes, is read', async () => {
    // Prepare: what Python's json.dumps sends by default (every non-ASCII character escaped).
    const items = Array.from({ length: 100 }, () => ({ id: ulid(), action: 'complete', reason: 'é'.repeat(500) }));
    const rawBody = JSON.stringify({ items }).replace(/é/g, '\\u00e9');
    expect(rawBody.length).toBeGreaterThan(300_000);
    expect(rawBody.length).toBeLessThan(MAX_JSON_BODY_BYTES);
    // Act
    const response = await api.call('POST', '/tasks/bulk', { as: manager, rawBody });
    // Assess
    expect(response.status, JSON.stringify(response.body)?.slice(0, 300)).toBe(200);
    expect(json(response).counts).toMatchObject({ not_found: 100 });
  });
});

describe('text: a lone surrogate has no UTF-8 form and is refused; NUL is valid Unicode and round-trips', () => {
  const refusals: Refusal[] = [
    {
      name: 'title',
      method: 'POST',
      path: '/tasks',
      body: { title: LONE_SURROGATE, dueInBusinessDays: 2 },
      field: 'title',
    },
    {
      name: 'description',
      method: 'POST',
      path: '/tasks',
      body: { title: 'x', description: LONE_SURROGATE, dueInBusinessDays: 2 },
      field: 'description',
    },
    {
      name: 'postpone reason',
      method: 'POST',
      path: '/tasks/{id}/postpone',
      body: { deadline: inDays(30), reason: LONE_SURROGATE },
      field: 'reason',
    },
    {
      name: 'call note',
      method: 'POST',
      path: '/tasks/{id}/calls',
      body: { result: 'answered', note: LONE_SURROGATE },
      field: 'note',
    },
    {
      name: 'bulk reason',
      method: 'POST',
      path: '/tasks/bulk',
      body: { items: [{ id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', action: 'complete', reason: LONE_SURROGATE }] },
      field: 'items.0.reason',
    },
    {
      name: 'time zone',
      method: 'PUT',
      path: '/settings/calendar',
      as: owner,
      body: { timeZone: `Europe/${LONE_SURROGATE}`, country: null, closedDays: [] },
      field: 'timeZone',
    },
  ];

  it.each(refusals)('$name with a lone surrogate → 400, nothing written', async (refusal) => {
    await expectRefused(refusal);
  });

  it('NUL in a description and a reason is stored in DynamoDB and read back verbatim', async () => {
    // Act
    const created = await api.call('POST', '/tasks', {
      as: manager,
      body: { type: 'call_reminder', title: 'nul', description: 'a\u0000b', dueInBusinessDays: 2 },
    });
    const id = String(json(created).id);
    const done = await api.call('POST', `/tasks/${id}/complete`, { as: manager, body: { reason: 'c\u0000d' } });
    const read = await api.call('GET', `/tasks/${id}`, { as: manager });
    const history = await api.call('GET', `/tasks/${id}/history`, { as: manager });
    // Assess
    expect(created.status).toBe(201);
    expect(done.status).toBe(200);
    expect(json(read).description).toBe('a\u0000b');
    expect(JSON.stringify(json(history).items)).toContain('c\\u0000d');
  });
});
