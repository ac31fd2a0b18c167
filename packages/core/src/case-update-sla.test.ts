import { describe, expect, it } from 'vitest';
import { type ActiveCase, activeCaseOf, caseUpdateDashboard, caseUpdateLine, statusTypes } from './case-update-sla.js';

const now = new Date('2026-11-20T12:00:00.000Z');
const updated = (caseId: string, statusType: string, at: string, promisedDate?: string): ActiveCase => ({
  caseId,
  activeSince: '2026-09-01T00:00:00.000Z',
  lastStatusUpdate: { statusType, at, ...(promisedDate ? { promisedDate } : {}) },
});

describe('status types of seed 002', () => {
  it('has the next-update rule of every status type', () => {
    expect(statusTypes).toMatchObject({
      contact_attempted: { nextUpdate: { kind: 'days', days: 7 } },
      contact_established: { nextUpdate: { kind: 'days', days: 14 } },
      payment_promised: { nextUpdate: { kind: 'afterPromisedDate' } },
      payment_plan_agreed: { nextUpdate: { kind: 'afterPromisedDate' } },
      dispute_raised: { nextUpdate: { kind: 'days', days: 14 } },
      investigating: { nextUpdate: { kind: 'days', days: 14 } },
      uncollectible: { nextUpdate: { kind: 'none' } },
    });
  });
});

describe('alert colours', () => {
  it('red when the next update is overdue (contact attempted 10 days ago: due after 7)', () => {
    const line = caseUpdateLine(updated('c-1', 'contact_attempted', '2026-11-10T12:00:00.000Z'), now);
    expect(line).toMatchObject({ nextUpdateDue: '2026-11-17T12:00:00.000Z', daysRemaining: -3, alert: 'red' });
  });

  it('red even when overdue by less than a day, reading -1 day', () => {
    const line = caseUpdateLine(updated('c-1', 'contact_attempted', '2026-11-13T11:00:00.000Z'), now);
    expect(line).toMatchObject({ daysRemaining: -1, alert: 'red' });
  });

  it('yellow when due within 3 days (investigating 12 days ago: due in 2)', () => {
    const line = caseUpdateLine(updated('c-1', 'investigating', '2026-11-08T12:00:00.000Z'), now);
    expect(line).toMatchObject({ nextUpdateDue: '2026-11-22T12:00:00.000Z', daysRemaining: 2, alert: 'yellow' });
  });

  it('yellow at exactly 3 days remaining, green just after', () => {
    const atThree = caseUpdateLine(updated('c-1', 'dispute_raised', '2026-11-09T12:00:00.000Z'), now);
    const afterThree = caseUpdateLine(updated('c-2', 'dispute_raised', '2026-11-09T12:00:00.001Z'), now);
    expect(atThree).toMatchObject({ daysRemaining: 3, alert: 'yellow' });
    expect(afterThree).toMatchObject({ daysRemaining: 4, alert: 'green' });
  });

  it('yellow, not red, at the due instant itself', () => {
    const line = caseUpdateLine(updated('c-1', 'contact_attempted', '2026-11-13T12:00:00.000Z'), now);
    expect(line).toMatchObject({ daysRemaining: 0, alert: 'yellow' });
  });

  it('green with more than 3 days left (contact established 10 days ago: due in 4)', () => {
    const line = caseUpdateLine(updated('c-1', 'contact_established', '2026-11-10T12:00:00.000Z'), now);
    expect(line).toMatchObject({ statusLabel: 'Contact established', daysRemaining: 4, alert: 'green' });
  });

  it('green and nothing due for an uncollectible case', () => {
    const line = caseUpdateLine(updated('c-1', 'uncollectible', '2026-01-01T00:00:00.000Z'), now);
    expect(line).toMatchObject({ nextUpdateDue: null, daysRemaining: null, alert: 'green' });
  });
});

describe('next update due', () => {
  it('payment promised: by the end of the day after the promised date', () => {
    const line = caseUpdateLine(updated('c-1', 'payment_promised', '2026-11-02T12:00:00.000Z', '2026-11-25'), now);
    expect(line).toMatchObject({ nextUpdateDue: '2026-11-27T00:00:00.000Z', daysRemaining: 7, alert: 'green' });
  });

  it('payment plan agreed: after the first payment due date given as promisedDate', () => {
    const line = caseUpdateLine(
      updated('c-1', 'payment_plan_agreed', '2026-11-02T12:00:00.000Z', '2026-11-21T15:00:00.000Z'),
      now,
    );
    expect(line).toMatchObject({ nextUpdateDue: '2026-11-23T00:00:00.000Z', daysRemaining: 3, alert: 'yellow' });
  });

  it('payment promised without a promised date: the default 14 days', () => {
    const line = caseUpdateLine(updated('c-1', 'payment_promised', '2026-11-01T12:00:00.000Z'), now);
    expect(line).toMatchObject({ nextUpdateDue: '2026-11-15T12:00:00.000Z', alert: 'red' });
  });

  it('an unknown status type keeps its name and gets the default 14 days', () => {
    const line = caseUpdateLine(updated('c-1', 'called_twice', '2026-11-10T12:00:00.000Z'), now);
    expect(line).toMatchObject({
      statusType: 'called_twice',
      statusLabel: null,
      nextUpdateDue: '2026-11-24T12:00:00.000Z',
    });
  });

  it('no update yet: 14 days from activation', () => {
    const late = caseUpdateLine({ caseId: 'c-1', activeSince: '2026-11-01T12:00:00.000Z' }, now);
    const fresh = caseUpdateLine({ caseId: 'c-2', activeSince: '2026-11-10T12:00:00.000Z' }, now);
    expect(late).toMatchObject({ statusType: null, lastUpdateAt: null, nextUpdateDue: '2026-11-15T12:00:00.000Z' });
    expect(late.alert).toBe('red');
    expect(fresh).toMatchObject({ nextUpdateDue: '2026-11-24T12:00:00.000Z', alert: 'green' });
  });

  it('reactivated after its last update: at least 14 days from reactivation', () => {
    const line = caseUpdateLine(
      {
        caseId: 'c-1',
        activeSince: '2026-11-15T12:00:00.000Z',
        lastStatusUpdate: { statusType: 'contact_attempted', at: '2026-10-01T00:00:00.000Z' },
      },
      now,
    );
    expect(line).toMatchObject({ nextUpdateDue: '2026-11-29T12:00:00.000Z', alert: 'green' });
  });

  it('no update and no known activation: overdue at once', () => {
    expect(caseUpdateLine({ caseId: 'c-1' }, now)).toMatchObject({ nextUpdateDue: null, alert: 'red' });
  });
});

describe('stored case state', () => {
  it('an active case is active since its statusAt and keeps its last status update', () => {
    const update = { statusType: 'investigating', at: '2026-11-10T12:00:00.000Z' };
    expect(
      activeCaseOf({
        caseId: 'c-1',
        status: 'active',
        statusAt: '2026-11-01T00:00:00.000Z',
        lastStatusUpdate: update,
        version: 2,
      }),
    ).toEqual({ caseId: 'c-1', activeSince: '2026-11-01T00:00:00.000Z', lastStatusUpdate: update });
    expect(activeCaseOf({ caseId: 'c-2', version: 0 })).toEqual({ caseId: 'c-2' });
  });
});

describe('org compliance figures', () => {
  it('compliance rate = cases not overdue / active cases; at risk = yellow; overdue = red', () => {
    // Prepare: one red, one yellow, two green.
    const cases = [
      updated('c-green', 'contact_established', '2026-11-10T12:00:00.000Z'),
      updated('c-red', 'contact_attempted', '2026-11-10T12:00:00.000Z'),
      updated('c-yellow', 'investigating', '2026-11-08T12:00:00.000Z'),
      updated('c-none', 'uncollectible', '2026-11-01T00:00:00.000Z'),
    ];
    // Act
    const dashboard = caseUpdateDashboard('p-1', cases, now);
    // Assess
    expect(dashboard).toMatchObject({
      orgId: 'p-1',
      asOf: now.toISOString(),
      activeCases: 4,
      complianceRate: 75,
      casesAtRisk: 1,
      overdueUpdates: 1,
    });
    expect(dashboard.cases.map((line) => line.caseId)).toEqual(['c-red', 'c-yellow', 'c-green', 'c-none']);
  });

  it('rounds the rate to two decimals (2 of 3 compliant)', () => {
    const cases = [
      updated('c-1', 'contact_attempted', '2026-11-01T00:00:00.000Z'),
      updated('c-2', 'investigating', '2026-11-19T00:00:00.000Z'),
      updated('c-3', 'investigating', '2026-11-19T00:00:00.000Z'),
    ];
    expect(caseUpdateDashboard('p-1', cases, now).complianceRate).toBe(66.67);
  });

  it('an org without active cases: no rate (null), zero counts', () => {
    expect(caseUpdateDashboard('p-1', [], now)).toEqual({
      orgId: 'p-1',
      asOf: now.toISOString(),
      activeCases: 0,
      complianceRate: null,
      casesAtRisk: 0,
      overdueUpdates: 0,
      cases: [],
    });
  });
});
