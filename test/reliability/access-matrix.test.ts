// Access matrix over real HTTP, generated from the route table: every route × every kind of caller, and nothing written when refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpRoute, httpRoutes, routeKey } from '../../functions/http/routes.js';
import {
  type ApiHarness,
  type Caller,
  type CallOptions,
  fillPath,
  json,
  startApi,
  token,
} from '../integration/api-client.js';
import { contributor, otherOrg, otherParty, owner, validBodies } from './requests.js';

type Variant =
  | 'own'
  | 'other party'
  | 'other org'
  | 'contributor on another’s task'
  | 'no token'
  | 'expired token'
  | 'forged signature';

const now = Math.floor(Date.now() / 1000);
/** Who calls: a signed caller, or a raw Authorization header (undefined = none). */
const callers: Record<Variant, () => Promise<Pick<CallOptions, 'as' | 'authorization'>>> = {
  own: async () => ({ as: owner }),
  'other party': async () => ({ as: otherParty }),
  'other org': async () => ({ as: otherOrg }),
  'contributor on another’s task': async () => ({ as: contributor }),
  'no token': async () => ({}),
  'expired token': async () => ({
    authorization: `Bearer ${await token(owner, { issuedAt: now - 7200, expiresIn: 3600 })}`,
  }),
  'forged signature': async () => ({ authorization: `Bearer ${await token(owner, { secret: 'not-the-secret' })}` }),
};
const variants = Object.keys(callers) as Variant[];
const tokenVariants: ReadonlySet<Variant> = new Set(['no token', 'expired token', 'forged signature']);

/** The contract (SPEC §5, docs/api.md): what each caller gets on each route. */
const expectedStatus = (route: HttpRoute, variant: Variant): number => {
  if (!route.auth) return 200;
  if (tokenVariants.has(variant)) return 401;
  const success = route.method === 'POST' && !route.taskParam ? 201 : 200;
  if (variant === 'other party' && route.partnerOnly) return 403;
  if ((variant === 'other party' || variant === 'other org') && route.taskParam) return 404;
  if (variant === 'contributor on another’s task' && route.taskParam && route.writes) return 403;
  return success;
};

const callerOf = (variant: Variant): Caller | undefined =>
  ({ own: owner, 'other party': otherParty, 'other org': otherOrg, 'contributor on another’s task': contributor })[
    variant as 'own'
  ];

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
  it.each(cells)('%s as %s → %i', async (key, variant, status, route) => {
    // Prepare
    const caseId = `case-${Math.random().toString(36).slice(2, 10)}`;
    const task = await plantTask(caseId);
    const path = fillPath(route.path, { id: task.id, caseId });
    const body = validBodies[key]?.();
    const who = await callers[variant]();
    const before = await api.snapshot();
    // Act
    const response = await api.call(route.method, path, { ...who, ...(body === undefined ? {} : { body }) });
    // Assess
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    const after = await api.snapshot();
    if (status >= 400 || !route.writes) expect(after, 'nothing written').toBe(before);
    else expect(after, 'the allowed write happened').not.toBe(before);
    if (status === 401) {
      expect(response.body).toEqual({ message: 'Unauthorized' });
      return;
    }
    if (status === 404) {
      // Indistinguishable from a task that does not exist: same status, same body.
      const missing = await api.call(route.method, fillPath(route.path, { id: MISSING_ID, caseId }), {
        ...who,
        ...(body === undefined ? {} : { body }),
      });
      expect(missing.status).toBe(404);
      expect(response.body).toEqual(missing.body);
    }
    if (status === 403) expect(json(response).error).toMatchObject({ code: 'forbidden' });
    const caller = callerOf(variant);
    if (caller && (caller.org !== 'p-1' || caller.party !== 'partner')) {
      // Another party or org never sees the task, whatever the route answers.
      expect(JSON.stringify(response.body ?? '')).not.toContain(task.id);
      if (status === 201) expect(json(response)).toMatchObject({ orgId: caller.org, accessLevel: caller.party });
    }
  });

  it('the planted tasks of refused writes are unchanged: version 1, one history entry', async () => {
    // Prepare
    const task = await plantTask('case-unchanged');
    const writes = httpRoutes.filter((route) => route.taskParam && route.writes);
    // Act
    for (const route of writes) {
      for (const variant of variants.filter((v) => expectedStatus(route, v) >= 400)) {
        const body = validBodies[routeKey(route)]?.();
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
