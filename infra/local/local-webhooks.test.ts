// The local receiver's bounds and status control, and the local delivery queue's concurrency, retries and stop.
import { describe, expect, it } from 'vitest';
import {
  LocalDeliveryQueue,
  LocalWebhookReceiver,
  RECEIVER_KEEP_BODY_BYTES,
  RECEIVER_KEEP_REQUESTS,
  serveWebhookReceiver,
} from './local-webhooks.js';

const post = (receiver: LocalWebhookReceiver, path: string, webhookId: string, body = Buffer.from('{}')) =>
  serveWebhookReceiver(receiver, {
    method: 'POST',
    url: new URL(`http://127.0.0.1${path}`),
    headers: { 'webhook-id': webhookId },
    body,
  });

describe('LocalWebhookReceiver', () => {
  it('answers ?status to the first `times` requests of each webhook-id, then 200', () => {
    // Prepare
    const receiver = new LocalWebhookReceiver();
    // Act
    const statuses = ['a', 'a', 'b', 'a', 'b', 'b'].map(
      (id) => post(receiver, '/local/webhook-receiver/x?status=503&times=2', id)?.statusCode,
    );
    // Assess
    expect(statuses).toEqual([503, 503, 503, 200, 503, 200]);
    expect(receiver.list('x').map((request) => request.answered)).toEqual(statuses);
  });

  it('keeps the last 200 requests and the first 64 KB of a body', () => {
    // Prepare
    const receiver = new LocalWebhookReceiver();
    // Act
    for (let i = 0; i <= RECEIVER_KEEP_REQUESTS; i++) post(receiver, '/local/webhook-receiver/x', `m-${i}`);
    post(receiver, '/local/webhook-receiver/big', 'big', Buffer.alloc(RECEIVER_KEEP_BODY_BYTES + 1, 'a'));
    // Assess
    const kept = receiver.list();
    expect(kept).toHaveLength(RECEIVER_KEEP_REQUESTS);
    expect(kept[0]?.headers['webhook-id']).toBe('m-2');
    expect(kept.at(-1)).toMatchObject({ name: 'big', truncated: true });
    expect(kept.at(-1)?.body).toHaveLength(RECEIVER_KEEP_BODY_BYTES);
  });

  it('ignores an out-of-range status and other methods or paths', () => {
    // Prepare
    const receiver = new LocalWebhookReceiver();
    // Act
    const bad = post(receiver, '/local/webhook-receiver/x?status=999', 'a');
    const get = serveWebhookReceiver(receiver, {
      method: 'GET',
      url: new URL('http://127.0.0.1/local/webhook-receiver/x'),
      headers: {},
      body: Buffer.alloc(0),
    });
    // Assess
    expect(bad?.statusCode).toBe(200);
    expect(get).toBeUndefined();
  });
});

describe('LocalDeliveryQueue', () => {
  it('never runs more attempts than its concurrency at once', async () => {
    // Prepare
    let inFlight = 0;
    let most = 0;
    const queue = new LocalDeliveryQueue<number>({
      concurrency: 3,
      deliver: async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight -= 1;
        return {};
      },
    });
    // Act
    await queue.enqueue(Array.from({ length: 20 }, (_, i) => i));
    await queue.idle();
    // Assess
    expect(most).toBe(3);
    expect(queue.counts).toMatchObject({ enqueued: 20, attempts: 20, retries: 0 });
  });

  it('brings a message back with the next attempt number until it is done, and retries a thrown attempt', async () => {
    // Prepare
    const attempts: [string, number][] = [];
    const queue = new LocalDeliveryQueue<string>({
      retryScale: 0,
      deliver: async (message, attempt) => {
        attempts.push([message, attempt]);
        if (message === 'throws' && attempt === 1) throw new Error('DynamoDB Local is down');
        return attempt < 3 && message === 'flaky' ? { retryInSeconds: 30 } : {};
      },
    });
    // Act
    await queue.enqueue(['flaky', 'throws', 'fine']);
    await queue.idle();
    // Assess
    expect(attempts.filter(([message]) => message === 'flaky').map(([, attempt]) => attempt)).toEqual([1, 2, 3]);
    expect(attempts.filter(([message]) => message === 'throws').map(([, attempt]) => attempt)).toEqual([1, 2]);
    expect(queue.counts).toMatchObject({ attempts: 6, retries: 3, thrown: 1 });
  });

  it('drops pending retries on stop', async () => {
    // Prepare
    let calls = 0;
    const queue = new LocalDeliveryQueue<string>({
      deliver: async () => {
        calls += 1;
        return { retryInSeconds: 3_600 };
      },
    });
    await queue.enqueue(['once']);
    await new Promise((resolve) => setImmediate(resolve));
    // Act
    await queue.stop();
    await queue.enqueue(['after stop']);
    // Assess
    expect(calls).toBe(1);
    expect(queue.counts.retries).toBe(1);
    await expect(queue.idle()).resolves.toBeUndefined();
  });
});
