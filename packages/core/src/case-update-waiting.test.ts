import { describe, expect, it } from 'vitest';
import { caseUpdateLine } from './case-update-sla.js';

const now = new Date('2026-11-20T12:00:00.000Z');
const line = (statusType: string, at: string, expectedDate?: string) =>
  caseUpdateLine(
    {
      caseId: 'c-1',
      activeSince: '2026-09-01T00:00:00.000Z',
      lastStatusUpdate: { statusType, at, ...(expectedDate ? { expectedDate } : {}) },
    },
    now,
  );

describe('waiting on the client or a third party (issue 19)', () => {
  it('the next update is due at the end of the day after the expected date; the line shows the pause', () => {
    // 2026-11-25 expected: due 2026-11-27 00:00 (end of the 26th), pause until the end of the 25th.
    expect(line('waiting_on_third_party', '2026-11-18T12:00:00.000Z', '2026-11-25')).toMatchObject({
      statusLabel: 'Waiting on third party',
      expectedDate: '2026-11-25',
      nextUpdateDue: '2026-11-27T00:00:00.000Z',
      daysRemaining: 7,
      alert: 'green',
      clockPaused: { reason: 'waiting_on_third_party', until: '2026-11-26T00:00:00.000Z' },
    });
  });

  it('without an expected date: the default 14 days, and the pause stands 14 days at most', () => {
    expect(line('waiting_on_client', '2026-11-18T12:00:00.000Z')).toMatchObject({
      nextUpdateDue: '2026-12-02T12:00:00.000Z',
      clockPaused: { reason: 'waiting_on_client', until: '2026-12-02T12:00:00.000Z' },
    });
  });

  it('a dispute waits on the client; once the pause is over the line no longer shows it', () => {
    expect(line('dispute_raised', '2026-11-10T12:00:00.000Z').clockPaused).toEqual({
      reason: 'waiting_on_client',
      until: '2026-11-24T12:00:00.000Z',
    });
    expect(line('dispute_raised', '2026-11-01T12:00:00.000Z').clockPaused).toBeUndefined();
  });
});

describe('the monthly survey counts as an update', () => {
  it('due 14 days after the survey', () => {
    expect(line('monthly_survey', '2026-11-19T12:00:00.000Z')).toMatchObject({
      statusLabel: 'Monthly survey',
      nextUpdateDue: '2026-12-03T12:00:00.000Z',
      daysRemaining: 13,
      alert: 'green',
    });
  });
});
