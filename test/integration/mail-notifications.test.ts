// E-mail (issue 21) over real HTTP and DynamoDB Local: preferences, confirmation, unsubscribe, exactly-once reminders
// and bounce feedback (the digest's timing: mail-digests.test.ts). The mail port records instead of calling SES.
import { applyMailFeedback, mailForEvent } from '@casetasks/app/mail';
import { getNotificationPreferences } from '@casetasks/db';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, type Caller, json, startApi } from './api-client.js';
import { recordMails } from './mail-fixtures.js';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('mail-notifications');
});
afterAll(() => api.stop());
const sent = recordMails();

const n = () => ulid().slice(-8).toLowerCase();
const caller = (org: string, user = 'u-1', role: Caller['role'] = 'manager'): Caller => ({
  party: 'partner',
  org,
  user,
  role,
  email: `${user}@partner.example`,
});
const choices = { approaching: true, overdue: true, escalated: true, digest: false, digestHour: 7 };

/** Saves preferences and confirms the address with the mailed code. */
const subscribe = async (as: Caller, extra: Record<string, unknown> = {}) => {
  const put = await api.call('PUT', '/me/notifications', { as, body: { ...choices, ...extra, expectedVersion: 0 } });
  expect(put.status).toBe(200);
  const code = String(sent.find((mail) => mail.to === as.email && mail.kind === 'confirm')?.data.code);
  const confirmed = await api.call('POST', '/me/notifications/confirm', { as, body: { code } });
  expect(json(confirmed).emailStatus).toBe('confirmed');
};

const overdueEvent = async (org: string) => ({
  'detail-type': 'Task Overdue',
  source: 'casetasks',
  detail: {
    task: await api.plant({ type: 'generic', accessLevel: 'partner', orgId: org, assigneeId: null }),
    remindedAt: '2026-12-01T10:00:00.000Z',
  },
});

describe('/me/notifications', () => {
  it('shows the defaults, refuses a token without email, then confirms the address with the mailed code', async () => {
    // Prepare
    const as = caller(`p-${n()}`);
    // Act
    const initial = await api.call('GET', '/me/notifications', { as });
    const noEmail = await api.call('PUT', '/me/notifications', {
      as: { ...as, email: undefined },
      body: { ...choices, expectedVersion: 0 },
    });
    const put = await api.call('PUT', '/me/notifications', { as, body: { ...choices, expectedVersion: 0 } });
    const wrong = await api.call('POST', '/me/notifications/confirm', { as, body: { code: 'nope' } });
    const code = String(sent[0]?.data.code);
    const right = await api.call('POST', '/me/notifications/confirm', { as, body: { code } });
    const again = await api.call('POST', '/me/notifications/confirm', { as, body: { code } });
    // Assess
    expect(json(initial)).toMatchObject({ emailStatus: 'none', digest: false, approaching: true, version: 0 });
    expect(noEmail.status).toBe(400);
    expect(JSON.stringify(noEmail.body)).toContain('email');
    expect(json(put)).toMatchObject({ emailStatus: 'unconfirmed', email: as.email, version: 1 });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: 'confirm', to: as.email });
    expect(code.length).toBeGreaterThanOrEqual(22);
    expect(wrong.status).toBe(400);
    expect(json(right)).toMatchObject({ emailStatus: 'confirmed', version: 2 });
    expect(again.status).toBe(400);
  });

  it('unsubscribes with one public POST; an unknown token is a 404 that writes nothing', async () => {
    // Prepare
    const as = caller(`p-${n()}`);
    await subscribe(as);
    const token = String(sent[0]?.unsubscribeUrl.split('/').at(-1));
    const before = await api.snapshot();
    // Act
    const unknown = await api.call('POST', `/notifications/unsubscribe/${'x'.repeat(32)}`);
    const after = await api.snapshot();
    const page = await api.call('GET', `/notifications/unsubscribe/${token}`);
    // What a mail client sends for RFC 8058 one-click: a form body, no credentials.
    const done = await api.call('POST', `/notifications/unsubscribe/${token}`, {
      rawBody: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const read = await api.call('GET', '/me/notifications', { as });
    // Assess
    expect(unknown.status).toBe(404);
    expect(after).toBe(before);
    expect(page.status).toBe(200);
    expect(done.status).toBe(200);
    expect(json(read)).toMatchObject({ approaching: false, overdue: false, escalated: false, digest: false });
  });
});

describe('reminder mail', () => {
  it('sends one mail per user and point, even with overlapping invocations and a repeated event', async () => {
    // Prepare
    const org = `p-${n()}`;
    await subscribe(caller(org, 'u-1'));
    await subscribe(caller(org, 'u-2'));
    await subscribe(caller(org, 'u-3'), { overdue: false });
    sent.length = 0;
    // Act
    const event = await overdueEvent(org);
    await Promise.all([mailForEvent(event), mailForEvent(event)]);
    await mailForEvent(event);
    // Assess: u-3 turned overdue off
    expect(sent.map((mail) => mail.to).sort()).toEqual(['u-1@partner.example', 'u-2@partner.example']);
    expect(sent.every((mail) => mail.kind === 'overdue')).toBe(true);
  });

  it('mails nobody whose address is unconfirmed or suppressed by a permanent bounce', async () => {
    // Prepare
    const org = `p-${n()}`;
    const bounced = caller(org, 'u-1');
    await subscribe(bounced);
    await api.call('PUT', '/me/notifications', { as: caller(org, 'u-2'), body: { ...choices, expectedVersion: 0 } });
    const bounce = (bounceType: string) => ({
      'detail-type': 'Email Bounced',
      source: 'aws.ses',
      detail: {
        eventType: 'Bounce',
        bounce: { bounceType, bounceSubType: 'General' },
        mail: { tags: { party: ['partner'], org: [org], user: ['u-1'] } },
      },
    });
    // Act
    const transient = await applyMailFeedback(bounce('Transient'));
    const permanent = await applyMailFeedback(bounce('Permanent'));
    sent.length = 0;
    await mailForEvent(await overdueEvent(org));
    // Assess
    expect(transient.suppressed).toBe(false);
    expect(permanent.suppressed).toBe(true);
    const stored = await getNotificationPreferences(api.db, { party: 'partner', orgId: org, userId: 'u-1' });
    expect(stored?.emailStatus).toBe('suppressed');
    expect(sent).toEqual([]);
  });
});
