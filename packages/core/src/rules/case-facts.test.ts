import { describe, expect, it } from 'vitest';
import { applyCaseFact, caseClosedAt } from './case-facts.js';

describe('applyCaseFact', () => {
  it('the newest status wins, whatever order the events come in', () => {
    const newer = applyCaseFact(undefined, 'c-1', { kind: 'status', at: '2026-11-22T10:00:00Z', status: 'closed' });
    const older = applyCaseFact(newer, 'c-1', { kind: 'status', at: '2026-11-21T10:00:00Z', status: 'active' });
    expect(older).toMatchObject({ status: 'closed', statusAt: '2026-11-22T10:00:00Z' });
    expect(caseClosedAt(older)).toBe('2026-11-22T10:00:00Z');
  });

  it('keeps every status in its log, oldest first, once each (the SLA clock reads it)', () => {
    const newer = applyCaseFact(undefined, 'c-1', { kind: 'status', at: '2026-11-22T10:00:00Z', status: 'active' });
    const older = applyCaseFact(newer, 'c-1', { kind: 'status', at: '2026-11-21T10:00:00Z', status: 'paused' });
    expect(older.statusLog).toEqual([
      { at: '2026-11-21T10:00:00Z', status: 'paused' },
      { at: '2026-11-22T10:00:00Z', status: 'active' },
    ]);
    expect(applyCaseFact(older, 'c-1', { kind: 'status', at: '2026-11-21T10:00:00Z', status: 'paused' })).toBe(older);
  });

  it('keeps every status update in its log, with the expected date of a waiting one', () => {
    const waiting = applyCaseFact(undefined, 'c-1', {
      kind: 'status-update',
      at: '2026-11-22T10:00:00Z',
      statusType: 'waiting_on_client',
      expectedDate: '2026-11-25',
    });
    const older = applyCaseFact(waiting, 'c-1', { kind: 'status-update', at: '2026-11-20T10:00:00Z', statusType: 'a' });
    expect(older.lastStatusUpdate).toEqual({
      statusType: 'waiting_on_client',
      at: '2026-11-22T10:00:00Z',
      expectedDate: '2026-11-25',
    });
    expect(older.statusUpdateLog).toEqual([
      { at: '2026-11-20T10:00:00Z', statusType: 'a' },
      { at: '2026-11-22T10:00:00Z', statusType: 'waiting_on_client', expectedDate: '2026-11-25' },
    ]);
  });

  it('activation schedules the first monthly survey one calendar month later, once', () => {
    const active = applyCaseFact(undefined, 'c-1', {
      kind: 'status',
      at: '2026-01-31T10:00:00.000Z',
      status: 'active',
    });
    expect(active.nextSurveyAt).toBe('2026-02-28T10:00:00.000Z');
    const again = applyCaseFact({ ...active, status: 'paused' }, 'c-1', {
      kind: 'status',
      at: '2026-03-10T10:00:00.000Z',
      status: 'active',
    });
    expect(again.nextSurveyAt).toBe('2026-02-28T10:00:00.000Z');
  });

  it('facts that arrived before the submission survive it', () => {
    const assigned = applyCaseFact(undefined, 'c-1', { kind: 'bank-account' });
    const submitted = applyCaseFact(assigned, 'c-1', {
      kind: 'submitted',
      at: '2026-11-20T10:00:00Z',
      creditorOrgId: 'cr-1',
      partnerOrgId: 'p-1',
      hasBankAccount: false,
      contractSigned: false,
    });
    expect(submitted).toMatchObject({
      hasBankAccount: true,
      contractSigned: false,
      creditorOrgId: 'cr-1',
      status: 'submitted',
    });
  });

  it('keeps the newest status update', () => {
    const first = applyCaseFact(undefined, 'c-1', {
      kind: 'status-update',
      at: '2026-11-22T10:00:00Z',
      statusType: 'a',
    });
    const stale = applyCaseFact(first, 'c-1', { kind: 'status-update', at: '2026-11-21T10:00:00Z', statusType: 'b' });
    expect(stale.lastStatusUpdate?.statusType).toBe('a');
  });
});
