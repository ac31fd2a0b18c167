import { describe, expect, it } from 'vitest';
import { type QuoteRound, selectionDueAt } from './quotes.js';

const round = (quotedAt: (string | undefined)[], winnerAt?: string): QuoteRound => ({
  caseId: 'c-1',
  creditorOrgId: 'cr-1',
  requestedAt: '2026-11-20T10:00:00Z',
  invited: quotedAt.map((at, i) => ({ partnerOrgId: `p-${i}`, ...(at ? { quotedAt: at } : {}) })),
  ...(winnerAt ? { winner: { partnerOrgId: 'p-0', at: winnerAt } } : {}),
});

describe('selectionDueAt', () => {
  it('is the latest quote once every invited partner quoted', () => {
    expect(selectionDueAt(round(['2026-11-22T10:00:00Z', '2026-11-21T10:00:00Z']))).toBe('2026-11-22T10:00:00Z');
  });

  it('is not due while a partner has not quoted', () => {
    expect(selectionDueAt(round(['2026-11-22T10:00:00Z', undefined]))).toBeUndefined();
  });

  it('is not owed when the winner was picked before the last quote', () => {
    expect(
      selectionDueAt(round(['2026-11-22T10:00:00Z', '2026-11-24T10:00:00Z'], '2026-11-23T10:00:00Z')),
    ).toBeUndefined();
    expect(selectionDueAt(round(['2026-11-22T10:00:00Z'], '2026-11-23T10:00:00Z'))).toBe('2026-11-22T10:00:00Z');
  });
});
