// The handler chain's claims check (defence in depth behind API Gateway): the id grammar, and a 401 before validation or any read.

import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { httpRoutes, routeKey } from '../../functions/http/routes.js';
import { principalFromEvent } from '../../functions/middleware/http-claims.js';
import { UnauthorizedError } from '../../functions/middleware/http-errors.js';
import { httpHandler } from '../../functions/middleware/http-handler.js';
import { httpRoute } from '../../functions/middleware/http-route.js';
import { localLambdaContext, toApiGatewayEvent } from '../../infra/local/api-gateway.js';

const createRoute = httpRoutes.find((route) => routeKey(route) === 'POST /tasks');
if (!createRoute) throw new Error('POST /tasks is missing from the route table');

/** The v2 event API Gateway hands the function, with the claims exactly as given (all strings when deployed). */
const eventWith = (claims: Record<string, unknown> | undefined, body: unknown = {}) =>
  toApiGatewayEvent(
    {
      method: 'POST',
      url: new URL('http://local/tasks'),
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify(body)),
    },
    { route: createRoute, pathParameters: {} },
    claims as Record<string, string> | undefined,
  );

/** Claims as API Gateway's JWT authorizer passes them: every value a string, numeric dates included. */
const valid = { sub: 'u-1', org_id: 'p-1', party: 'partner', role: 'manager', iat: '1767225600', exp: '1767268800' };

/** What API Gateway would pass for a token carrying a hostile claim (arrays arrive flattened to `[a b]`). */
const hostileIds: Record<string, unknown> = {
  'flattened array': '[p-1 p-2]',
  'flattened object': '{id=p-1}',
  'key delimiter': 'p-1#x',
  NUL: 'p-1\u0000',
  '10k characters': 'x'.repeat(10_000),
  'over 128 characters': 'x'.repeat(129),
  'leading space': ' p-1',
  emoji: 'p-😀',
  'zero-width space': 'p\u200B-1',
  blank: '',
  number: 42,
  array: ['p-1'],
};

describe('principalFromEvent', () => {
  it('maps valid claims to the principal, ignoring the registered ones', () => {
    expect(principalFromEvent(eventWith(valid))).toEqual({
      userId: 'u-1',
      orgId: 'p-1',
      party: 'partner',
      role: 'manager',
    });
  });

  const cases: [string, string, unknown][] = [
    ...(['sub', 'org_id'] as const).flatMap((claim) =>
      Object.entries(hostileIds).map(([name, value]) => [claim, name, value] as [string, string, unknown]),
    ),
    ['party', 'unknown', 'admin'],
    ['party', 'flattened array', '[partner]'],
    ['role', 'capitalised', 'Owner'],
    ['role', 'flattened array', '[owner manager]'],
  ];
  it.each(cases)('refuses %s (%s) with UnauthorizedError', (claim, _name, value) => {
    expect(() => principalFromEvent(eventWith({ ...valid, [claim]: value }))).toThrow(UnauthorizedError);
  });

  it.each(['sub', 'org_id', 'party', 'role'])('refuses a token without %s', (claim) => {
    const { [claim as keyof typeof valid]: _missing, ...rest } = valid;
    expect(() => principalFromEvent(eventWith(rest))).toThrow(UnauthorizedError);
  });

  it('refuses an event without an authorizer', () => {
    expect(() => principalFromEvent(eventWith(undefined))).toThrow(UnauthorizedError);
  });
});

describe('the http chain', () => {
  /** A stand-in for POST /tasks that counts what the chain evaluates: body validation, then the use case. */
  const probe = () => {
    const counts = { validated: 0, handled: 0 };
    const handler = httpHandler({
      'POST /tasks': httpRoute({
        summary: 'probe',
        body: z.preprocess(
          (raw) => {
            counts.validated += 1;
            return raw;
          },
          z.object({ title: z.string() }),
        ),
        response: z.object({}),
        handle: async () => {
          counts.handled += 1;
          return { body: {} };
        },
      }),
    });
    const invoke = (claims: Record<string, unknown>, body: unknown) => {
      const event = eventWith(claims, body);
      return handler(event, localLambdaContext('probe', event.requestContext.requestId));
    };
    return { counts, invoke };
  };

  it('answers bad claims with 401 before validating the body or running the use case', async () => {
    // Prepare
    const { counts, invoke } = probe();
    // Act: the body is invalid too, so a 400 would mean validation ran first.
    const response = await invoke({ ...valid, org_id: 'p-1#x' }, { title: 7 });
    // Assess
    expect(response.statusCode).toBe(401);
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({ error: { code: 'unauthorized' } });
    expect(counts).toEqual({ validated: 0, handled: 0 });
  });

  it('validates and runs the use case for valid claims (the probe counts)', async () => {
    // Prepare
    const { counts, invoke } = probe();
    // Act
    const refused = await invoke(valid, { title: 7 });
    const served = await invoke(valid, { title: 'ok' });
    // Assess
    expect([refused.statusCode, served.statusCode]).toEqual([400, 200]);
    expect(counts).toEqual({ validated: 2, handled: 1 });
  });
});
