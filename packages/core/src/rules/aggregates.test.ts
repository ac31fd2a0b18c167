import { describe, expect, it } from 'vitest';
import { utcCalendar } from '../calendar.js';
import { aggregatePatch, aggregateView } from './aggregates.js';
import { catalogueTask } from './creation.js';

describe('aggregateView', () => {
  it('shows the live count in the title and lists each case once', () => {
    expect(aggregateView('assign_bank_account', ['c-2', 'c-1', 'c-2'])).toEqual({
      title: 'Assign bank account to 2 cases',
      caseIds: ['c-1', 'c-2'],
      details: { coveredCount: 2 },
    });
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
