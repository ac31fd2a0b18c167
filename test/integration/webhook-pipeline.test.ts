// The webhook pipeline (issue 21) against a real local receiver and DynamoDB Local: fan-out, the consumer's attempts
// (retry, give up, auto-disable, 410, SSRF), the SQS handler (mocked SQS), the delivery log route and the test ping.
import { ChangeMessageVisibilityCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { resetConfig, sqsWebhookQueue } from '@casetasks/app/runtime';
import {
  deliverWebhook,
  fanOutWebhooks,
  type WebhookQueue,
  type WebhookQueueMessage,
  webhookQueueMessageSchema,
} from '@casetasks/app/webhooks';
import { MAX_WEBHOOK_ATTEMPTS, type Task } from '@casetasks/core';
import { getWebhookEndpoint, type WebhookDelivery } from '@casetasks/db';
import type { Context, SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { Webhook } from 'standardwebhooks';
import { ulid } from 'ulid';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handler as deliveryHandler } from '../../functions/events/webhook-delivery.js';
import { type ApiHarness, type Caller, json, roleCaller, startApi } from './api-client.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

let receiver: WebhookReceiver;
const sqs = mockClient(SQSClient);
let api: ApiHarness;

beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_LOOPBACK_HTTP = '1';
  process.env.WEBHOOK_DELIVERY_QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/000000000000/webhook-deliveries';
  api = await startApi('webhook-pipeline');
  receiver = await startWebhookReceiver();
});

afterEach(() => {
  receiver.reset();
  sqs.reset();
});

afterAll(async () => {
  await receiver.stop();
  await api.stop();
  delete process.env.WEBHOOK_DELIVERY_QUEUE_URL;
  resetConfig();
});

const HOUR = 3_600_000;
const n = () => ulid().slice(-8).toLowerCase();
const caller = roleCaller;
const hookUrl = () => `http://127.0.0.1:${receiver.port}/hook`;

/** Registers an endpoint through the API; answers its id and secret. */
const register = async (as: Caller, extra: Record<string, unknown> = {}) => {
  const created = await api.call('POST', '/settings/webhooks', {
    as,
    body: { url: hookUrl(), eventTypes: ['Task Created'], ...extra },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: String(json(created).id), secret: String(json(created).secret) };
};

/** The EventBridge event of the service bus, as the outbox relay publishes it. */
const taskEvent = (task: Task, time = new Date(), type = 'Task Created') => ({
  version: '0',
  id: ulid(),
  source: 'casetasks',
  'detail-type': type,
  account: '000000000000',
  region: 'eu-west-1',
  time: time.toISOString(),
  resources: [],
  detail: { task, eventId: ulid() },
});

const memoryQueue = () => {
  const messages: WebhookQueueMessage[] = [];
  const queue: WebhookQueue = { enqueue: async (batch) => void messages.push(...batch) };
  return { messages, queue };
};

const plantTask = (orgId: string, party: Caller['party'] = 'partner') =>
  api.plant({ type: 'review_new_case', accessLevel: party, orgId });

/** One endpoint of a fresh org and one queued message for it. */
const queuedDelivery = async (extra: Record<string, unknown> = {}) => {
  const owner = caller(`p-${n()}`);
  const endpoint = await register(owner, extra);
  const { messages, queue } = memoryQueue();
  await fanOutWebhooks(taskEvent(await plantTask(owner.org)), queue);
  const [message] = messages;
  if (!message) throw new Error('nothing queued');
  return { owner, endpoint, message };
};

const log = async (as: Caller, id: string, query = '') => {
  const response = await api.call('GET', `/settings/webhooks/${id}/deliveries${query}`, { as });
  const body =
    response.status === 200 ? (json(response) as { items: WebhookDelivery[]; nextCursor: string | null }) : undefined;
  return { status: response.status, body };
};
const lastLog = async (as: Caller, id: string) => (await log(as, id)).body?.items[0];

describe('webhook fan-out', () => {
  it('logs and enqueues one delivery per subscribed enabled endpoint of the task’s org and party, once', async () => {
    // Prepare
    const owner = caller(`p-${n()}`);
    const subscribed = await register(owner);
    const otherType = await register(owner, { eventTypes: ['Task Completed'] });
    const disabled = await register(owner, { enabled: false });
    const otherOrgOwner = caller(`p-${n()}`);
    const otherOrg = await register(otherOrgOwner);
    const creditor = caller(owner.org, 'owner', 'creditor');
    const otherParty = await register(creditor);
    const event = taskEvent(await plantTask(owner.org));
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    // Act
    const first = await fanOutWebhooks(event, sqsWebhookQueue());
    const repeated = await fanOutWebhooks(event, sqsWebhookQueue());
    const sent = sqs.commandCalls(SendMessageBatchCommand).map((call) => call.args[0].input.Entries ?? []);
    const message = webhookQueueMessageSchema.parse(JSON.parse(sent[0]?.[0]?.MessageBody ?? '{}'));
    const delivered = await deliverWebhook(message, 1);
    const afterDelivery = await fanOutWebhooks(event, sqsWebhookQueue());
    // Assess: one message each time the delivery is still pending, none once delivered; one log item throughout
    expect(first).toEqual({ deliveries: 1 });
    expect(repeated).toEqual({ deliveries: 1 });
    expect(afterDelivery).toEqual({ deliveries: 0 });
    expect(sent.map((entries) => entries.length)).toEqual([1, 1]);
    expect(message).toMatchObject({
      endpointId: subscribed.id,
      party: 'partner',
      orgId: owner.org,
      type: 'Task Created',
    });
    expect(message.outboxId).toBe(event.detail.eventId);
    expect(delivered).toEqual({ outcome: 'delivered' });
    const items = (await log(owner, subscribed.id)).body?.items;
    expect(items).toHaveLength(1);
    expect(items?.[0]).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 204, outboxId: message.outboxId });
    for (const id of [otherType.id, disabled.id]) expect((await log(owner, id)).body?.items).toEqual([]);
    expect((await log(creditor, otherParty.id)).body?.items).toEqual([]);
    expect((await log(otherOrgOwner, otherOrg.id)).body?.items).toEqual([]);
    expect(receiver.requests).toHaveLength(1);
  });

  it('routes a Daily Digest to its recipient’s org and party', async () => {
    // Prepare
    const owner = caller(`c-${n()}`, 'owner', 'creditor');
    const endpoint = await register(owner, { eventTypes: ['Daily Digest'] });
    const { messages, queue } = memoryQueue();
    const digest = {
      ...taskEvent(await plantTask(owner.org, 'creditor'), new Date(), 'Daily Digest'),
      detail: {
        recipient: { party: 'creditor', orgId: owner.org, assigneeId: null },
        ...{ day: '2026-11-29', counts: { overdue: 0, dueToday: 0, upcoming: 0 }, tasks: [], eventId: ulid() },
      },
    };
    // Act
    const result = await fanOutWebhooks(digest, queue);
    // Assess
    expect(result).toEqual({ deliveries: 1 });
    expect(messages[0]).toMatchObject({ endpointId: endpoint.id, party: 'creditor', type: 'Daily Digest' });
  });

  it('signs each delivery so the receiver verifies it with the standardwebhooks library', async () => {
    // Prepare
    const { endpoint, message } = await queuedDelivery();
    // Act
    const result = await deliverWebhook(message, 1);
    // Assess
    const [request] = receiver.requests;
    expect(result.outcome).toBe('delivered');
    expect(request?.headers['webhook-id']).toBe(`msg_${message.outboxId}_${endpoint.id}`);
    const verified = new Webhook(endpoint.secret).verify(request?.body ?? '', request?.headers ?? {});
    expect(verified).toMatchObject({
      type: 'Task Created',
      data: { task: { id: (message.data as { task: Task }).task.id } },
    });
  });
});

describe('webhook delivery attempts', () => {
  it('retries after a 500 within the schedule’s first wait, then delivers on attempt 2', async () => {
    // Prepare
    const { owner, endpoint, message } = await queuedDelivery();
    receiver.answerStatuses([500, 200]);
    const now = new Date();
    // Act
    const first = await deliverWebhook(message, 1, { now });
    const retrying = await lastLog(owner, endpoint.id);
    const second = await deliverWebhook(message, 2, { now: new Date(now.getTime() + 45_000) });
    const done = await lastLog(owner, endpoint.id);
    // Assess
    expect(first.outcome).toBe('retry');
    expect(first.retryInSeconds).toBeGreaterThanOrEqual(30);
    expect(first.retryInSeconds).toBeLessThanOrEqual(60);
    expect(retrying).toMatchObject({ status: 'retrying', attempts: 1, lastStatus: 500, lastError: 'HTTP 500' });
    expect(Date.parse(retrying?.nextAttemptAt ?? '') - now.getTime()).toBe((first.retryInSeconds ?? 0) * 1000);
    expect(second).toEqual({ outcome: 'delivered' });
    expect(done).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 200, nextAttemptAt: null });
    expect(receiver.requests).toHaveLength(2);
  });

  it('gives up after the last attempt: the log says failed and nothing comes back', async () => {
    // Prepare
    const { owner, endpoint, message } = await queuedDelivery();
    receiver.answerStatuses([503]);
    // Act
    const last = await deliverWebhook(message, MAX_WEBHOOK_ATTEMPTS);
    // Assess
    expect(last).toEqual({ outcome: 'retry' });
    expect(await lastLog(owner, endpoint.id)).toMatchObject({
      status: 'failed',
      attempts: MAX_WEBHOOK_ATTEMPTS,
      lastStatus: 503,
      nextAttemptAt: null,
    });
  });

  it('disables the endpoint after 50 failures over 24 h; the next delivery is not sent', async () => {
    // Prepare
    const { owner, endpoint, message } = await queuedDelivery();
    receiver.answerStatuses([500]);
    const start = Date.parse('2026-11-20T00:00:00.000Z');
    // Act: 50 failures, 30 min apart (24.5 h)
    const results = [];
    for (let index = 0; index < 50; index += 1) {
      results.push(await deliverWebhook(message, 1, { now: new Date(start + index * HOUR * 0.5) }));
    }
    const stored = await getWebhookEndpoint(api.db, { party: owner.party, orgId: owner.org, id: endpoint.id });
    const sentBefore = receiver.requests.length;
    const next = await deliverWebhook(message, 2, { now: new Date(start + 25 * HOUR) });
    // Assess
    expect(results.slice(0, 49).every((result) => result.retryInSeconds !== undefined)).toBe(true);
    expect(results[49]).toEqual({ outcome: 'retry' });
    expect(stored).toMatchObject({
      enabled: false,
      disabledReason: '50 failed deliveries in a row over at least 24 h',
    });
    expect(next).toEqual({ outcome: 'skipped' });
    expect(receiver.requests.length).toBe(sentBefore);
    expect(await lastLog(owner, endpoint.id)).toMatchObject({
      status: 'failed',
      lastError: expect.stringMatching(/disabled/),
    });
  });

  it('a 410 disables the endpoint at once and logs gone', async () => {
    // Prepare
    const { owner, endpoint, message } = await queuedDelivery();
    receiver.answerStatuses([410]);
    // Act
    const result = await deliverWebhook(message, 1);
    // Assess
    expect(result).toEqual({ outcome: 'gone' });
    expect(await lastLog(owner, endpoint.id)).toMatchObject({ status: 'gone', lastStatus: 410 });
    expect(await getWebhookEndpoint(api.db, { party: owner.party, orgId: owner.org, id: endpoint.id })).toMatchObject({
      enabled: false,
      disabledReason: 'the endpoint answered 410 Gone',
    });
  });

  it('without the local flag, a loopback target is refused and never contacted', async () => {
    // Prepare: endpoints saved while the flag was on; then deployed-like configuration
    const { owner, endpoint, message } = await queuedDelivery();
    const named = await queuedDelivery({ url: 'https://hooks.example.com/casetasks' });
    process.env.WEBHOOK_ALLOW_LOOPBACK_HTTP = '0';
    resetConfig();
    try {
      // Act
      const literal = await deliverWebhook(message, 1);
      const resolved = await deliverWebhook(named.message, 1, {
        send: { resolve: async () => [{ address: '127.0.0.1', family: 4 }] },
      });
      // Assess: both are refused by the address check (retried: DNS may change), nothing reaches the receiver
      for (const result of [literal, resolved]) {
        expect(result.outcome).toBe('refused');
        expect(result.retryInSeconds).toBeGreaterThanOrEqual(30);
      }
      expect(receiver.connections).toBe(0);
      for (const [as, id] of [
        [owner, endpoint.id],
        [named.owner, named.endpoint.id],
      ] as const) {
        expect(await lastLog(as, id)).toMatchObject({
          status: 'retrying',
          lastStatus: null,
          lastError: expect.stringMatching(/refused: loopback 127\.0\.0\.1/),
        });
      }
    } finally {
      process.env.WEBHOOK_ALLOW_LOOPBACK_HTTP = '1';
      resetConfig();
    }
  });
});

describe('the SQS consumer (webhook-delivery.ts)', () => {
  const context = {
    functionName: 'webhook-delivery',
    awsRequestId: 'req-1',
    getRemainingTimeInMillis: () => 30_000,
  } as Context;
  const record = (body: string, receiveCount = '1') => ({
    messageId: ulid(),
    receiptHandle: `rh-${n()}`,
    body,
    attributes: { ApproximateReceiveCount: receiveCount },
  });

  it('backs a failed attempt off with ChangeMessageVisibility and reports it; drops an unreadable body', async () => {
    // Prepare
    const { message } = await queuedDelivery();
    receiver.answerStatuses([500]);
    sqs.on(ChangeMessageVisibilityCommand).resolves({});
    const failing = record(JSON.stringify(message), '2');
    const unreadable = record('{not json');
    // Act
    const response = await deliveryHandler({ Records: [failing, unreadable] } as unknown as SQSEvent, context);
    // Assess
    const [visibility] = sqs.commandCalls(ChangeMessageVisibilityCommand).map((call) => call.args[0].input);
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: failing.messageId }] });
    expect(visibility?.ReceiptHandle).toBe(failing.receiptHandle);
    // Attempt 2 failed: the 2 min step with full jitter.
    expect(visibility?.VisibilityTimeout).toBeGreaterThanOrEqual(120);
    expect(visibility?.VisibilityTimeout).toBeLessThanOrEqual(240);
    expect(receiver.requests).toHaveLength(1);
  });
});

describe('delivery log and test ping routes', () => {
  it('pages the log newest first; any role of the org reads it, another org gets 404', async () => {
    // Prepare
    const owner = caller(`p-${n()}`);
    const endpoint = await register(owner);
    const { queue } = memoryQueue();
    const task = await plantTask(owner.org);
    const base = Date.now() - 3 * HOUR;
    for (const offset of [0, 2, 1]) await fanOutWebhooks(taskEvent(task, new Date(base + offset * HOUR)), queue);
    // Act
    const first = await log(owner, endpoint.id, '?limit=2');
    const second = await log(
      caller(owner.org, 'contributor'),
      endpoint.id,
      `?limit=2&cursor=${first.body?.nextCursor}`,
    );
    const foreign = await log(caller(`p-${n()}`), endpoint.id);
    // Assess
    const times = [...(first.body?.items ?? []), ...(second.body?.items ?? [])].map((item) =>
      Date.parse(item.occurredAt),
    );
    expect(times).toEqual([base + 2 * HOUR, base + HOUR, base]);
    expect(first.body?.nextCursor).toEqual(expect.any(String));
    expect(second.body?.nextCursor).toBeNull();
    expect(foreign.status).toBe(404);
  });

  it('pings for owners (200 with the outcome, not counted), 403 for managers', async () => {
    // Prepare
    const owner = caller(`p-${n()}`);
    const endpoint = await register(owner);
    receiver.answerStatuses([500, 204]);
    // Act
    const failed = await api.call('POST', `/settings/webhooks/${endpoint.id}/test`, { as: owner });
    const ok = await api.call('POST', `/settings/webhooks/${endpoint.id}/test`, { as: owner, body: {} });
    const manager = await api.call('POST', `/settings/webhooks/${endpoint.id}/test`, {
      as: caller(owner.org, 'manager'),
    });
    const stored = await getWebhookEndpoint(api.db, { party: owner.party, orgId: owner.org, id: endpoint.id });
    // Assess
    expect(failed.status, JSON.stringify(failed.body)).toBe(200);
    expect(json(failed).delivery).toMatchObject({ type: 'Webhook Test', status: 'failed', lastStatus: 500 });
    expect(json(ok).delivery).toMatchObject({ status: 'delivered', lastStatus: 204, attempts: 1, outboxId: null });
    expect(manager.status).toBe(403);
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]?.headers['webhook-id']).toBe((json(ok).delivery as WebhookDelivery).messageId);
    expect(JSON.parse(receiver.requests[1]?.body ?? '{}')).toMatchObject({
      type: 'Webhook Test',
      data: { webhookId: endpoint.id },
    });
    expect(
      new Webhook(endpoint.secret).verify(receiver.requests[1]?.body ?? '', receiver.requests[1]?.headers ?? {}),
    ).toBeTruthy();
    expect(stored?.consecutiveFailures).toBe(0);
    expect((await log(owner, endpoint.id)).body?.items).toHaveLength(2);
  });
});
