// E-mail with injected clocks over DynamoDB Local: the digest at the user's hour in the org's zone (DST-aware, once
// per local day, overlapping runs send once), escalation mail by role, and the confirmation code's 24 h expiry.
import {
  ConfirmationCodeError,
  confirmNotificationEmail,
  mailForEvent,
  replaceNotificationPreferences,
  runMailDigests,
} from '@casetasks/app/mail';
import type { Principal } from '@casetasks/core';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, startApi } from './api-client.js';
import { recordMails } from './mail-fixtures.js';
import { setOrgSettings } from './org-settings-fixtures.js';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('mail-digests');
});
afterAll(() => api.stop());
const sent = recordMails();

const choices = { approaching: true, overdue: true, escalated: true, digest: true, digestHour: 7 };
const person = (orgId: string, userId: string, role: Principal['role'] = 'manager'): Principal => ({
  party: 'partner',
  orgId,
  userId,
  role,
  email: `${userId}@${orgId}.example`,
});

/** A Copenhagen org: its users' digest hour is read in Europe/Copenhagen (CET in winter, CEST in summer). */
const copenhagenOrg = async () => {
  const orgId = `p-${ulid().slice(-8).toLowerCase()}`;
  await setOrgSettings(api.db, 'partner', orgId, {
    calendar: { timeZone: 'Europe/Copenhagen', country: null, closedDays: [] },
  });
  return orgId;
};

/** Saves the choices at `now`; confirms the address with the mailed code unless told not to. */
const subscribeAt = async (principal: Principal, now: Date, extra: Partial<typeof choices> = {}, confirm = true) => {
  await replaceNotificationPreferences(principal, { ...choices, ...extra, expectedVersion: 0 }, now);
  const code = String(sent.findLast((mail) => mail.to === principal.email && mail.kind === 'confirm')?.data.code);
  if (confirm) await confirmNotificationEmail(principal, code, now);
  return code;
};

/** The digests mailed to users of `orgId` (the walk also meets other tests' users). */
const digestsOf = (orgId: string) =>
  sent.filter((mail) => mail.kind === 'digest' && mail.tags.org === orgId).map((mail) => mail.tags.user);

const digestScenario = async (day: string) => {
  const orgId = await copenhagenOrg();
  const setUpAt = new Date(`${day}T01:00:00.000Z`);
  await subscribeAt(person(orgId, 'u-on'), setUpAt);
  await subscribeAt(person(orgId, 'u-off'), setUpAt, { digest: false });
  await subscribeAt(person(orgId, 'u-unconfirmed'), setUpAt, {}, false);
  for (const assigneeId of ['u-on', 'u-off', 'u-unconfirmed']) {
    await api.plant({ type: 'generic', accessLevel: 'partner', orgId, assigneeId, deadline: `${day}T12:00:00.000Z` });
  }
  sent.length = 0;
  return orgId;
};

describe('digest e-mail', () => {
  it('goes out at 07:00 Copenhagen in winter (06:00Z), once a day, once for overlapping runs', async () => {
    // Prepare
    const orgId = await digestScenario('2027-01-05');
    // Act
    await runMailDigests({ now: '2027-01-05T05:30:00.000Z' });
    const early = digestsOf(orgId);
    await Promise.all([
      runMailDigests({ now: '2027-01-05T06:00:00.000Z' }),
      runMailDigests({ now: '2027-01-05T06:00:00.000Z' }),
    ]);
    const onTime = digestsOf(orgId);
    await runMailDigests({ now: '2027-01-05T07:00:00.000Z' });
    await runMailDigests({ now: '2027-01-05T22:00:00.000Z' });
    const laterSameDay = digestsOf(orgId);
    await runMailDigests({ now: '2027-01-06T06:00:00.000Z' });
    // Assess: digest off and unconfirmed users get none
    expect(early).toEqual([]);
    expect(onTime).toEqual(['u-on']);
    expect(laterSameDay).toEqual(['u-on']);
    expect(digestsOf(orgId)).toEqual(['u-on', 'u-on']);
    expect(sent.find((mail) => mail.tags.org === orgId)?.data).toMatchObject({ day: '2027-01-05', overdue: 0 });
  });

  it('follows summer time: 07:00 Copenhagen is 05:00Z in July', async () => {
    // Prepare
    const orgId = await digestScenario('2027-07-05');
    // Act
    await runMailDigests({ now: '2027-07-05T04:30:00.000Z' });
    const early = digestsOf(orgId);
    await runMailDigests({ now: '2027-07-05T05:00:00.000Z' });
    // Assess
    expect(early).toEqual([]);
    expect(digestsOf(orgId)).toEqual(['u-on']);
  });
});

describe('escalation e-mail', () => {
  it('goes to the owners and managers the event names, not to contributors or other orgs', async () => {
    // Prepare
    const orgId = await copenhagenOrg();
    const otherOrg = await copenhagenOrg();
    const now = new Date('2027-02-01T09:00:00.000Z');
    await subscribeAt(person(orgId, 'u-owner', 'owner'), now);
    await subscribeAt(person(orgId, 'u-manager', 'manager'), now);
    await subscribeAt(person(orgId, 'u-contributor', 'contributor'), now);
    await subscribeAt(person(otherOrg, 'u-elsewhere', 'owner'), now);
    const task = await api.plant({ type: 'generic', accessLevel: 'partner', orgId, assigneeId: 'u-contributor' });
    sent.length = 0;
    // Act
    await mailForEvent({
      'detail-type': 'Task Escalated',
      source: 'casetasks',
      detail: {
        task,
        escalatedAt: now.toISOString(),
        businessDaysOverdue: 5,
        notify: { party: 'partner', orgId, roles: ['owner', 'manager'] },
      },
    });
    // Assess
    expect(sent.map((mail) => mail.tags.user).sort()).toEqual(['u-manager', 'u-owner']);
    expect(sent.every((mail) => mail.kind === 'escalated' && mail.data.businessDaysOverdue === 5)).toBe(true);
  });
});

describe('confirmation code', () => {
  it('works for 24 hours; after that it is a 410 and the address stays unconfirmed', async () => {
    // Prepare
    const orgId = await copenhagenOrg();
    const late = person(orgId, 'u-late');
    const inTime = person(orgId, 'u-in-time');
    const savedAt = new Date('2027-03-01T10:00:00.000Z');
    const lateCode = await subscribeAt(late, savedAt, {}, false);
    const inTimeCode = await subscribeAt(inTime, savedAt, {}, false);
    // Act
    const expired = await confirmNotificationEmail(late, lateCode, new Date('2027-03-02T10:00:00.000Z')).catch(
      (error: unknown) => error,
    );
    const confirmed = await confirmNotificationEmail(inTime, inTimeCode, new Date('2027-03-02T09:59:59.000Z'));
    // Assess
    expect(expired).toBeInstanceOf(ConfirmationCodeError);
    expect((expired as ConfirmationCodeError).statusCode).toBe(410);
    expect(confirmed.emailStatus).toBe('confirmed');
  });
});
