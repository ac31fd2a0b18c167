// The local authorizer: clock bounds on an injected clock, RS256 against a key set by kid, and the local key file.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_TOKEN_CLOCK_SKEW_SECONDS } from '@casetasks/core';
import { createLocalJWKSet, decodeProtectedHeader, generateKeyPair, type JWTVerifyGetKey, SignJWT } from 'jose';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateLocalSigningKey, type LocalSigningKey, loadLocalSigningKey, localJwks } from './local-jwks.js';
import {
  LOCAL_AUDIENCE,
  LOCAL_ISSUER,
  LocalTokenError,
  type LocalVerifier,
  localJwtSecret,
  signLocalPayload,
  verifyLocalToken,
} from './local-jwt.js';

const claims = { sub: 'u-1', org_id: 'p-1', party: 'partner', role: 'manager' };
const now = new Date('2026-06-01T12:00:00Z');
const at = Math.floor(now.getTime() / 1000);

describe('verifyLocalToken', () => {
  it('passes every claim on as a string, numeric dates included (as API Gateway does)', async () => {
    const token = await signLocalPayload(claims, { issuedAt: at, expiresIn: 3600 });
    expect(await verifyLocalToken(token, undefined, now)).toMatchObject({
      ...claims,
      iat: `${at}`,
      exp: `${at + 3600}`,
    });
  });

  it.each([
    ['iat', { issuedAt: at + MAX_TOKEN_CLOCK_SKEW_SECONDS, expiresIn: 3600 }, true],
    ['iat', { issuedAt: at + MAX_TOKEN_CLOCK_SKEW_SECONDS + 1, expiresIn: 3600 }, false],
    ['nbf', { issuedAt: at, notBefore: at + MAX_TOKEN_CLOCK_SKEW_SECONDS }, true],
    ['nbf', { issuedAt: at, notBefore: at + MAX_TOKEN_CLOCK_SKEW_SECONDS + 1 }, false],
  ] as const)('%s %o accepted: %s', async (_claim, options, accepted) => {
    const token = await signLocalPayload(claims, { expiresIn: 3600, ...options });
    const verified = verifyLocalToken(token, undefined, now);
    if (accepted) await expect(verified).resolves.toMatchObject(claims);
    else await expect(verified).rejects.toBeInstanceOf(LocalTokenError);
  });
});

describe('verifyLocalToken audience: `aud` when present, else `client_id` (API Gateway; Cognito access tokens)', () => {
  const sign = (audience: { aud?: string; client_id?: string }) => {
    const jwt = new SignJWT({ ...claims, ...(audience.client_id ? { client_id: audience.client_id } : {}) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(LOCAL_ISSUER)
      .setIssuedAt(at)
      .setExpirationTime(at + 3600);
    if (audience.aud) jwt.setAudience(audience.aud);
    return jwt.sign(new TextEncoder().encode(localJwtSecret()));
  };
  const reasonFor = async (audience: { aud?: string; client_id?: string }) => {
    const error = await verifyLocalToken(await sign(audience), undefined, now).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LocalTokenError);
    return (error as LocalTokenError).reason;
  };

  it('passes numeric extra claims on as strings (Cognito access tokens carry auth_time and version), refuses a list', async () => {
    const cognitoShaped = await signLocalPayload({ ...claims, auth_time: at, version: 2 }, { issuedAt: at });
    expect(await verifyLocalToken(cognitoShaped, undefined, now)).toMatchObject({ auth_time: `${at}`, version: '2' });
    const withList = await signLocalPayload({ ...claims, groups: ['admins'] }, { issuedAt: at });
    await expect(verifyLocalToken(withList, undefined, now)).rejects.toBeInstanceOf(LocalTokenError);
  });

  it('accepts a token without `aud` whose client_id is the audience, and passes client_id on', async () => {
    const verified = await verifyLocalToken(await sign({ client_id: LOCAL_AUDIENCE }), undefined, now);
    expect(verified).toMatchObject({ ...claims, client_id: LOCAL_AUDIENCE });
    expect(verified).not.toHaveProperty('aud');
  });

  it('refuses a wrong client_id, and a token with neither claim', async () => {
    expect(await reasonFor({ client_id: 'another-client' })).toBe('client_id not in the audience');
    expect(await reasonFor({})).toBe('no aud or client_id');
  });

  it('checks `aud` alone when both are present: a right client_id does not save a wrong aud', async () => {
    expect(await reasonFor({ aud: 'another-api', client_id: LOCAL_AUDIENCE })).toBe('aud not in the audience');
    const verified = verifyLocalToken(await sign({ aud: LOCAL_AUDIENCE, client_id: 'another-client' }), undefined, now);
    await expect(verified).resolves.toMatchObject({ aud: LOCAL_AUDIENCE, client_id: 'another-client' });
  });
});

describe('verifyLocalToken with RS256 (the deployed path: a key set by kid)', () => {
  let key: LocalSigningKey;
  let otherKey: LocalSigningKey;
  let jwks: JWTVerifyGetKey;
  beforeAll(async () => {
    [key, otherKey] = await Promise.all([
      generateLocalSigningKey().then((pair) => pair.key),
      generateLocalSigningKey().then((pair) => pair.key),
    ]);
    jwks = createLocalJWKSet(localJwks(key));
  });
  const sign = (options: Parameters<typeof signLocalPayload>[1] = {}) =>
    signLocalPayload(claims, { issuedAt: at, expiresIn: 3600, ...options });
  const refusal = async (token: Promise<string> | string, verifier: LocalVerifier) => {
    const error = await verifyLocalToken(await token, verifier, now).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LocalTokenError);
    return (error as LocalTokenError).reason;
  };

  it('accepts a token signed with the served key, with the same claim checks as HS256', async () => {
    const token = await sign({ key });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'RS256', typ: 'JWT', kid: key.kid });
    expect(await verifyLocalToken(token, { jwks }, now)).toMatchObject({ ...claims, exp: `${at + 3600}` });
    expect(await refusal(signLocalPayload({ ...claims, role: 'admin' }, { key }), { jwks })).toMatch(/claim role/);
  });

  it('refuses a token signed by another key, under its own kid or the served one', async () => {
    expect(await refusal(sign({ key: otherKey }), { jwks })).toBe('ERR_JWKS_NO_MATCHING_KEY');
    const impostor = { ...otherKey, kid: key.kid };
    expect(await refusal(sign({ key: impostor }), { jwks })).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it('refuses RS256 without a kid (API Gateway matches the key by kid)', async () => {
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setExpirationTime(at + 3600)
      .sign(key.privateKey);
    expect(await refusal(token, { jwks })).toBe('no kid');
  });

  it('refuses HS256 when only the key set is trusted, and RS256 when only the secret is', async () => {
    expect(await refusal(sign(), { jwks })).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
    expect(await refusal(sign({ key }), { secret: 'local-dev-secret' })).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
  });

  it('refuses HS256 keyed with the public key (algorithm confusion) even when HS256 is accepted', async () => {
    const forged = sign({ secret: JSON.stringify(key.publicJwk) });
    expect(await refusal(forged, { jwks, secret: 'local-dev-secret' })).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it('refuses other algorithms: ES256, RS512, PS256', async () => {
    for (const alg of ['ES256', 'RS512', 'PS256'] as const) {
      const { privateKey: signingKey } = await generateKeyPair(alg);
      const token = new SignJWT(claims)
        .setProtectedHeader({ alg, kid: key.kid })
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setExpirationTime(at + 3600)
        .sign(signingKey);
      expect(await refusal(token, { jwks, secret: 'local-dev-secret' }), alg).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
    }
  });
});

describe('loadLocalSigningKey', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'casetasks-jwks-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the key file once: concurrent and later loads get the same key', async () => {
    const file = join(dir, 'nested', 'jwks-private.json');
    const first = await Promise.all([loadLocalSigningKey(file), loadLocalSigningKey(file), loadLocalSigningKey(file)]);
    const again = await loadLocalSigningKey(file);
    expect(new Set([...first, again].map((loaded) => loaded.kid)).size).toBe(1);
    const stored = JSON.parse(await readFile(file, 'utf8')) as { keys: { kid: string; d?: string }[] };
    expect(stored.keys[0]?.kid).toBe(again.kid);
    expect(stored.keys[0]?.d, 'the file holds the private key').toBeTruthy();
    expect(again.publicJwk).not.toHaveProperty('d');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, 'nested')), 'no temporary file left behind').toEqual(['jwks-private.json']);
  });

  it('names the file and the field when the file is not a private RSA key set', async () => {
    const file = join(dir, 'jwks-private.json');
    await writeFile(file, JSON.stringify({ keys: [{ kty: 'RSA', kid: 'k', n: 'x', e: 'AQAB' }] }));
    await expect(loadLocalSigningKey(file)).rejects.toThrow(`${file} is not a private RSA JWKS (keys.0.d:`);
  });
});
