// Webhook endpoints over real HTTP (issue 21): CRUD, the secret shown once, the 10-per-org limit (also under a race),
// owners-only writes, the org and party boundary, rotation's 24 h overlap, and the delivery outcomes that disable.
import { rotateWebhookSecret } from '@casetasks/app/webhooks';
import { signingSecrets } from '@casetasks/core';
import {
  getWebhookEndpoint,
  recordDeliveryOutcome,
  subscribedWebhookEndpoints,
  type WebhookEndpointRef,
} from '@casetasks/db';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, type Caller, json, roleCaller, startApi } from './api-client.js';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('webhooks-http');
});
afterAll(async () => {
  await api.stop();
});

const HOUR = 3_600_000;
const n = () => ulid().slice(-8).toLowerCase();
const caller = roleCaller;
const body = (extra: Record<string, unknown> = {}) => ({
  url: 'https://hooks.example.com/casetasks',
  eventTypes: ['Task Created', 'Task Overdue'],
  ...extra,
});
const create = (as: Caller, extra: Record<string, unknown> = {}) =>
  api.call('POST', '/settings/webhooks', { as, body: body(extra) });
const idOf = (response: { body: unknown }) => String(json(response as never).id);
const path = (id: string, action = '') => `/settings/webhooks/${id}${action}`;
const refOf = (as: Caller, id: string): WebhookEndpointRef => ({ party: as.party, orgId: as.org, id });

describe('webhook endpoints', () => {
  it('creates, reads, replaces and deletes an endpoint; the secret is answered once and never read back', async () => {
    // Prepare
    const owner = caller(`p-${n()}`);
    // Act
    const created = await create(owner, { description: 'CMS' });
    const id = idOf(created);
    const secret = String(json(created).secret);
    const read = await api.call('GET', path(id), { as: owner });
    const changed = await api.call('PUT', path(id), {
      as: owner,
      body: body({ eventTypes: ['Task Completed'], expectedVersion: 1 }),
    });
    const listed = await api.call('GET', '/settings/webhooks', { as: owner });
    const deleted = await api.call('POST', path(id, '/delete'), { as: owner, body: { expectedVersion: 2 } });
    const after = await api.call('GET', '/settings/webhooks', { as: owner });
    const gone = await api.call('GET', path(id), { as: owner });
    // Assess
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(json(created)).toMatchObject({ ...body(), description: 'CMS', enabled: true, version: 1 });
    expect(json(read)).toEqual({ ...json(created), secret: undefined });
    for (const response of [read, changed, listed]) expect(JSON.stringify(response.body)).not.toMatch(/secret"|whsec_/);
    expect(json(changed)).toMatchObject({ eventTypes: ['Task Completed'], description: null, version: 2 });
    expect(json(listed).items).toEqual([json(changed)]);
    expect(json(deleted)).toEqual({ id, deleted: true });
    expect(json(after).items).toEqual([]);
    expect(gone.status).toBe(404);
  });

  it('at most 10 per org: two creates racing for the 10th give one 409, the 11th is 409, a delete frees a place', async () => {
    // Prepare: 9 endpoints
    const owner = caller(`p-${n()}`);
    for (let index = 0; index < 9; index += 1) expect((await create(owner)).status).toBe(201);
    // Act
    const racing = await Promise.all([create(owner), create(owner)]);
    const before = await api.snapshot();
    const beyond = await create(owner);
    const unchanged = await api.snapshot();
    const first = (json(await api.call('GET', '/settings/webhooks', { as: owner })).items as { id: string }[])[0];
    await api.call('POST', path(String(first?.id), '/delete'), { as: owner, body: {} });
    const again = await create(owner);
    // Assess
    expect(racing.map((response) => response.status).sort()).toEqual([201, 409]);
    expect(beyond.status).toBe(409);
    expect(json(beyond)).toMatchObject({ error: { code: 'conflict' } });
    expect(unchanged).toBe(before);
    expect(again.status).toBe(201);
    expect(json(await api.call('GET', '/settings/webhooks', { as: owner })).items).toHaveLength(10);
  });

  it('only owners write; managers and contributors read; another org and the other party see 404', async () => {
    // Prepare
    const org = `p-${n()}`;
    const owner = caller(org);
    const id = idOf(await create(owner));
    const writes: [string, string, unknown][] = [
      ['POST', '/settings/webhooks', body()],
      ['PUT', path(id), body({ expectedVersion: 1 })],
      ['POST', path(id, '/delete'), {}],
      ['POST', path(id, '/rotate-secret'), {}],
      ['POST', path(id, '/enable'), {}],
    ];
    const strangers = [caller(`p-${n()}`), caller(org, 'owner', 'creditor')];
    const before = await api.snapshot();
    // Act
    const refused = await Promise.all(
      (['manager', 'contributor'] as const).flatMap((role) =>
        writes.map(([method, at, payload]) => api.call(method, at, { as: caller(org, role), body: payload })),
      ),
    );
    const reads = await Promise.all(
      (['manager', 'contributor'] as const).map((role) => api.call('GET', path(id), { as: caller(org, role) })),
    );
    const hidden = await Promise.all(
      strangers.flatMap((stranger) => [
        api.call('GET', path(id), { as: stranger }),
        ...writes.slice(1).map(([method, at, payload]) => api.call(method, at, { as: stranger, body: payload })),
      ]),
    );
    const missing = await api.call('GET', path('01arz3ndektsv4rrffq69g5fav'), { as: owner });
    const lists = await Promise.all(
      strangers.map((stranger) => api.call('GET', '/settings/webhooks', { as: stranger })),
    );
    // Assess
    expect(refused.map((response) => response.status)).toEqual(Array(10).fill(403));
    expect(reads.map((response) => json(response).id)).toEqual([id, id]);
    expect(hidden.map((response) => response.status)).toEqual(Array(10).fill(404));
    for (const response of hidden) expect(response.body).toEqual(missing.body);
    expect(lists.map((response) => json(response).items)).toEqual([[], []]);
    expect(await api.snapshot()).toBe(before);
  });

  it('a stale expectedVersion is 409 and writes nothing', async () => {
    // Prepare
    const owner = caller(`p-${n()}`);
    const id = idOf(await create(owner));
    await api.call('PUT', path(id), { as: owner, body: body({ description: 'first', expectedVersion: 1 }) });
    const before = await api.snapshot();
    // Act
    const stale = await Promise.all([
      api.call('PUT', path(id), { as: owner, body: body({ expectedVersion: 1 }) }),
      api.call('POST', path(id, '/delete'), { as: owner, body: { expectedVersion: 1 } }),
      api.call('POST', path(id, '/rotate-secret'), { as: owner, body: { expectedVersion: 1 } }),
    ]);
    // Assess
    expect(stale.map((response) => response.status)).toEqual([409, 409, 409]);
    expect(await api.snapshot()).toBe(before);
  });

  it('rotation answers a new secret once and keeps the previous one signing for exactly 24 h', async () => {
    // Prepare
    const owner = caller(`p-${n()}`);
    const created = await create(owner);
    const id = idOf(created);
    const rotatedAt = new Date('2026-11-24T12:00:00.000Z');
    const principal = { userId: owner.user, orgId: owner.org, party: owner.party, role: owner.role };
    // Act
    const overHttp = await api.call('POST', path(id, '/rotate-secret'), { as: owner, body: {} });
    const rotated = await rotateWebhookSecret(principal, id, {}, rotatedAt);
    const stored = await getWebhookEndpoint(api.db, refOf(owner, id));
    const read = await api.call('GET', path(id), { as: owner });
    // Assess
    expect(overHttp.status).toBe(200);
    expect(json(overHttp).secret).not.toBe(json(created).secret);
    expect(rotated).toMatchObject({ version: 3, previousSecretExpiresAt: '2026-11-25T12:00:00.000Z' });
    expect(stored).toMatchObject({ secret: rotated.secret, previousSecret: json(overHttp).secret });
    if (!stored) throw new Error('endpoint missing');
    const justBefore = new Date(rotatedAt.getTime() + 24 * HOUR - 1);
    expect(signingSecrets(stored, justBefore)).toEqual([rotated.secret, json(overHttp).secret]);
    expect(signingSecrets(stored, new Date(rotatedAt.getTime() + 24 * HOUR))).toEqual([rotated.secret]);
    expect(JSON.stringify(read.body)).not.toMatch(/whsec_/);
  });
});

describe('delivery outcomes (recordDeliveryOutcome)', () => {
  const start = new Date('2026-11-24T00:00:00.000Z');
  const at = (hours: number) => new Date(start.getTime() + hours * HOUR);
  const failures = async (ref: WebhookEndpointRef, count: number, fromHour: number, toHour: number) => {
    const outcomes = [];
    for (let index = 0; index < count; index += 1) {
      const hour = fromHour + ((toHour - fromHour) * index) / Math.max(1, count - 1);
      outcomes.push(await recordDeliveryOutcome(api.db, ref, { kind: 'retry', at: at(hour), status: 500 }));
    }
    return outcomes;
  };

  it('disables after 50 failures in a row spanning 24 h, not before; a success resets the run; enable restarts', async () => {
    // Prepare
    const owner = caller(`p-${n()}`);
    const id = idOf(await create(owner));
    const ref = refOf(owner, id);
    // Act: 60 failures within 2 h, a success, then 49 over 30 h, then the 50th
    const burst = await failures(ref, 60, 0, 2);
    const reset = await recordDeliveryOutcome(api.db, ref, { kind: 'delivered', at: at(2), status: 200 });
    const long = await failures(ref, 49, 3, 33);
    const enabledBefore = await api.call('GET', path(id), { as: owner });
    const fiftieth = await recordDeliveryOutcome(api.db, ref, { kind: 'retry', at: at(34) });
    const disabled = await api.call('GET', path(id), { as: owner });
    const subscribed = await subscribedWebhookEndpoints(api.db, owner.party, owner.org, 'Task Created');
    const stale = await api.call('PUT', path(id), { as: owner, body: body({ expectedVersion: 1 }) });
    const enabled = await api.call('POST', path(id, '/enable'), { as: owner, body: {} });
    // Assess
    expect(burst.at(-1)).toEqual({ consecutiveFailures: 60, disabled: false });
    expect(reset).toEqual({ consecutiveFailures: 0, disabled: false });
    expect(long.at(-1)).toEqual({ consecutiveFailures: 49, disabled: false });
    expect(json(enabledBefore)).toMatchObject({ enabled: true, consecutiveFailures: 49, version: 1 });
    expect(fiftieth).toEqual({ consecutiveFailures: 50, disabled: true });
    expect(json(disabled)).toMatchObject({
      ...{ enabled: false, disabledAt: at(34).toISOString(), version: 2 },
      disabledReason: '50 failed deliveries in a row over at least 24 h',
    });
    expect(subscribed).toEqual([]);
    expect(stale.status).toBe(409);
    expect(json(enabled)).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0, version: 3 });
  });

  it('disables at once on 410 Gone; a deleted endpoint records nothing', async () => {
    // Prepare
    const owner = caller(`p-${n()}`);
    const [id, other] = [idOf(await create(owner)), idOf(await create(owner, { eventTypes: ['Task Completed'] }))];
    const deletedId = idOf(await create(owner));
    await api.call('POST', path(deletedId, '/delete'), { as: owner, body: {} });
    // Act
    const gone = await recordDeliveryOutcome(api.db, refOf(owner, id), { kind: 'gone', at: at(0), status: 410 });
    const onDeleted = await recordDeliveryOutcome(api.db, refOf(owner, deletedId), { kind: 'retry', at: at(0) });
    const read = await api.call('GET', path(id), { as: owner });
    const created = await subscribedWebhookEndpoints(api.db, owner.party, owner.org, 'Task Created');
    const completed = await subscribedWebhookEndpoints(api.db, owner.party, owner.org, 'Task Completed');
    // Assess
    expect(gone).toEqual({ consecutiveFailures: 1, disabled: true });
    expect(onDeleted).toBeUndefined();
    expect(json(read)).toMatchObject({ enabled: false, disabledReason: 'the endpoint answered 410 Gone' });
    expect(created).toEqual([]);
    expect(completed.map((endpoint) => endpoint.id)).toEqual([other]);
  });
});
