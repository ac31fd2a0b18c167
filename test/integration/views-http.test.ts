// Saved views over real HTTP (issue 20): CRUD, sharing within org and party only, who may share and change,
// the 50-per-user limit (also under a race), bad filters refused by GET /tasks's own schema, the optimistic lock.
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, type Caller, errorFields, json, startApi } from './api-client.js';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('views-http');
});
afterAll(async () => {
  await api.stop();
});

const n = () => ulid().slice(-8).toLowerCase();
const user = (org: string, userId: string, role: Caller['role'] = 'owner', party: Caller['party'] = 'partner') => ({
  party,
  org,
  user: userId,
  role,
});
const filters = { status: 'open', tab: 'case-updates', assignee: 'me' };
const create = (as: Caller, body: Record<string, unknown>) => api.call('POST', '/views', { as, body });
const idOf = (response: { body: unknown }) => String(json(response as never).id);

describe('saved views', () => {
  it('creates, lists, replaces and deletes a view of its own', async () => {
    // Prepare
    const me = user(`p-${n()}`, 'u-1', 'contributor');
    // Act
    const created = await create(me, { name: 'My overdue', filters });
    const id = idOf(created);
    const changed = await api.call('PUT', `/views/${id}`, {
      as: me,
      body: { name: 'Overdue, mine', filters: { ...filters, type: 'generic' }, shared: false, expectedVersion: 1 },
    });
    const listed = await api.call('GET', '/views', { as: me });
    const deleted = await api.call('POST', `/views/${id}/delete`, { as: me, body: { expectedVersion: 2 } });
    const after = await api.call('GET', '/views', { as: me });
    // Assess
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(json(created)).toMatchObject({ name: 'My overdue', filters, shared: false, version: 1, editable: true });
    expect(json(changed)).toMatchObject({ name: 'Overdue, mine', version: 2, filters: { type: 'generic' } });
    expect(json(listed).items).toEqual([json(changed)]);
    expect(json(deleted)).toEqual({ id, deleted: true });
    expect(json(after).items).toEqual([]);
    // The name is free again once deleted.
    expect((await create(me, { name: 'my overdue', filters })).status).toBe(201);
  });

  it('a shared view is seen read-only in its org and party, and is 404 to another org and the other party', async () => {
    // Prepare
    const org = `p-${n()}`;
    const owner = user(org, 'u-owner');
    const colleague = user(org, 'u-colleague', 'contributor');
    const id = idOf(await create(owner, { name: 'Team overdue', filters, shared: true }));
    // Act
    const seen = await api.call('GET', '/views', { as: colleague });
    const edit = await api.call('PUT', `/views/${id}`, {
      as: colleague,
      body: { name: 'Mine now', filters, expectedVersion: 1 },
    });
    const otherOrg = user(`p-${n()}`, 'u-owner');
    const otherParty = user(org, 'u-owner', 'owner', 'creditor');
    // Assess
    expect(json(seen).items).toMatchObject([{ id, shared: true, editable: false, ownerId: 'u-owner' }]);
    expect(edit.status).toBe(403);
    for (const stranger of [otherOrg, otherParty]) {
      expect(json(await api.call('GET', '/views', { as: stranger })).items).toEqual([]);
      const put = await api.call('PUT', `/views/${id}`, {
        as: stranger,
        body: { name: 'x', filters, expectedVersion: 1 },
      });
      const del = await api.call('POST', `/views/${id}/delete`, { as: stranger, body: {} });
      expect([put.status, del.status]).toEqual([404, 404]);
    }
  });

  it('unsharing removes the view from the org list; deleting a shared view removes its copy', async () => {
    // Prepare
    const org = `p-${n()}`;
    const owner = user(org, 'u-owner');
    const colleague = user(org, 'u-colleague', 'manager');
    const id = idOf(await create(owner, { name: 'Team', filters, shared: true }));
    const second = idOf(await create(owner, { name: 'Team 2', filters, shared: true }));
    // Act
    await api.call('PUT', `/views/${id}`, { as: owner, body: { name: 'Team', filters, expectedVersion: 1 } });
    await api.call('POST', `/views/${second}/delete`, { as: owner, body: {} });
    // Assess
    expect(json(await api.call('GET', '/views', { as: colleague })).items).toEqual([]);
    expect(json(await api.call('GET', '/views', { as: owner })).items).toMatchObject([{ id, shared: false }]);
  });

  it('only org owners share: 403 for a manager or contributor, nothing written', async () => {
    const org = `p-${n()}`;
    const own = idOf(await create(user(org, 'u-m', 'manager'), { name: 'Mine', filters }));
    const before = await api.snapshot();
    for (const role of ['manager', 'contributor'] as const) {
      expect((await create(user(org, 'u-m', role), { name: 'Shared', filters, shared: true })).status).toBe(403);
    }
    const share = await api.call('PUT', `/views/${own}`, {
      as: user(org, 'u-m', 'manager'),
      body: { name: 'Mine', filters, shared: true, expectedVersion: 1 },
    });
    expect(share.status).toBe(403);
    expect(await api.snapshot()).toBe(before);
  });

  it('409 on a stale expectedVersion and on a name already taken (case-insensitive), nothing written', async () => {
    const me = user(`p-${n()}`, 'u-1');
    const id = idOf(await create(me, { name: 'First', filters }));
    await create(me, { name: 'Second', filters });
    await api.call('PUT', `/views/${id}`, { as: me, body: { name: 'First', filters, expectedVersion: 1 } });
    const before = await api.snapshot();
    const stale = await api.call('PUT', `/views/${id}`, {
      as: me,
      body: { name: 'Stale', filters, expectedVersion: 1 },
    });
    const staleDelete = await api.call('POST', `/views/${id}/delete`, { as: me, body: { expectedVersion: 1 } });
    const taken = await create(me, { name: ' second ', filters });
    const renamed = await api.call('PUT', `/views/${id}`, {
      as: me,
      body: { name: 'SECOND', filters, expectedVersion: 2 },
    });
    expect([stale.status, staleDelete.status, taken.status, renamed.status]).toEqual([409, 409, 409, 409]);
    expect(json(taken).error).toMatchObject({ code: 'conflict' });
    expect(await api.snapshot()).toBe(before);
  });

  it('at most 50 views per user: the 51st is 409, and two creates racing for the 50th give one 409', async () => {
    // Prepare: 49 views
    const me = user(`p-${n()}`, 'u-1', 'contributor');
    for (let index = 0; index < 49; index += 1) {
      expect((await create(me, { name: `View ${index}`, filters })).status).toBe(201);
    }
    // Act
    const racing = await Promise.all([
      create(me, { name: 'Racer A', filters }),
      create(me, { name: 'Racer B', filters }),
    ]);
    const before = await api.snapshot();
    const beyond = await create(me, { name: 'One too many', filters });
    // Assess
    expect(racing.map((response) => response.status).sort()).toEqual([201, 409]);
    expect(beyond.status).toBe(409);
    expect(await api.snapshot()).toBe(before);
    expect(json(await api.call('GET', '/views', { as: me })).items).toHaveLength(50);
  });

  it.each([
    ['name', { name: '', filters }],
    ['name', { name: 'x'.repeat(101), filters }],
    ['filters.status', { name: 'v', filters: { status: 'pending' } }],
    ['filters.type.0', { name: 'v', filters: { type: 'no_such_type' } }],
    ['filters.dueTo', { name: 'v', filters: { dueFrom: '2026-12-02', dueTo: '2026-12-01' } }],
    ['filters.cursor', { name: 'v', filters: { cursor: 'abc' } }],
    ['filters.limit', { name: 'v', filters: { limit: '10' } }],
    ['filters.sortOfSomething', { name: 'v', filters: { sortOfSomething: 'x' } }],
    ['shared', { name: 'v', filters, shared: 'yes' }],
  ])('400 naming %s, nothing written', async (field, body) => {
    const before = await api.snapshot();
    const response = await create(user(`p-${n()}`, 'u-1'), body);
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(errorFields(response)).toContain(field);
    expect(await api.snapshot()).toBe(before);
  });
});
