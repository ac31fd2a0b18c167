// Claims held to the id grammar (issue 15, class 3): every malformed or ill-timed identity is the authorizer's 401, nothing evaluated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignOptions, signLocalPayload } from '../../infra/local/local-jwt.js';
import { type ApiHarness, type ApiResponse, startApi } from '../integration/api-client.js';
import { injections, oddUnicode } from './nasty-values.js';

const caller = { sub: 'u-claims', org_id: 'p-claims', party: 'partner', role: 'manager' } as const;
type ClaimName = keyof typeof caller;
const MISSING = Symbol('missing');

/** What a token may carry instead of an id: wrong types, empty, oversized, key delimiters, control and odd characters. */
const badIds: Record<string, unknown> = {
  array: ['p-1', 'p-2'],
  object: { id: 'p-1' },
  number: 42,
  boolean: true,
  null: null,
  blank: '',
  spaces: '   ',
  overLimit: 'x'.repeat(129),
  tenThousand: 'x'.repeat(10_000),
  keyDelimiter: injections.keyDelimiter,
  apiGatewayArray: '[p-1 p-2]',
  ...oddUnicode,
  fullWidth: 'ｐ-1',
  missing: MISSING,
};

const claimCases: [string, ClaimName, unknown][] = [
  ...(['sub', 'org_id'] as const).flatMap((claim) =>
    Object.entries(badIds).map(([name, value]) => [name, claim, value] as [string, ClaimName, unknown]),
  ),
  ...(
    [
      ['unknown', 'admin'],
      ['upper case', 'PARTNER'],
      ['array', ['partner']],
      ['blank', ''],
      ['missing', MISSING],
    ] as const
  ).map(([name, value]) => [name, 'party', value] as [string, ClaimName, unknown]),
  ...(
    [
      ['unknown', 'admin'],
      ['capitalised', 'Owner'],
      ['number', 1],
      ['NUL', 'owner\u0000'],
      ['missing', MISSING],
    ] as const
  ).map(([name, value]) => [name, 'role', value] as [string, ClaimName, unknown]),
];

const withClaim = (claim: ClaimName, value: unknown): Record<string, unknown> => {
  const { [claim]: _replaced, ...rest } = caller;
  return value === MISSING ? rest : { ...rest, [claim]: value };
};

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Tokens well-formed in every other way, refused for their time, size or claim count. */
const otherCases: [string, () => Promise<string>][] = [
  ['iat 10 minutes ahead', () => signLocalPayload(caller, { issuedAt: nowSeconds() + 600, expiresIn: 3600 })],
  ['nbf 10 minutes ahead', () => signLocalPayload(caller, { notBefore: nowSeconds() + 600 })],
  ['expired', () => signLocalPayload(caller, { issuedAt: nowSeconds() - 7200, expiresIn: 3600 })],
  ['no exp', () => signLocalPayload(caller, { expiresIn: null })],
  ['over 8 KiB (a padding claim)', () => signLocalPayload({ ...caller, note: 'x'.repeat(9 * 1024) })],
  [
    'too many claims',
    () => signLocalPayload({ ...caller, ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`c${i}`, 'x'])) }),
  ],
  ['a non-string extra claim', () => signLocalPayload({ ...caller, groups: ['admins'] })],
];

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('rel-claims');
});
afterAll(async () => {
  await api.stop();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const createBody = { title: 'Claims probe', dueInBusinessDays: 1 };

/** API Gateway's own 401: no handler ran (the service's 401 is `{ error: { code } }`). */
const expectGatewayRefusal = (response: ApiResponse) => {
  expect(response.status, JSON.stringify(response.body)).toBe(401);
  expect(response.body).toEqual({ message: 'Unauthorized' });
  expect(response.headers.get('www-authenticate')).toBe('Bearer');
};

/** The same token on a read and a write route: both refused by the authorizer, the table untouched. */
const expectRefusedEverywhere = async (token: string) => {
  // Prepare
  const before = await api.snapshot();
  // Act
  const read = await api.call('GET', '/tasks', bearer(token));
  const write = await api.call('POST', '/tasks', { ...bearer(token), body: createBody });
  // Assess
  expectGatewayRefusal(read);
  expectGatewayRefusal(write);
  expect(await api.snapshot(), 'nothing written').toBe(before);
};

describe('a well-formed token', () => {
  it('is served (so the refusals below are about the claims)', async () => {
    const token = await signLocalPayload(caller);
    const response = await api.call('GET', '/tasks', bearer(token));
    expect(response.status).toBe(200);
  });

  it.each([
    ['iat', { issuedAt: nowSeconds() + 30, expiresIn: 3600 }],
    ['nbf', { notBefore: nowSeconds() + 30 }],
  ] as [string, SignOptions][])('is served with %s 30 s ahead (within the clock skew)', async (_name, options) => {
    const token = await signLocalPayload(caller, options);
    const response = await api.call('GET', '/tasks', bearer(token));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  });
});

describe('claims outside the grammar', () => {
  it.each(claimCases)('%s %s → 401, nothing evaluated', async (_name, claim, value) => {
    await expectRefusedEverywhere(await signLocalPayload(withClaim(claim, value)));
  });
});

describe('tokens refused for time, size or shape', () => {
  it.each(otherCases)('%s → 401, nothing evaluated', async (_name, sign) => {
    await expectRefusedEverywhere(await sign());
  });
});

describe('a crafted org_id does not reach another org', () => {
  it('p-1#<deadline> no longer lists org p-1’s tasks on a case', async () => {
    // Prepare: org p-1's task on a case, due at a round instant an attacker can guess.
    const deadline = '2030-01-01T00:00:00.000Z';
    const caseId = `case-claims-${nowSeconds()}`;
    const task = await api.plant({ type: 'call_reminder', accessLevel: 'partner', orgId: 'p-1', caseId, deadline });
    const attacker = await signLocalPayload({ ...caller, org_id: `p-1#${deadline}` });
    // Act
    const list = await api.call('GET', `/tasks?caseId=${caseId}`, bearer(attacker));
    const actionItems = await api.call('GET', `/cases/${caseId}/action-items`, bearer(attacker));
    // Assess
    for (const response of [list, actionItems]) {
      expect(JSON.stringify(response.body)).not.toContain(task.id);
      expectGatewayRefusal(response);
    }
  });
});
