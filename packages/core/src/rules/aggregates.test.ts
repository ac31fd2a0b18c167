import { describe, expect, it } from 'vitest';
import { utcCalendar } from '../calendar.js';
import { aggregatePatch, aggregateView, MAX_LISTED_CASE_IDS } from './aggregates.js';
import { catalogueTask } from './creation.js';

describe('aggregateView', () => {
  it('shows the live count in the title and lists each case once', () => {
    expect(aggregateView('assign_bank_account', ['c-2', 'c-1', 'c-2'])).toEqual({
      title: 'Assign bank account to 2 cases',
      caseIds: ['c-1', 'c-2'],
      details: { coveredCount: 2 },
    });
  });

  it('lists at most MAX_LISTED_CASE_IDS cases (the first by id) and counts them all', () => {
    const caseIds = Array.from({ length: 2_000 }, (_, i) => `case-${String(i).padStart(4, '0')}-${'x'.repeat(118)}`);
    const view = aggregateView('assign_bank_account', caseIds.reverse());
    expect(view.caseIds).toHaveLength(MAX_LISTED_CASE_IDS);
    expect(view.caseIds[0]).toMatch(/^case-0000-/);
    expect(view.details.coveredCount).toBe(2_000);
    expect(view.title).toBe('Assign bank account to 2000 cases');
    // The task item and a history entry with the list before and after stay far below 400 KB.
    expect(Buffer.byteLength(JSON.stringify(view.caseIds)) * 2).toBeLessThan(150_000);
  });

  it('aggregatePatch: nothing when the task already shows the view', () => {
    const view = aggregateView('sign_contract', ['c-1']);
    const task = catalogueTask(utcCalendar, {
      id: 't',
      type: 'sign_contract',
      orgId: 'cr-1',
      scopeKey: 'creditor#cr-1',
      at: '2026-11-20T10:00:00Z',
      ...view,
    });
    expect(aggregatePatch(task, view)).toBeUndefined();
    expect(aggregatePatch(task, aggregateView('sign_contract', ['c-1', 'c-2']))).toMatchObject({
      title: 'Sign contract for 2 cases',
    });
  });
});
