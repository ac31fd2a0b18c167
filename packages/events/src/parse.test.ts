import { describe, expect, it } from 'vitest';
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

const failureOf = (raw: unknown): InvalidEventError => {
  try {
    parsePlatformEvent(raw);
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
});
