// A portal team's view of the API: a client typed by the types generated from docs/openapi.json (openapi-fetch)
// drives local mode. `npm run typecheck` compiles these calls against the document, so a renamed path, a new required
// field or a changed response shape fails the build before it reaches a portal.
import createClient from 'openapi-fetch';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { paths } from '../contract/portal-api.js';
import { type ApiHarness, type Caller, startApi, token } from './api-client.js';

const manager: Caller = { party: 'partner', org: 'p-client', user: 'u-client', role: 'manager' };
const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

let api: ApiHarness;
let client: ReturnType<typeof createClient<paths>>;
beforeAll(async () => {
  api = await startApi('generated-client');
  client = createClient<paths>({
    baseUrl: api.url,
    fetch,
    headers: { authorization: `Bearer ${await token(manager)}` },
  });
});
afterAll(async () => {
  await api.stop();
});

/** The success body, or a failure that shows what the server answered instead. */
const ok = <T>({ data, error, response }: { data?: T; error?: unknown; response: Response }): T => {
  if (data === undefined) throw new Error(`expected success, got ${response.status} ${JSON.stringify(error)}`);
  return data;
};

describe('a client generated from docs/openapi.json', () => {
  it('creates, lists, postpones and completes a task, and reads its history', async () => {
    const caseId = `case-${ulid()}`;
    const created = ok(
      await client.POST('/tasks', {
        body: { type: 'call_reminder', title: 'Call the debtor', caseId, dueInBusinessDays: 2 },
        params: { header: { 'idempotency-key': `client-${caseId}` } },
      }),
    );
    expect(created).toMatchObject({ type: 'call_reminder', caseId, status: 'open', version: 1 });

    const open = ok(await client.GET('/tasks', { params: { query: { caseId, status: 'open' } } }));
    expect(open.items.map((task) => task.id)).toEqual([created.id]);
    expect(open.nextCursor).toBeNull();

    const deadline = inDays(10);
    const postponed = ok(
      await client.POST('/tasks/{id}/postpone', {
        params: { path: { id: created.id } },
        body: { deadline, reason: 'Debtor asked for next week' },
      }),
    );
    expect(postponed).toMatchObject({ deadline, originalDeadline: created.deadline, version: 2 });

    const completed = ok(
      await client.POST('/tasks/{id}/complete', { params: { path: { id: created.id } }, body: { reason: 'Called' } }),
    );
    expect(completed).toMatchObject({ status: 'completed', resolution: 'done', completedBy: manager.user });

    const done = ok(await client.GET('/tasks', { params: { query: { caseId, status: 'completed' } } }));
    expect(done.items.map((task) => task.id)).toEqual([created.id]);

    const history = ok(await client.GET('/tasks/{id}/history', { params: { path: { id: created.id } } }));
    expect(history.items.map((entry) => [entry.version, entry.action])).toEqual([
      [1, 'created'],
      [2, 'postponed'],
      [3, 'completed'],
    ]);
    expect(history.items.every((entry) => entry.taskId === created.id && entry.actor.id === manager.user)).toBe(true);
  });

  it('gets the documented 404 for a task that does not exist', async () => {
    const { data, error, response } = await client.POST('/tasks/{id}/complete', {
      params: { path: { id: ulid() } },
      body: {},
    });
    expect(response.status).toBe(404);
    expect(data).toBeUndefined();
    // Narrowed, not cast: the service's `{ error: { code } }`, not a gateway's `{ message }`.
    expect(error !== undefined && 'error' in error ? error.error.code : error).toBe('not_found');
  });

  it('gets a 400 that names the bad field of the body', async () => {
    const { error, response } = await client.POST('/tasks', { body: { title: 'No real deadline', deadline: 'soon' } });
    expect(response.status).toBe(400);
    const fields = error !== undefined && 'error' in error ? error.error.fields : undefined;
    expect(fields?.map((field) => field.field)).toEqual(['deadline']);
  });
});
