// The target URL rules, the signing secrets during a rotation and the auto-disable rule of webhook endpoints.
import { describe, expect, it } from 'vitest';
import {
  failuresDisable,
  isPublicUnicastAddress,
  signingSecrets,
  webhookUrlProblem,
  webhookUrlSchemaWith,
} from './webhooks.js';

describe('webhook target URLs', () => {
  it.each([
    'https://hooks.example.com/casetasks',
    'https://hooks.example.com:443/x?y=1',
    'https://8.8.8.8/hook',
    'https://[2606:4700::1111]/hook',
  ])('accepts %s', (url) => {
    expect(webhookUrlProblem(url)).toBeUndefined();
  });

  it.each([
    ['not a url', 'must be an absolute URL'],
    ['http://hooks.example.com/', 'must use https'],
    ['https://user:pw@hooks.example.com/', 'must not carry credentials'],
    ['https://hooks.example.com/#', 'must not have a fragment'],
    ['https://hooks.example.com:8443/', 'must use the default port 443'],
    ['https://localhost/', 'must be a public host'],
    ['https://a.localhost/', 'must be a public host'],
    ['https://127.0.0.1/', 'must be a public address'],
    ['https://0x7f.1/', 'must be a public address'],
    ['https://10.1.2.3/', 'must be a public address'],
    ['https://169.254.169.254/', 'must be a public address'],
    ['https://100.64.0.1/', 'must be a public address'],
    ['https://[::1]/', 'must be a public address'],
    ['https://[fd00::1]/', 'must be a public address'],
    ['https://[::ffff:127.0.0.1]/', 'must be a public address'],
  ])('refuses %s: %s', (url, problem) => {
    expect(webhookUrlProblem(url)).toBe(problem);
  });

  it.each([
    ['8.8.8.8', true],
    ['2606:4700::1111', true],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['::ffff:8.8.8.8', false],
    ['2002:7f00:1::', false],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', false],
    ['example.com', false],
  ])('%s is public unicast: %s', (address, expected) => {
    expect(isPublicUnicastAddress(address)).toBe(expected);
  });
});

describe('loopback http targets (local mode and tests only)', () => {
  it('accepts http on any port of a loopback host only when the caller allows it', () => {
    const urls = [
      'http://127.0.0.1:8080/hook',
      'http://localhost:3000/x',
      'http://[::1]:9000/',
      'https://127.0.0.2:8443/',
    ];
    for (const url of urls) {
      expect(webhookUrlProblem(url), url).toBeDefined();
      expect(webhookUrlProblem(url, true), url).toBeUndefined();
    }
    expect(webhookUrlProblem('http://10.0.0.1:8080/', true)).toBe('must use https');
    expect(webhookUrlProblem('http://u:p@127.0.0.1:8080/', true)).toBe('must use https');
    expect(webhookUrlProblem('http://127.0.0.1:8080/#x', true)).toBe('must use https');
    expect(webhookUrlProblem('ftp://127.0.0.1/', true)).toBe('must use https');
  });

  it('asks the flag at each parse', () => {
    let allowed = false;
    const schema = webhookUrlSchemaWith(() => allowed);
    const before = schema.safeParse('http://127.0.0.1:8080/hook').success;
    allowed = true;
    expect([before, schema.safeParse('http://127.0.0.1:8080/hook').success]).toEqual([false, true]);
  });
});

describe('signing secrets', () => {
  const endpoint = {
    secret: 'whsec_new',
    previousSecret: 'whsec_old',
    previousSecretExpiresAt: '2026-11-25T12:00:00.000Z',
  };

  it('signs with both secrets until the previous one expires, then with the current one only', () => {
    expect(signingSecrets(endpoint, new Date('2026-11-25T11:59:59.999Z'))).toEqual(['whsec_new', 'whsec_old']);
    expect(signingSecrets(endpoint, new Date('2026-11-25T12:00:00.000Z'))).toEqual(['whsec_new']);
    expect(signingSecrets({ secret: 'whsec_new' }, new Date(0))).toEqual(['whsec_new']);
  });
});

describe('auto-disable after failures', () => {
  const since = '2026-11-24T00:00:00.000Z';

  it('needs 50 failures in a row spanning at least 24 h', () => {
    expect(failuresDisable(50, since, new Date('2026-11-25T00:00:00.000Z'))).toBe(true);
    expect(failuresDisable(49, since, new Date('2026-11-26T00:00:00.000Z'))).toBe(false);
    expect(failuresDisable(500, since, new Date('2026-11-24T23:59:59.999Z'))).toBe(false);
  });
});
