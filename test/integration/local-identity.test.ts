// RS256 end to end through the real local server: tokens verified against its JWKS URL, as API Gateway verifies the issuer's.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLocalSigningKey, type LocalSigningKey, loadLocalSigningKey } from '../../infra/local/local-jwks.js';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, signLocalPayload, signLocalToken } from '../../infra/local/local-jwt.js';
import { type LocalServer, startLocalServer } from '../../infra/local/server.js';
import { endpoint } from '../support/table.js';

const claims = { sub: 'u-rs', org_id: 'p-rs', party: 'partner', role: 'manager' } as const;
const nowSeconds = () => Math.floor(Date.now() / 1000);
const createBody = { title: 'RS256 probe', dueInBusinessDays: 1 };

let keyDir: string;
let keyFile: string;
/** The server `npm start` would run: the key from the key file, HS256 accepted too. */
let server: LocalServer;
/** `npm start -- --rs256-only`: what the deployed authorizer accepts, and nothing else. */
let strict: LocalServer;
const served: string[] = [];

beforeAll(async () => {
  keyDir = await mkdtemp(join(tmpdir(), 'casetasks-identity-'));
  keyFile = join(keyDir, 'jwks-private.json');
  const common = { dynamoEndpoint: endpoint(), workflow: false } as const;
  server = await startLocalServer({
    ...common,
    tableName: `local-identity-${nowSeconds()}`,
    signingKey: await loadLocalSigningKey(keyFile),
    log: (line) => served.push(line),
  });
  strict = await startLocalServer({
    ...common,
    tableName: `local-identity-strict-${nowSeconds()}`,
    signingKey: (await generateLocalSigningKey()).key,
    acceptHs256: false,
  });
});
afterAll(async () => {
  await Promise.all([server?.stop(), strict?.stop()]);
  await rm(keyDir, { recursive: true, force: true });
});

const call = (target: LocalServer, method: string, path: string, token: string, body?: unknown) =>
  fetch(`${target.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** API Gateway's own 401 on a read and a write: no handler ran. */
const expectRefused = async (target: LocalServer, token: string) => {
  for (const response of [
    await call(target, 'GET', '/tasks', token),
    await call(target, 'POST', '/tasks', token, createBody),
  ]) {
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  }
};

describe('the local JWKS', () => {
  it('serves the public half of the signing key only, at the jwks_uri', async () => {
    const response = await fetch(server.jwksUrl);
    expect(response.status).toBe(200);
    const jwks = (await response.json()) as { keys: Record<string, string>[] };
    expect(jwks.keys).toEqual([
      { kty: 'RSA', kid: server.signingKey.kid, alg: 'RS256', use: 'sig', n: expect.any(String), e: 'AQAB' },
    ]);
    expect(server.jwksUrl).toBe(`${server.url}/local/.well-known/jwks.json`);
  });
});

describe('an RS256 token', () => {
  it('signed with the served key is verified through the JWKS URL and reaches the handler as claims', async () => {
    // Prepare
    const token = await signLocalToken(claims, { key: server.signingKey });
    // Act
    const created = await call(server, 'POST', '/tasks', token, createBody);
    const listed = await call(server, 'GET', '/tasks', token);
    // Assess
    expect(created.status).toBe(201);
    const task = (await created.json()) as { id: string };
    expect(task).toMatchObject({ orgId: 'p-rs', accessLevel: 'partner' });
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { items: { id: string }[] }).items.map((item) => item.id)).toContain(task.id);
    expect(
      served.some((line) => line.startsWith('GET /local/.well-known/jwks.json → 200')),
      'fetched the JWKS',
    ).toBe(true);
  });

  it('from `npm run token` in another process (the key file) is accepted; RS256 is the CLI default', async () => {
    const { stdout } = await promisify(execFile)(
      'node_modules/.bin/tsx',
      ['infra/local/token-cli.ts', '--party', 'creditor', '--org', 'c-rs', '--user', 'u-cli', '--role', 'owner'],
      { env: { ...process.env, LOCAL_JWKS_FILE: keyFile } },
    );
    const token = stdout.trim();
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', kid: server.signingKey.kid });
    const response = await call(server, 'POST', '/tasks', token, createBody);
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ orgId: 'c-rs', accessLevel: 'creditor' });
  });

  it('is accepted by a server that refuses HS256', async () => {
    const token = await signLocalToken(claims, { key: strict.signingKey });
    expect((await call(strict, 'GET', '/tasks', token)).status).toBe(200);
  });

  it('with a claim outside the grammar is refused like an HS256 one', async () => {
    await expectRefused(server, await signLocalPayload({ ...claims, org_id: 'p-1#x' }, { key: server.signingKey }));
    await expectRefused(server, await signLocalPayload(claims, { key: server.signingKey, expiresIn: null }));
  });
});

describe('a Cognito-shaped access token (`client_id` and `token_use`, no `aud`)', () => {
  /** What Cognito issues as an access token: the audience is in `client_id`; API Gateway checks it when `aud` is absent. */
  const signAccessToken = (target: LocalServer, clientId: string) =>
    new SignJWT({ ...claims, client_id: clientId, token_use: 'access' })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: target.signingKey.kid })
      .setIssuer(LOCAL_ISSUER)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(target.signingKey.privateKey);

  it('whose client_id is the audience is accepted end to end, on both servers', async () => {
    // Prepare
    const token = await signAccessToken(server, LOCAL_AUDIENCE);
    // Act
    const created = await call(server, 'POST', '/tasks', token, createBody);
    const listed = await call(strict, 'GET', '/tasks', await signAccessToken(strict, LOCAL_AUDIENCE));
    // Assess
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ orgId: 'p-rs', accessLevel: 'partner' });
    expect(listed.status).toBe(200);
  });

  it('whose client_id is another app client is refused with 401', async () => {
    await expectRefused(server, await signAccessToken(server, 'another-client'));
    await expectRefused(strict, await signAccessToken(strict, 'another-client'));
    expect(
      served.some((line) => line.includes('client_id not in the audience')),
      'the log says why',
    ).toBe(true);
  });
});

describe('refused by the authorizer with 401 (no handler runs)', () => {
  let otherKey: LocalSigningKey;
  beforeAll(async () => {
    otherKey = (await generateLocalSigningKey()).key;
  });
  const sign = (
    alg: string,
    key: Parameters<SignJWT['sign']>[0],
    { kid, iss = LOCAL_ISSUER, aud = LOCAL_AUDIENCE }: { kid?: string; iss?: string; aud?: string } = {},
  ) =>
    new SignJWT({ ...claims })
      .setProtectedHeader({ alg, typ: 'JWT', ...(kid ? { kid } : {}) })
      .setIssuer(iss)
      .setAudience(aud)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key);
  const served = () => ({ kid: server.signingKey.kid });

  const cases: [string, () => Promise<string>][] = [
    ['signed by a different key (its own kid)', () => signLocalToken(claims, { key: otherKey })],
    ['signed by a different key under the served kid', () => sign('RS256', otherKey.privateKey, served())],
    ['RS256 without a kid', () => sign('RS256', server.signingKey.privateKey)],
    ['another issuer', () => sign('RS256', server.signingKey.privateKey, { ...served(), iss: 'https://idp.example/' })],
    ['another audience', () => sign('RS256', server.signingKey.privateKey, { ...served(), aud: 'another-api' })],
    ['wrong alg: ES256', async () => sign('ES256', (await generateKeyPair('ES256')).privateKey, served())],
    ['wrong alg: PS256', async () => sign('PS256', (await generateKeyPair('PS256')).privateKey, served())],
    [
      'HS256 keyed with the public JWK (algorithm confusion)',
      () => sign('HS256', new TextEncoder().encode(JSON.stringify(server.signingKey.publicJwk)), served()),
    ],
    [
      'alg none',
      async () => {
        const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
        const payload = { ...claims, iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, exp: nowSeconds() + 3600 };
        return `${encode({ alg: 'none', typ: 'JWT', kid: server.signingKey.kid })}.${encode(payload)}.`;
      },
    ],
  ];

  it.each(cases)('%s', async (_name, make) => {
    const token = await make();
    await expectRefused(server, token);
    await expectRefused(strict, token);
  });

  it('an HS256 token on the server that refuses HS256 (as deployed)', async () => {
    const token = await signLocalToken(claims);
    expect((await call(server, 'GET', '/tasks', token)).status, 'accepted where HS256 is on').toBe(200);
    await expectRefused(strict, token);
  });
});
