import { describe, expect, it } from 'vitest';
import { checkWebhookTarget, type ResolveHost, WebhookTargetRefusedError } from './target-guard.js';

const PUBLIC = '93.184.216.34';

/** DNS as a table: a host absent from it does not resolve. */
const dns =
  (table: Record<string, string[]>): ResolveHost =>
  async (host) => {
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

const refusal = async (url: string, resolve: ResolveHost = dns({}), allowLoopbackHttp = false) => {
  const error = await checkWebhookTarget(url, { resolve, allowLoopbackHttp }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WebhookTargetRefusedError);
  return error as WebhookTargetRefusedError;
};

describe('webhook target guard', () => {
  it('passes a public https host and pins the address it checked', async () => {
    // Prepare
    const resolve = dns({ 'hooks.example.com': [PUBLIC, '2606:2800:220:1::1'] });

    // Act
    const target = await checkWebhookTarget('https://hooks.example.com/in?x=1', { resolve });

    // Assess
    expect(target).toMatchObject({ host: 'hooks.example.com', port: 443, pinned: { address: PUBLIC, family: 4 } });
  });

  it.each([
    ['https://10.0.0.1/', 'private'],
    ['https://192.168.1.1/', 'private'],
    ['https://172.16.0.1/', 'private'],
    ['https://127.0.0.1/', 'loopback'],
    ['https://[::1]/', 'loopback'],
    ['https://169.254.169.254/latest/meta-data/', 'linkLocal'],
    ['https://[fe80::1]/', 'linkLocal'],
    ['https://100.64.0.1/', 'carrierGradeNat'],
    ['https://[fd00::1]/', 'uniqueLocal'],
    ['https://0.0.0.0/', 'unspecified'],
    ['https://[::]/', 'unspecified'],
    ['https://224.0.0.1/', 'multicast'],
    ['https://255.255.255.255/', 'broadcast'],
    ['https://240.0.0.1/', 'reserved'],
    ['https://[::ffff:127.0.0.1]/', 'loopback'],
    ['https://[::ffff:10.0.0.1]/', 'private'],
    ['https://[::ffff:93.184.216.34]/', 'ipv4Mapped'],
    ['https://[2002:7f00:1::]/', '6to4'],
    ['https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', 'teredo'],
    ['https://[64:ff9b::a00:1]/', 'rfc6052'],
    // The WHATWG parser turns these spellings of 127.0.0.1 into the dotted form before the check.
    ['https://2130706433/', 'loopback'],
    ['https://0x7f.1/', 'loopback'],
  ])('refuses %s as %s', async (url, reason) => {
    // Act
    const error = await refusal(url);

    // Assess
    expect(error.reason).toBe(reason);
    expect(error.retryable).toBe(true);
  });

  it('refuses a host when any one of its addresses is not public', async () => {
    // Prepare
    const resolve = dns({ 'mixed.example.com': [PUBLIC, '10.1.2.3'], 'local.example.com': ['127.0.0.1'] });

    // Act
    const mixed = await refusal('https://mixed.example.com/', resolve);
    const local = await refusal('https://local.example.com/', resolve);

    // Assess
    expect([mixed.reason, mixed.address]).toEqual(['private', '10.1.2.3']);
    expect([local.reason, local.address]).toEqual(['loopback', '127.0.0.1']);
  });

  it('refuses URLs that break the rules, and says an owner must edit them', async () => {
    // Prepare
    const resolve = dns({ 'hooks.example.com': [PUBLIC] });

    // Act
    const errors = await Promise.all(
      [
        'http://hooks.example.com/',
        'https://hooks.example.com:8443/',
        'https://user:pw@hooks.example.com/',
        'ftp://hooks.example.com/',
        'not a url',
      ].map((url) => refusal(url, resolve)),
    );

    // Assess
    expect(errors.map((e) => e.reason)).toEqual(['scheme', 'port', 'credentials', 'scheme', 'invalid_url']);
    expect(errors.every((e) => !e.retryable)).toBe(true);
  });

  it('refuses a host that does not resolve, as retryable', async () => {
    // Act
    const error = await refusal('https://nowhere.example.com/');

    // Assess
    expect([error.reason, error.retryable]).toEqual(['unresolvable', true]);
  });

  it('lets http and any port through to loopback only with allowLoopbackHttp', async () => {
    // Prepare
    const resolve = dns({ 'receiver.test': ['127.0.0.1'], 'public.test': [PUBLIC] });

    // Act
    const local = await checkWebhookTarget('http://receiver.test:8080/hook', { resolve, allowLoopbackHttp: true });
    const privateTarget = await refusal('http://10.0.0.1:8080/', resolve, true);
    const publicHttp = await refusal('http://public.test/', resolve, true);

    // Assess
    expect(local).toMatchObject({ port: 8080, pinned: { address: '127.0.0.1', family: 4 } });
    expect(privateTarget.reason).toBe('private');
    expect(publicHttp.reason).toBe('scheme');
  });
});
