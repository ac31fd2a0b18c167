// One webhook delivery against a real local receiver: signatures, outcome classification, bounds and the SSRF guard.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import {
  type ResolveHost,
  sendWebhook,
  type WebhookMessage,
  webhookMessageId,
  webhookPayload,
} from '@casetasks/app/webhooks';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ReceivedWebhook, startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

let receiver: WebhookReceiver;

const occurredAt = new Date('2026-11-29T07:00:00.000Z');

const message = (id = `msg_${randomBytes(6).toString('hex')}`): WebhookMessage => ({
  id,
  payload: webhookPayload('Task Created', occurredAt, { task: { id: 't-1' } }),
});

const loopback = (path = '/hook') => `http://127.0.0.1:${receiver.port}${path}`;

beforeAll(async () => {
  receiver = await startWebhookReceiver('::');
});

afterEach(() => {
  receiver.reset();
});

afterAll(() => receiver.stop());

describe('sending a webhook to a local receiver', () => {
  it('delivers a message the receiver verifies with the library', async () => {
    // Prepare
    const secret = newSecret();
    const sent = message(webhookMessageId('01JOUTBOX', 'wh-1'));

    // Act
    const outcome = await sendWebhook(loopback(), sent, { secrets: [secret], allowLoopbackHttp: true });

    // Assess
    expect(outcome).toMatchObject({ kind: 'delivered', status: 204 });
    const [received] = receiver.requests;
    expect(received?.headers).toMatchObject({
      'webhook-id': 'msg_01JOUTBOX_wh-1',
      'content-type': 'application/json',
      'user-agent': 'casetasks-webhooks/1',
    });
    expect(new Webhook(secret).verify(received?.body ?? '', received?.headers ?? {})).toEqual({
      type: 'Task Created',
      timestamp: occurredAt.toISOString(),
      data: { task: { id: 't-1' } },
    });
    expect(() => new Webhook(newSecret()).verify(received?.body ?? '', received?.headers ?? {})).toThrow();
  });

  it('signs with both secrets during a rotation, so either verifies', async () => {
    // Prepare
    const [current, previous] = [newSecret(), newSecret()];

    // Act
    await sendWebhook(loopback(), message(), { secrets: [current, previous], allowLoopbackHttp: true });

    // Assess
    const [received] = receiver.requests;
    expect(received?.headers['webhook-signature']?.split(' ')).toHaveLength(2);
    for (const secret of [current, previous]) {
      expect(new Webhook(secret).verify(received?.body ?? '', received?.headers ?? {})).toBeTruthy();
    }
  });

  it('asks for a retry on a 500, then delivers the same message id, signed anew', async () => {
    // Prepare: the first attempt an hour ago, the retry now
    const statuses = [500, 200];
    receiver.answer = (_req, res) => void res.writeHead(statuses.shift() ?? 200).end('busy');
    const secret = newSecret();
    const sent = message();
    const anHourAgo = new Date(Date.now() - 3_600_000);

    // Act
    const first = await sendWebhook(loopback(), sent, {
      secrets: [secret],
      allowLoopbackHttp: true,
      clock: () => anHourAgo,
    });
    const second = await sendWebhook(loopback(), sent, { secrets: [secret], allowLoopbackHttp: true });

    // Assess
    expect(first).toMatchObject({ kind: 'retry', status: 500, error: 'HTTP 500', responseBody: 'busy' });
    expect(second).toMatchObject({ kind: 'delivered', status: 200 });
    const [then, now] = receiver.requests as [ReceivedWebhook, ReceivedWebhook];
    expect([then.headers['webhook-id'], now.headers['webhook-id']]).toEqual([sent.id, sent.id]);
    expect([then.body, now.body]).toEqual([sent.payload, sent.payload]);
    expect(then.headers['webhook-timestamp']).toBe(String(Math.floor(anHourAgo.getTime() / 1000)));
    // A receiver refuses a signature an hour old: that is why every attempt is signed at its own time.
    expect(() => new Webhook(secret).verify(then.body, then.headers)).toThrow(/timestamp/i);
    expect(new Webhook(secret).verify(now.body, now.headers)).toBeTruthy();
  });

  it('reports 410 Gone, so the endpoint is disabled', async () => {
    // Prepare
    receiver.answer = (_req, res) => void res.writeHead(410).end();

    // Act
    const outcome = await sendWebhook(loopback(), message(), { secrets: [newSecret()], allowLoopbackHttp: true });

    // Assess
    expect(outcome).toMatchObject({ kind: 'gone', status: 410 });
  });

  it('gives up on a receiver that never answers once the timeout passes', async () => {
    // Prepare: the request is read, the answer never comes
    receiver.answer = () => undefined;

    // Act
    const outcome = await sendWebhook(loopback(), message(), {
      secrets: [newSecret()],
      allowLoopbackHttp: true,
      timeoutMs: 200,
    });

    // Assess
    expect(outcome).toMatchObject({ kind: 'retry', error: 'timed out' });
    expect(receiver.requests).toHaveLength(1);
  });

  it('keeps the first 4 KB of a huge answer and stops reading the rest', async () => {
    // Prepare: up to 64 MB offered with backpressure, counting what the connection took before it closed
    const offered = 64 * 1024 * 1024;
    let written = 0;
    receiver.answer = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (written < offered && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
    };

    // Act
    const outcome = await sendWebhook(loopback(), message(), { secrets: [newSecret()], allowLoopbackHttp: true });

    // Assess
    expect(outcome).toMatchObject({ kind: 'delivered', status: 200 });
    expect(outcome.kind === 'delivered' && outcome.responseBody).toBe('x'.repeat(4096));
    expect(written).toBeLessThan(offered);
  });

  it('does not follow a redirect: a 302 is a failed attempt, retried later', async () => {
    // Prepare
    receiver.answer = (_req, res) => void res.writeHead(302, { location: loopback('/elsewhere') }).end();

    // Act
    const outcome = await sendWebhook(loopback(), message(), { secrets: [newSecret()], allowLoopbackHttp: true });

    // Assess
    expect(outcome).toMatchObject({ kind: 'retry', status: 302, error: 'HTTP 302 (redirects are not followed)' });
    expect(receiver.requests).toHaveLength(1);
  });

  it('connects to the address it checked, naming the host in the request', async () => {
    // Prepare: a resolver that would answer differently the second time (DNS rebinding)
    const answers = [['127.0.0.1'], ['10.0.0.1']];
    let lookups = 0;
    const resolve: ResolveHost = async () => (answers[lookups++] ?? []).map((address) => ({ address, family: 4 }));

    // Act
    const outcome = await sendWebhook(`http://receiver.test:${receiver.port}/hook`, message(), {
      secrets: [newSecret()],
      allowLoopbackHttp: true,
      resolve,
    });

    // Assess
    expect(outcome.kind).toBe('delivered');
    expect(lookups).toBe(1);
    expect(receiver.requests[0]?.headers.host).toBe(`receiver.test:${receiver.port}`);
  });

  it('opens TLS to the pinned address naming the host (SNI), and a failed handshake is a retry', async () => {
    // Prepare: a TCP listener that keeps the first bytes (the ClientHello) and hangs up
    const hello: Buffer[] = [];
    const tcp = createNetServer((socket) =>
      socket.once('data', (chunk: Buffer) => hello.push(chunk) && socket.destroy()),
    );
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    const port = (tcp.address() as AddressInfo).port;
    const resolve: ResolveHost = async () => [{ address: '127.0.0.1', family: 4 }];

    // Act
    const outcome = await sendWebhook(`https://receiver.test:${port}/hook`, message(), {
      secrets: [newSecret()],
      allowLoopbackHttp: true,
      resolve,
    });
    await new Promise<void>((done) => tcp.close(() => done()));

    // Assess
    expect(outcome.kind).toBe('retry');
    expect(hello[0]?.[0]).toBe(0x16); // a TLS handshake record
    expect(hello[0]?.includes('receiver.test')).toBe(true);
  });

  it('reports a refused connection as a retry', async () => {
    // Prepare: a port nobody listens on
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    // Act
    const outcome = await sendWebhook(`http://127.0.0.1:${port}/`, message(), {
      secrets: [newSecret()],
      allowLoopbackHttp: true,
    });

    // Assess
    expect(outcome).toMatchObject({ kind: 'retry' });
    expect(outcome.kind === 'retry' && outcome.error).toMatch(/^ECONNREFUSED/);
  });
});

describe('the SSRF guard, with the options deployed code uses', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['[::1]', 'loopback'],
    ['localhost', 'loopback'],
    ['[::ffff:127.0.0.1]', 'loopback'],
    ['0.0.0.0', 'unspecified'],
  ])('refuses %s before connecting (the receiver listens there)', async (host, reason) => {
    // Act
    const outcome = await sendWebhook(`http://${host}:${receiver.port}/hook`, message(), { secrets: [newSecret()] });

    // Assess
    expect(outcome).toMatchObject({ kind: 'refused', reason, retryable: true });
    expect(receiver.connections).toBe(0);
  });

  it.each([
    ['10.0.0.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['[fd00::1]', 'uniqueLocal'],
  ])('refuses %s before connecting', async (host, reason) => {
    // Act
    const outcome = await sendWebhook(`https://${host}/hook`, message(), { secrets: [newSecret()] });

    // Assess
    expect(outcome).toMatchObject({ kind: 'refused', reason });
  });

  it('refuses a host resolving to one public and one private address', async () => {
    // Prepare
    const resolve: ResolveHost = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ];

    // Act
    const outcome = await sendWebhook('https://hooks.example.com/hook', message(), { secrets: [newSecret()], resolve });

    // Assess
    expect(outcome).toMatchObject({ kind: 'refused', reason: 'loopback', error: expect.stringContaining('127.0.0.1') });
    expect(receiver.connections).toBe(0);
  });

  it('refuses plain http to a public host, as an error the owner must fix', async () => {
    // Prepare
    const resolve: ResolveHost = async () => [{ address: '93.184.216.34', family: 4 }];

    // Act
    const outcome = await sendWebhook('http://hooks.example.com/hook', message(), { secrets: [newSecret()], resolve });

    // Assess
    expect(outcome).toMatchObject({ kind: 'refused', reason: 'scheme', retryable: false });
  });
});
