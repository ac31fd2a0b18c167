// Issue 15 on the event edge: every event is held to the documented input domain (docs/events.md "Input domain").

import { type ProcessOptions, processPlatformEvent } from '@casetasks/app/events';
import { weekendCalendar } from '@casetasks/core';
import { conversationTail, eventsWaitingFor, getQuoteRound, parkUntil, waitFor } from '@casetasks/db';
import { InvalidEventError, MAX_CHAT_TEXT_LENGTH, MAX_EVENT_DETAIL_BYTES, MAX_QUOTE_PARTNERS } from '@casetasks/events';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, json, startApi } from './api-client.js';
import { platformEvent, type RawEvent } from './events-helpers.js';

const calendar = weekendCalendar('UTC');
/** The service clock of these tests: events are checked against it, not against the machine's. */
const NOW = new Date('2026-11-23T10:00:00.000Z');

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('events-domain');
});
afterAll(async () => api.stop());

const options = (): ProcessOptions => ({ db: api.db, calendar, now: NOW });
const send = (event: unknown) => processPlatformEvent(event, options());
/** The error an event is refused with (undefined when it was accepted). */
const refusal = (event: unknown) =>
  send(event).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
const at = (msFromNow: number) => new Date(NOW.getTime() + msFromNow).toISOString();
const MINUTE = 60_000;

const submitted = (caseId: string, partnerOrgId: string, time: string): RawEvent =>
  platformEvent(
    'Case Submitted',
    {
      caseId,
      creditorOrgId: `cr-${caseId}`,
      partnerOrgId,
      hasBankAccount: true,
      contractSigned: true,
      requiresQuote: false,
    },
    time,
  );

const expectRefused = (error: unknown, field: string) => {
  expect(error).toBeInstanceOf(InvalidEventError);
  expect(error).toMatchObject({ field, statusCode: 400, retryable: false });
};

describe('event time: [2000-01-01, service clock + 5 minutes] (class 1)', () => {
  it.each([
    ['year 9999', '9999-12-30T10:00:00.000Z'],
    ['year 2100', '2100-01-01T00:00:00.000Z'],
    ['ten minutes ahead of the service clock', at(10 * MINUTE)],
    ['before 2000', '1999-12-31T23:59:59.999Z'],
  ])('%s is refused naming `time`; nothing is written', async (_name, time) => {
    // Prepare
    const before = await api.snapshot();
    // Act
    const error = await refusal(submitted(`c-${ulid()}`, 'p-time', time));
    // Assess
    expectRefused(error, 'time');
    expect(await api.snapshot()).toBe(before);
  });

  it('clock skew up to 5 minutes and an archived event replayed years later are accepted', async () => {
    // Prepare
    const skewed = submitted(`c-${ulid()}`, 'p-skew', at(5 * MINUTE));
    const archived = submitted(`c-${ulid()}`, 'p-skew', '2019-03-04T09:00:00.000Z');
    // Act
    const outcomes = [await send(skewed), await send(archived)];
    // Assess
    for (const outcome of outcomes) expect(outcome.effects.map((effect) => effect.action)).toContain('created');
  });

  it('after a year-9999 event was refused, the hourly reminder job and the partner list keep answering', async () => {
    // Prepare
    const partner = { party: 'partner', org: `p-${ulid()}`, user: 'u-1', role: 'manager' } as const;
    const poison = submitted(`c-${ulid()}`, partner.org, '9999-12-30T10:00:00.000Z');
    // Act: through the local bus, which uses the real clock.
    const posted = await api.call('POST', '/local/events', { body: poison });
    const job = await api.call('POST', '/local/jobs/deadline-reminders', { body: {} });
    const list = await api.call('GET', '/tasks', { as: partner });
    // Assess
    expect(job.status, JSON.stringify(job.body)).toBe(200);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(json(list).items).toEqual([]);
    expect(posted.status).toBe(400);
    expect(JSON.stringify(posted.body)).toContain('"time"');
  });

  it.each([
    ['year 9999', '9999-12-31'],
    ['a date-time beyond ten years', '2099-01-01T00:00:00Z'],
    ['before 2000', '1999-12-31'],
  ])('a Case Status Updated promisedDate in %s is refused naming the field', async (_name, promisedDate) => {
    // Prepare
    const before = await api.snapshot();
    // Act
    const error = await refusal(
      platformEvent('Case Status Updated', { caseId: `c-${ulid()}`, statusType: 'payment_plan', promisedDate }, at(0)),
    );
    // Assess
    expectRefused(error, 'detail.promisedDate');
    expect(await api.snapshot()).toBe(before);
  });
});

describe('sizes: lists, text and detail stay within one item and one transaction (class 4)', () => {
  it('a quote request to more partners than the bound is refused naming the list, not failed by DynamoDB', async () => {
    // Prepare
    const before = await api.snapshot();
    const partnerOrgIds = Array.from({ length: 120 }, (_, i) => `p-many-${i}`);
    // Act
    const error = await refusal(
      platformEvent('Quote Requested', { caseId: `q-${ulid()}`, creditorOrgId: 'cr-q', partnerOrgIds }, at(0)),
    );
    // Assess
    expectRefused(error, 'detail.partnerOrgIds');
    expect(await api.snapshot()).toBe(before);
  });

  it('a quote request at the bound invites every partner and opens each provide_quote', async () => {
    // Prepare
    const caseId = `q-${ulid()}`;
    const partnerOrgIds = Array.from({ length: MAX_QUOTE_PARTNERS }, (_, i) => `p-bound-${i}`);
    // Act
    const outcome = await send(
      platformEvent('Quote Requested', { caseId, creditorOrgId: 'cr-q', partnerOrgIds }, at(0)),
    );
    // Assess
    expect(outcome.effects.filter((effect) => effect.action === 'created')).toHaveLength(MAX_QUOTE_PARTNERS);
    expect((await getQuoteRound(api.db, caseId))?.invited).toHaveLength(MAX_QUOTE_PARTNERS);
  });

  it('a chat text longer than kept is stored as its first characters; the task opens as usual', async () => {
    // Prepare
    const caseId = `c-${ulid()}`;
    await send(submitted(caseId, 'p-chat', at(-MINUTE)));
    // 150 KB of text, a surrogate pair straddling the cut: the stored text never ends in half a character.
    const text = `${'x'.repeat(MAX_CHAT_TEXT_LENGTH - 1)}😀${'y'.repeat(150 * 1024)}`;
    // Act
    const outcome = await send(
      platformEvent(
        'Chat Message Sent',
        { caseId, messageId: 'm-long', senderParty: 'creditor', senderUserId: 'u-1', text },
        at(0),
      ),
    );
    // Assess
    expect(outcome.effects.map((effect) => effect.action)).toContain('created');
    const [stored] = await conversationTail(api.db, caseId);
    expect(stored?.text).toBe('x'.repeat(MAX_CHAT_TEXT_LENGTH - 1));
  });

  it.each([
    ['1 MB of chat text', { text: 'x'.repeat(1024 * 1024) }],
    ['300 KB of 3-byte characters', { text: '€'.repeat(100 * 1024) }],
    ['a 300 KB unknown field', { attachment: 'x'.repeat(300 * 1024), text: 'hi' }],
  ])('a detail over %s is refused naming `detail`, never an SDK size error', async (_name, patch) => {
    // Prepare
    const caseId = `c-${ulid()}`;
    await send(submitted(caseId, 'p-big', at(-MINUTE)));
    const before = await api.snapshot();
    const detail = { caseId, messageId: 'm-big', senderParty: 'creditor', senderUserId: 'u-1', ...patch };
    expect(new TextEncoder().encode(JSON.stringify(detail)).length).toBeGreaterThan(MAX_EVENT_DETAIL_BYTES);
    // Act
    const error = await refusal(platformEvent('Chat Message Sent', detail, at(0)));
    // Assess
    expectRefused(error, 'detail');
    expect(await api.snapshot()).toBe(before);
  });
});

describe('unknown fields are dropped before anything is stored, parked events included (class 4)', () => {
  it('a parked event keeps only its parsed fields: no constructor, __proto__ or large extras; it applies later', async () => {
    // Prepare: JSON.parse makes `__proto__` an own key, as a Lambda payload would.
    const caseId = `c-${ulid()}`;
    const hostile = JSON.parse(
      JSON.stringify({
        ...platformEvent('Case Verified', { caseId }, at(0)),
        account: '123456789012',
        smuggledEnvelope: 'x'.repeat(100 * 1024),
      }).replace(
        `"detail":{"caseId":"${caseId}"}`,
        `"detail":{"caseId":"${caseId}","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"note":"smuggled-value"}`,
      ),
    ) as RawEvent;
    expect(Object.keys(hostile.detail)).toContain('__proto__');
    // Act
    const parked = await send(hostile);
    const stored = await eventsWaitingFor(api.db, waitFor.caseKnown(caseId));
    const applied = await send(submitted(caseId, 'p-park', at(MINUTE)));
    // Assess
    expect(parked.effects.map((effect) => effect.note)).toContain(`waiting for case#${caseId}`);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.event).toEqual({
      id: hostile.id,
      source: 'platform',
      'detail-type': 'Case Verified',
      time: hostile.time,
      detail: { caseId },
    });
    const snapshotAfterPark = JSON.stringify(stored);
    for (const smuggled of ['polluted', 'smuggled-value', 'account', 'smuggledEnvelope', 'constructor'])
      expect(snapshotAfterPark).not.toContain(smuggled);
    expect(applied.effects.map((effect) => effect.note)).toContain(
      `applied ${hostile.id}, which waited for case#${caseId}`,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('events parked before a bound existed (class 1)', () => {
  it('a parked year-9999 event is dropped when its case arrives, and the case applies', async () => {
    // Prepare: parked as the service stored it before `time` had a ceiling.
    const caseId = `c-${ulid()}`;
    const eventId = ulid();
    const stale = { ...platformEvent('Case Verified', { caseId }, '9999-12-30T10:00:00.000Z'), id: eventId };
    await parkUntil(api.db, waitFor.caseKnown(caseId), { eventId, time: stale.time, event: { ...stale } });
    // Act
    const outcome = await send(submitted(caseId, 'p-stale', at(0)));
    // Assess
    expect(outcome.effects.map((effect) => effect.note)).toContain(`dropped ${eventId}: no longer a valid event`);
    expect(outcome.effects.map((effect) => effect.action)).toContain('created');
    expect(await eventsWaitingFor(api.db, waitFor.caseKnown(caseId))).toEqual([]);
  });
});
