import { describe, expect, it } from 'vitest';
import { utcCalendar } from '../calendar.js';
import { catalogueTask, decideCreation, lateTask } from './creation.js';

describe('catalogueTask', () => {
  it('deadline = event time + the catalogue business days; originalDeadline equal', () => {
    const task = catalogueTask(utcCalendar, {
      id: 't-1',
      type: 'review_new_case',
      orgId: 'p-1',
      scopeKey: 'case#c-1',
      caseId: 'c-1',
      at: '2026-11-20T10:00:00.000Z',
    });
    expect(task).toMatchObject({
      accessLevel: 'partner',
      createdAt: '2026-11-20T10:00:00.000Z',
      deadline: '2026-11-24T10:00:00.000Z',
      originalDeadline: '2026-11-24T10:00:00.000Z',
      status: 'open',
    });
  });

  it('needs the party where the catalogue says either', () => {
    expect(() =>
      catalogueTask(utcCalendar, {
        id: 't',
        type: 'new_message',
        orgId: 'o',
        scopeKey: 's',
        at: '2026-11-20T10:00:00Z',
      }),
    ).toThrow(/party/);
  });
});

describe('decideCreation', () => {
  const base = { type: 'review_new_case' as const, createdAt: '2026-11-20T10:00:00Z', recordLate: true };

  it('opens when no closure is at or after the creating event', () => {
    expect(decideCreation({ ...base, closedThrough: [undefined, '2026-11-19T00:00:00Z'] })).toEqual({ kind: 'open' });
  });

  it('a closure at or after the event: recorded late, completed at the earliest such closure', () => {
    expect(decideCreation({ ...base, closedThrough: ['2026-11-25T00:00:00Z', '2026-11-20T10:00:00Z'] })).toEqual({
      kind: 'late',
      resolution: 'auto',
      at: '2026-11-20T10:00:00Z',
    });
  });

  it('coalescing scopes record nothing late', () => {
    expect(decideCreation({ ...base, recordLate: false, closedThrough: ['2026-11-25T00:00:00Z'] }).kind).toBe('skip');
  });

  it('a case closed after the event cancels, unless the type survives a case closing', () => {
    const closed = { ...base, closedThrough: [], caseClosedAt: '2026-11-22T00:00:00Z' };
    expect(decideCreation(closed)).toEqual({ kind: 'late', resolution: 'cancelled', at: '2026-11-22T00:00:00Z' });
    expect(decideCreation({ ...closed, type: 'review_partner' })).toEqual({ kind: 'open' });
    expect(decideCreation({ ...closed, caseClosedAt: '2026-11-19T00:00:00Z' })).toEqual({ kind: 'open' });
  });
});

describe('lateTask', () => {
  it('is born completed with both history entries', () => {
    const open = catalogueTask(utcCalendar, {
      id: 't-2',
      type: 'review_new_case',
      orgId: 'p-1',
      scopeKey: 'case#c-1',
      at: '2026-11-20T10:00:00.000Z',
    });
    const late = lateTask(open, 'auto', '2026-11-21T10:00:00.000Z', 'evt-1');
    expect(late.task).toMatchObject({
      status: 'completed',
      resolution: 'auto',
      completedAt: '2026-11-21T10:00:00.000Z',
    });
    expect(late.entries.map((entry) => [entry.action, entry.version, entry.eventId])).toEqual([
      ['created', 1, 'evt-1'],
      ['auto_closed', 2, 'evt-1'],
    ]);
  });
});
