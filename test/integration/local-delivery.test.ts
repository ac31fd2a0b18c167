// Local mode's delivery (issue 21): outbox → webhook fan-out → the local receiver, signed and retried, and the mailbox.

import { Webhook } from 'standardwebhooks';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signLocalToken } from '../../infra/local/local-jwt.js';
import type { LocalMail } from '../../infra/local/local-mailbox.js';
import type { ReceivedWebhook } from '../../infra/local/local-webhooks.js';
import { type LocalServer, startLocalServer } from '../../infra/local/server.js';
import { endpoint } from '../support/table.js';
import { type Caller, token } from './api-client.js';

let server: LocalServer;
const previousLoopback = process.env.WEBHOOK_ALLOW_LOOPBACK_HTTP;

beforeAll(async () => {
  // What infra/local/local-env.ts sets for `npm start`: endpoints may target the local receiver over loopback http.
  process.env.WEBHOOK_ALLOW_LOOPBACK_HTTP = '1';
  server = await startLocalServer({
    dynamoEndpoint: endpoint(),
    tableName: `local-delivery-${ulid().toLowerCase()}`,
    workflow: false,
    // A retry's 30–60 s wait becomes 30–60 ms.
    delivery: { retryScale: 0.001 },
  });
});
afterAll(async () => {
  await server?.stop();
  if (previousLoopback === undefined) delete process.env.WEBHOOK_ALLOW_LOOPBACK_HTTP;
  else process.env.WEBHOOK_ALLOW_LOOPBACK_HTTP = previousLoopback;
});

const n = () => ulid().slice(-8).toLowerCase();

const call = async (method: string, path: string, options: { as?: Caller; email?: string; body?: unknown } = {}) => {
  const headers: Record<string, string> = {};
  if (options.as && options.email) {
    const { user, org, party, role } = options.as;
    headers.authorization = `Bearer ${await signLocalToken({ sub: user, org_id: org, party, role, email: options.email })}`;
  } else if (options.as) headers.authorization = `Bearer ${await token(options.as)}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> };
};

const caseSubmitted = (partnerOrgId: string) => ({
  source: 'platform',
  'detail-type': 'Case Submitted',
  detail: {
    caseId: `case-${n()}`,
    creditorOrgId: `c-${n()}`,
    partnerOrgId,
    hasBankAccount: true,
    contractSigned: true,
    requiresQuote: false,
  },
});

const register = async (owner: Caller, receiverPath: string) => {
  const created = await call('POST', '/settings/webhooks', {
    as: owner,
    body: { url: `${server.url}${receiverPath}`, eventTypes: ['Task Created'] },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: String(created.body.id), secret: String(created.body.secret) };
};

const received = async (name: string): Promise<ReceivedWebhook[]> => {
  const listed = await call('GET', `/local/webhook-receiver?name=${name}`);
  expect(listed.status).toBe(200);
  return listed.body.items as ReceivedWebhook[];
};

describe('local webhook delivery', () => {
  it('delivers Task Created to the local receiver, signed with the secret the create answered', async () => {
    // Prepare
    const org = `p-${n()}`;
    const owner: Caller = { party: 'partner', org, user: 'u-owner', role: 'owner' };
    const name = `demo-${n()}`;
    const { secret } = await register(owner, `/local/webhook-receiver/${name}`);
    // Act
    const sent = await call('POST', '/local/events', { body: caseSubmitted(org) });
    await server.delivery.idle();
    const requests = await received(name);
    // Assess
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(requests).toHaveLength(1);
    const [request] = requests as [ReceivedWebhook];
    expect(request).toMatchObject({ method: 'POST', answered: 200, truncated: false });
    const verified = new Webhook(secret).verify(request.body, request.headers) as {
      type: string;
      data: { task: { orgId: string; type: string } };
    };
    expect(verified.type).toBe('Task Created');
    expect(verified.data.task).toMatchObject({ orgId: org, type: 'review_new_case' });
    expect(request.headers['webhook-id']).toMatch(/^msg_.+_.+$/);
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(request.body, request.headers),
    ).toThrow();
  });

  it('retries a delivery the receiver answered 500, with the same webhook-id, until it answers 200', async () => {
    // Prepare
    const org = `p-${n()}`;
    const owner: Caller = { party: 'partner', org, user: 'u-owner', role: 'owner' };
    const name = `flaky-${n()}`;
    const { secret } = await register(owner, `/local/webhook-receiver/${name}?status=500&times=1`);
    const retriesBefore = server.delivery.queue.counts.retries;
    // Act
    await call('POST', '/local/events', { body: caseSubmitted(org) });
    await server.delivery.idle();
    const requests = await received(name);
    // Assess
    expect(requests.map((request) => request.answered)).toEqual([500, 200]);
    const [first, second] = requests as [ReceivedWebhook, ReceivedWebhook];
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(second.body).toBe(first.body);
    expect(new Webhook(secret).verify(second.body, second.headers)).toMatchObject({ type: 'Task Created' });
    expect(server.delivery.queue.counts.retries - retriesBefore).toBe(1);
  });

  it('records a request to any receiver name and lists nothing after DELETE', async () => {
    // Prepare
    const name = `gone-${n()}`;
    await call('POST', `/local/webhook-receiver/${name}`, { body: { hello: 'world' } });
    const before = await received(name);
    // Act
    const cleared = await fetch(`${server.url}/local/webhook-receiver`, { method: 'DELETE' });
    const after = await received(name);
    // Assess
    expect(before.map((request) => [request.body, request.answered])).toEqual([['{"hello":"world"}', 200]]);
    expect(cleared.status).toBe(204);
    expect(after).toEqual([]);
  });
});

describe('the local mailbox', () => {
  it('shows the confirmation mail, then a rendered reminder after the reminder job ran', async () => {
    // Prepare
    const org = `p-${n()}`;
    const me: Caller = { party: 'partner', org, user: 'u-mail', role: 'manager' };
    const email = `u-${n()}@example.com`;
    const saved = await call('PUT', '/me/notifications', {
      as: me,
      email,
      body: { approaching: true, overdue: true, escalated: true, digest: false, digestHour: 7, expectedVersion: 0 },
    });
    const mailbox = async () =>
      (await call('GET', `/local/mailbox?to=${encodeURIComponent(email)}`)).body.items as LocalMail[];
    const [confirmMail] = await mailbox();
    const confirmed = await call('POST', '/me/notifications/confirm', {
      as: me,
      email,
      body: { code: String(confirmMail?.data.code) },
    });
    await call('POST', '/local/events', { body: caseSubmitted(org) });
    // Act
    const job = await call('POST', '/local/jobs/deadline-reminders', {
      body: { now: new Date(Date.now() + 30 * 86_400_000).toISOString() },
    });
    await server.delivery.idle();
    const mails = await mailbox();
    // Assess
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(confirmMail).toMatchObject({ kind: 'confirm', to: email });
    expect(confirmMail?.text).toContain(String(confirmMail?.data.code));
    expect(confirmed.body).toMatchObject({ emailStatus: 'confirmed' });
    expect(job.status, JSON.stringify(job.body)).toBe(200);
    const overdue = mails.filter((mail) => mail.kind === 'overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ to: email, tags: { party: 'partner', org, user: 'u-mail' } });
    expect(overdue[0]?.subject.length).toBeGreaterThan(0);
    expect(overdue[0]?.unsubscribeUrl).toMatch(new RegExp(`^${server.url}/notifications/unsubscribe/`));
    expect(overdue[0]?.text).toContain(String(overdue[0]?.data.title));
  });
});
