import { describe, expect, it } from 'vitest';
import { type QuoteRound, quoteTaskEnd, selectionDueAt } from './quotes.js';

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

describe('quoteTaskEnd', () => {
  const won = (winnerAt: string, quotedAt: (string | undefined)[] = ['2026-11-22T10:00:00Z']) =>
    round(quotedAt, winnerAt);
  const selection = { type: 'select_quote_winner', orgId: 'cr-1', createdAt: '2026-11-22T10:00:00Z' };
  const quote = { type: 'provide_quote', orgId: 'p-0', createdAt: '2026-11-20T10:00:00Z' };

  it('ends the selection auto at the winner picked before the case closed', () => {
    expect(quoteTaskEnd(won('2026-11-23T10:00:00Z'), selection, '2026-11-25T10:00:00Z')).toEqual({
      resolution: 'auto',
      at: '2026-11-23T10:00:00Z',
    });
  });

  it('cancels the selection at the closing when the winner was picked after it, or never', () => {
    const cancelled = { resolution: 'cancelled', at: '2026-11-24T10:00:00Z' };
    expect(quoteTaskEnd(won('2026-11-25T10:00:00Z'), selection, '2026-11-24T10:00:00Z')).toEqual(cancelled);
    expect(quoteTaskEnd(round(['2026-11-22T10:00:00Z']), selection, '2026-11-24T10:00:00Z')).toEqual(cancelled);
  });

  it("ends a partner's provide_quote at its own quote before the closing, even with a later winner", () => {
    expect(quoteTaskEnd(won('2026-11-25T10:00:00Z'), quote, '2026-11-24T10:00:00Z')).toEqual({
      resolution: 'auto',
      at: '2026-11-22T10:00:00Z',
    });
  });

  it('is open while nothing ended it, and ignores a closing before the task was created', () => {
    expect(quoteTaskEnd(round([undefined]), quote)).toBeUndefined();
    expect(quoteTaskEnd(won('2026-11-25T10:00:00Z'), selection, '2026-11-21T10:00:00Z')).toEqual({
      resolution: 'auto',
      at: '2026-11-25T10:00:00Z',
    });
  });
});
