// The local authorizer's clock bounds, on an injected clock: iat and nbf may lead by the skew, not a second more.
import { MAX_TOKEN_CLOCK_SKEW_SECONDS } from '@casetasks/core';
import { describe, expect, it } from 'vitest';
import { LocalTokenError, signLocalPayload, verifyLocalToken } from './local-jwt.js';

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
