// Access matrix over real HTTP, generated from the route table: every route × every kind of caller, and nothing written when refused.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type HttpRoute, httpRoutes, routeKey } from '../../functions/http/routes.js';
import {
  type ApiHarness,
  type ApiResponse,
  type Caller,
  type CallOptions,
  fillPath,
  json,
  startApi,
  token,
} from '../integration/api-client.js';
import {
  type AccessVariant,
  accessVariants,
  bulkRoutes,
  contributor,
  orgOwner,
  otherOrg,
  otherParty,
  owner,
  refusedByState,
  specOf,
  validBodies,
} from './requests.js';

type Variant = AccessVariant;

const now = Math.floor(Date.now() / 1000);
/** Who calls: a signed caller, or a raw Authorization header (undefined = none). */
const callers: Record<Variant, () => Promise<Pick<CallOptions, 'as' | 'authorization'>>> = {
  own: async () => ({ as: owner }),
  'own org’s owner': async () => ({ as: orgOwner }),
  'other party': async () => ({ as: otherParty }),
  'other org': async () => ({ as: otherOrg }),
  'contributor on another’s task': async () => ({ as: contributor }),
  'no token': async () => ({}),
  'expired token': async () => ({
    authorization: `Bearer ${await token(owner, { issuedAt: now - 7200, expiresIn: 3600 })}`,
  }),
  'forged signature': async () => ({ authorization: `Bearer ${await token(owner, { secret: 'not-the-secret' })}` }),
};
const variants = [...accessVariants];
const tokenVariants: ReadonlySet<Variant> = new Set(['no token', 'expired token', 'forged signature']);

/** The contract (SPEC §5, docs/api.md): what each caller gets on each route. */
const expectedStatus = (route: HttpRoute, variant: Variant): number => {
  if (!route.auth) return 200;
  if (tokenVariants.has(variant)) return 401;
  // Managers and contributors may read settings but not change them; other orgs' owners change their own.
  if (route.ownerOnly && callerOf(variant)?.role !== 'owner') return 403;
  // Creditor-only routes (SLA terms) refuse every partner caller.
  if (route.creditorOnly && callerOf(variant)?.party !== 'creditor') return 403;
  // The chat cleanup's shadow report is for owners and managers.
  if (routeKey(route) === 'GET /chat-cleanup/shadow-report' && callerOf(variant)?.role === 'contributor') return 403;
  // No suite knows a mailed code: past access, the code decides (validBodies).
  if (routeKey(route) === 'POST /me/notifications/confirm') return 400;
  // A case only its creditor and partner see: the planted task's case has no case state, so nobody is its party
  // (the parties' 200s: test/integration/sla-terms-http.test.ts).
  if (route.caseParam) return 404;
  // A saved view (planted shared by the org's owner): its org and party see it, only its creator changes it.
  if (route.path.includes('{viewId}')) {
    if (variant === 'other party' || variant === 'other org') return 404;
    return variant === 'own org’s owner' ? 200 : 403;
  }
  // A webhook endpoint (planted by the org's owner): other orgs' and parties' owners get 404, its org reads it.
  if (route.path.includes('{webhookId}') && (variant === 'other party' || variant === 'other org')) return 404;
  const success = refusedByState.has(routeKey(route)) ? 409 : (specOf(route)?.successStatus ?? 200);
  if (variant === 'other party' && route.partnerOnly) return 403;
  if ((variant === 'other party' || variant === 'other org') && route.taskParam) return 404;
  if (variant === 'contributor on another’s task' && route.taskParam && route.writes) return 403;
  return success;
};

const callerOf = (variant: Variant): Caller | undefined =>
  ({
    own: owner,
    'own org’s owner': orgOwner,
    'other party': otherParty,
    'other org': otherOrg,
    'contributor on another’s task': contributor,
  })[variant as 'own'];

/**
 * A bulk call is 200 for every signed caller; its first item (an assign on the planted task) gets what
 * the single assign route answers that caller: the access rules are the same.
 */
const singleAssign = httpRoutes.find((route) => routeKey(route) === 'POST /tasks/{id}/assign');
const itemStatus = (variant: Variant): string => {
  const status = singleAssign ? expectedStatus(singleAssign, variant) : 0;
  return ({ 200: 'applied', 403: 'forbidden', 404: 'not_found' } as Record<number, string>)[status] ?? `${status}`;
};

/** Whether the route refuses this caller its write, as a whole or (bulk) for the planted task's item. */
const refused = (route: HttpRoute, variant: Variant): boolean =>
  expectedStatus(route, variant) >= 400 || (bulkRoutes.has(routeKey(route)) && itemStatus(variant) !== 'applied');

/** Byte-for-byte includes how the body is framed: the same content type and length. */
const expectSameFraming = (response: ApiResponse, missing: ApiResponse) => {
  expect(response.headers.get('content-type')).toBe(missing.headers.get('content-type'));
  expect(response.headers.get('content-length')).toBe(missing.headers.get('content-length'));
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
};

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('rel-access');
});
afterAll(async () => {
  await api.stop();
});

/** A fresh open call reminder of partner org p-1, assigned to someone other than the contributor. */
const plantTask = (caseId: string) =>
  api.plant({ type: 'call_reminder', accessLevel: 'partner', orgId: 'p-1', assigneeId: 'u-someone', caseId });

const MISSING_ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

/** A view the org's owner shares with p-1's partners, for the routes naming a view; other routes get none. */
const plantView = async (route: HttpRoute): Promise<string> => {
  if (!route.path.includes('{viewId}')) return MISSING_ID;
  const created = await api.call('POST', '/views', {
    as: orgOwner,
    body: { ...validBodies['POST /views']?.(), shared: true },
  });
  return String(json(created).id);
};

/** An endpoint of p-1's partners, made by its owner, for the routes naming one (dropped after the cell). */
const plantWebhook = async (route: HttpRoute): Promise<string> => {
  if (!route.path.includes('{webhookId}')) return MISSING_ID;
  const body = validBodies['POST /settings/webhooks']?.();
  return String(json(await api.call('POST', '/settings/webhooks', { as: orgOwner, body })).id);
};
/** A fresh user's unsubscribe token (from the mailed link), for the public routes naming one. */
const plantUnsubscribeToken = async (route: HttpRoute): Promise<string> => {
  if (!route.path.includes('{token}')) return 'no-token';
  const user = `u-${Math.random().toString(36).slice(2, 10)}`;
  const as = { ...owner, user, email: `${user}@p-1.example` };
  await api.call('PUT', '/me/notifications', { as, body: validBodies['PUT /me/notifications']?.() });
  const mails = json(await api.call('GET', `/local/mailbox?to=${encodeURIComponent(as.email)}`)).items as {
    unsubscribeUrl: string;
  }[];
  return String(mails.at(-1)?.unsubscribeUrl.split('/').at(-1));
};
const dropWebhooks = async () => {
  for (const as of [orgOwner, otherParty, otherOrg]) {
    const listed = json(await api.call('GET', '/settings/webhooks', { as })).items as { id: string }[];
    for (const { id } of listed) await api.call('POST', `/settings/webhooks/${id}/delete`, { as, body: {} });
  }
};

describe('every write route has a valid body, so only access decides', () => {
  it('covers the route table', () => {
    for (const route of httpRoutes.filter((r) => r.writes))
      expect(validBodies[routeKey(route)], routeKey(route)).toBeDefined();
  });
});

const cells = httpRoutes.flatMap((route) =>
  variants.map((variant) => [routeKey(route), variant, expectedStatus(route, variant), route] as const),
);

describe('access matrix', () => {
  // Endpoints made by a cell are dropped, so the 10-per-org limit never decides a later cell.
  afterEach(async ({ task }) => {
    if (task.name.includes('/settings/webhooks')) await dropWebhooks();
  });

  it.each(cells)('%s as %s → %i', async (key, variant, status, route) => {
    // Prepare
    const caseId = `case-${Math.random().toString(36).slice(2, 10)}`;
    const task = await plantTask(caseId);
    const viewId = await plantView(route);
    const webhookId = await plantWebhook(route);
    const token = await plantUnsubscribeToken(route);
    const path = fillPath(route.path, { id: task.id, caseId, viewId, webhookId, token });
    const body = validBodies[key]?.(task.id);
    const who = await callers[variant]();
    const before = await api.snapshot();
    // Act
    const response = await api.call(route.method, path, { ...who, ...(body === undefined ? {} : { body }) });
    // Assess
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    const after = await api.snapshot();
    if (refused(route, variant) || !route.writes) expect(after, 'nothing written').toBe(before);
    else expect(after, 'the allowed write happened').not.toBe(before);
    if (status === 401) {
      expect(response.body).toEqual({ message: 'Unauthorized' });
      return;
    }
    const bulk = bulkRoutes.has(key);
    const results = bulk ? (json(response).results as { id: string; status: string; error?: unknown }[]) : [];
    if (bulk) {
      // The first item names the planted task; the other two name tasks nobody has.
      expect(results.map((result) => result.status)).toEqual([itemStatus(variant), 'not_found', 'not_found']);
      if (itemStatus(variant) !== 'applied') expect(results[0]).not.toHaveProperty('task');
      if (itemStatus(variant) === 'forbidden') expect(results[0]?.error).toMatchObject({ code: 'forbidden' });
      if (itemStatus(variant) === 'not_found') {
        // Indistinguishable from a task that does not exist: the same answer but for the id sent.
        // Task ids are all 26 characters, so only the id's bytes may differ.
        const missing = await api.call(route.method, path, { ...who, body: validBodies[key]?.(MISSING_ID) });
        expect(missing.bytes.toString('utf8')).toBe(response.bytes.toString('utf8').replaceAll(task.id, MISSING_ID));
        expectSameFraming(response, missing);
      }
    }
    if (status === 404) {
      // Indistinguishable from a task that does not exist: same status, same body.
      const missing = await api.call(
        route.method,
        fillPath(route.path, { id: MISSING_ID, caseId, viewId: MISSING_ID, webhookId: MISSING_ID }),
        {
          ...who,
          ...(body === undefined ? {} : { body }),
        },
      );
      expect(missing.status).toBe(404);
      expect(response.bytes.equals(missing.bytes), `${response.bytes} vs ${missing.bytes}`).toBe(true);
      expectSameFraming(response, missing);
    }
    if (status === 403) expect(json(response).error).toMatchObject({ code: 'forbidden' });
    const caller = callerOf(variant);
    if (caller && (caller.org !== 'p-1' || caller.party !== 'partner')) {
      // Another party or org never sees the task, whatever the route answers (bulk echoes the ids sent).
      const answer = bulk ? results.map(({ id: _sent, ...rest }) => rest) : response.body;
      expect(JSON.stringify(answer ?? '')).not.toContain(task.id);
      const partyField = key === 'POST /views' || key === 'POST /settings/webhooks' ? 'party' : 'accessLevel';
      if (status === 201) expect(json(response)).toMatchObject({ orgId: caller.org, [partyField]: caller.party });
    }
  });

  it('the planted tasks of refused writes are unchanged: version 1, one history entry', async () => {
    // Prepare
    const task = await plantTask('case-unchanged');
    const writes = httpRoutes.filter((route) => (route.taskParam || bulkRoutes.has(routeKey(route))) && route.writes);
    // Act
    for (const route of writes) {
      for (const variant of variants.filter((v) => refused(route, v))) {
        const body = validBodies[routeKey(route)]?.(task.id);
        await api.call(route.method, fillPath(route.path, { id: task.id }), {
          ...(await callers[variant]()),
          ...(body === undefined ? {} : { body }),
        });
      }
    }
    // Assess
    const detail = json(await api.call('GET', `/tasks/${task.id}`, { as: owner }));
    expect(detail).toMatchObject({ version: 1, status: 'open', assigneeId: 'u-someone', deadline: task.deadline });
    const history = json(await api.call('GET', `/tasks/${task.id}/history`, { as: owner }));
    expect(history.items).toHaveLength(1);
  });
});

describe('settings are per party and org', () => {
  it('the other party (same org id) and another org neither read nor overwrite the org’s settings', async () => {
    // Prepare
    const own = { timeZone: 'Pacific/Chatham', country: null, closedDays: ['2030-01-02'] };
    const saved = await api.call('PUT', '/settings/calendar', { as: orgOwner, body: own });
    // Act
    const strangers = [otherParty, otherOrg];
    const writes = await Promise.all(
      strangers.map((as) =>
        api.call('PUT', '/settings/calendar', { as, body: validBodies['PUT /settings/calendar']?.() }),
      ),
    );
    const reads = await Promise.all(strangers.map((as) => api.call('GET', '/settings/calendar', { as })));
    const mine = await api.call('GET', '/settings/calendar', { as: contributor });
    // Assess
    expect(saved.status).toBe(200);
    expect(writes.map((response) => response.status)).toEqual([200, 200]);
    for (const read of reads) {
      expect(read.status).toBe(200);
      expect(json(read)).toMatchObject({ timeZone: 'Europe/Copenhagen', isDefault: false });
    }
    expect(json(mine)).toMatchObject({ ...own, isDefault: false, updatedBy: orgOwner.user });
  });
});
