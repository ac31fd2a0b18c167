import { describe, expect, it } from 'vitest';
import { MAX_CHAT_TEXT_LENGTH, MAX_EVENT_DETAIL_BYTES } from './incoming.js';
import { InvalidEventError } from './invalid-event-error.js';
import { parsePlatformEvent } from './parse.js';

const submitted = {
  id: 'evt-1',
  source: 'platform',
  'detail-type': 'Case Submitted',
  time: '2026-11-20T10:00:00Z',
  detail: {
    caseId: 'c-1',
    creditorOrgId: 'cr-1',
    partnerOrgId: 'p-1',
    hasBankAccount: false,
    contractSigned: true,
    requiresQuote: false,
  },
};

const failureOf = (raw: unknown, now?: Date): InvalidEventError => {
  try {
    parsePlatformEvent(raw, now);
  } catch (error) {
    if (error instanceof InvalidEventError) return error;
    throw error;
  }
  throw new Error('expected the event to be rejected');
};

describe('parsePlatformEvent', () => {
  it('accepts a valid event and keeps its detail typed', () => {
    const event = parsePlatformEvent(submitted);
    expect(event['detail-type']).toBe('Case Submitted');
    expect(event.detail).toMatchObject({ caseId: 'c-1', hasBankAccount: false });
  });

  it('names the missing detail field', () => {
    const error = failureOf({ ...submitted, detail: { ...submitted.detail, caseId: undefined } });
    expect(error.field).toBe('detail.caseId');
    expect(error.statusCode).toBe(400);
    expect(error.eventId).toBe('evt-1');
  });

  it('names an unknown detail-type', () => {
    expect(failureOf({ ...submitted, 'detail-type': 'Case Exploded' }).field).toBe('detail-type');
  });

  it('names a time that is not ISO', () => {
    expect(failureOf({ ...submitted, time: 'yesterday' }).field).toBe('time');
  });

  it('requires the unblocking party of a pause', () => {
    const error = failureOf({
      ...submitted,
      'detail-type': 'Case Survey Submitted',
      detail: { caseId: 'c-1', surveyId: 's-1', outcome: 'pause' },
    });
    expect(error.field).toBe('detail.unblockingParty');
  });

  it('holds `time` to the service clock plus 5 minutes, to the millisecond', () => {
    const now = new Date('2026-11-20T09:55:00Z');
    expect(parsePlatformEvent(submitted, now).time).toBe(new Date(submitted.time).toISOString());
    const late = failureOf(submitted, new Date(now.getTime() - 1));
    expect(late.field).toBe('time');
    expect(late.reason).toContain('5 minutes');
  });

  it('normalises `time` to the 24-character UTC form, so stored instants compare as strings', () => {
    const at = (time: string) => parsePlatformEvent({ ...submitted, time }, new Date('2026-11-21T00:00:00Z')).time;
    expect(at('2026-11-20T10:00:00Z')).toBe('2026-11-20T10:00:00.000Z');
    expect(at('2026-11-20T12:00:00.5+02:00')).toBe('2026-11-20T10:00:00.500Z');
  });

  it('names a time before 2000', () => {
    expect(failureOf({ ...submitted, time: '1999-12-31T23:59:59.999Z' }).field).toBe('time');
  });

  it('refuses a detail over the size bound before parsing it', () => {
    const detail = { ...submitted.detail, padding: 'x'.repeat(MAX_EVENT_DETAIL_BYTES) };
    expect(failureOf({ ...submitted, detail }).field).toBe('detail');
  });

  it('returns only the known fields: prototype keys and extras are dropped', () => {
    const raw = JSON.parse(
      JSON.stringify({ ...submitted, account: '1', detail: { ...submitted.detail, extra: 1 } }).replace(
        '"extra":1',
        '"__proto__":{"polluted":1},"constructor":{"polluted":1}',
      ),
    ) as unknown;
    const event = parsePlatformEvent(raw);
    expect(Object.keys(event).sort()).toEqual(['detail', 'detail-type', 'id', 'source', 'time']);
    expect(Object.keys(event.detail).sort()).toEqual(Object.keys(submitted.detail).sort());
    expect(Object.getPrototypeOf(event.detail)).toBe(Object.prototype);
  });

  it('keeps the first MAX_CHAT_TEXT_LENGTH characters of a chat text, well-formed', () => {
    const chat = (text: string) =>
      parsePlatformEvent({
        ...submitted,
        'detail-type': 'Chat Message Sent',
        detail: { caseId: 'c-1', messageId: 'm-1', senderParty: 'partner', senderUserId: 'u-1', text },
      });
    const cut = chat('a'.repeat(MAX_CHAT_TEXT_LENGTH + 10));
    expect(cut['detail-type'] === 'Chat Message Sent' && cut.detail.text).toBe('a'.repeat(MAX_CHAT_TEXT_LENGTH));
    const lone = chat('a\uD800b');
    expect(lone['detail-type'] === 'Chat Message Sent' && lone.detail.text).toBe('a\uFFFDb');
  });
});
