import { describe, expect, it } from 'vitest';
import { utcCalendar } from './calendar.js';
import { caseUpdateDashboard, caseUpdateLine } from './case-update-sla.js';
import { catalogueTask } from './rules/creation.js';
import {
  deadlineDaysFor,
  resolvedTerms,
  type SlaTermsVersion,
  slaTermsSchema,
  termsInForce,
  updateIntervalsOf,
} from './sla-terms.js';

const at = '2026-11-01T00:00:00.000Z';
const version = (
  partnerOrgId: string | null,
  n: number,
  terms: Partial<SlaTermsVersion['terms']>,
): SlaTermsVersion => ({
  creditorOrgId: 'c-1',
  partnerOrgId,
  version: n,
  effectiveFrom: at,
  terms: { taskDeadlines: {}, updateIntervals: {}, ...terms },
  setBy: 'u-boss',
  setAt: at,
});

const creditorV3 = version(null, 3, { taskDeadlines: { review_new_case: 4, provide_quote: 5 } });
const agreementV1 = version('p-1', 1, { taskDeadlines: { review_new_case: 6 } });

describe('terms in force', () => {
  it('no terms: the catalogue, version 0', () => {
    expect(termsInForce()).toEqual({ ref: { source: 'catalogue', version: 0 }, terms: undefined });
  });

  it('the agreement with the partner wins over the creditor terms, as a whole', () => {
    // Prepare + Act
    const inForce = termsInForce(creditorV3, agreementV1);
    // Assess: review_new_case from the agreement; provide_quote, unset there, back to the catalogue's 3 (not 5).
    expect(inForce.ref).toEqual({ source: 'agreement', version: 1 });
    expect(deadlineDaysFor('review_new_case', inForce)).toEqual({ days: 6, from: { source: 'agreement', version: 1 } });
    expect(deadlineDaysFor('provide_quote', inForce)).toEqual({ days: 3, from: { source: 'catalogue', version: 0 } });
  });

  it('creditor terms alone: set values from them, the rest from the catalogue', () => {
    const inForce = termsInForce(creditorV3);
    expect(deadlineDaysFor('review_new_case', inForce)).toEqual({ days: 4, from: { source: 'creditor', version: 3 } });
    expect(deadlineDaysFor('new_message', inForce)).toEqual({ days: 1, from: { source: 'catalogue', version: 0 } });
    // A type without a catalogue deadline has none under any terms.
    expect(deadlineDaysFor('generic', inForce)).toBeUndefined();
  });
});

describe('deadlines under terms (hand-computed, UTC, Mon–Fri)', () => {
  it('review_new_case: 2 business days by the catalogue, 4 under the creditor terms', () => {
    // Prepare: created Fri 20 Nov 2026 10:00Z.
    const input = {
      id: 't-1',
      type: 'review_new_case',
      orgId: 'p-1',
      scopeKey: 'case:c',
      at: '2026-11-20T10:00:00.000Z',
    } as const;
    // Act
    const byCatalogue = catalogueTask(utcCalendar, input);
    const agreed = catalogueTask(utcCalendar, {
      ...input,
      days: deadlineDaysFor('review_new_case', termsInForce(creditorV3))?.days,
    });
    // Assess: Mon 23, Tue 24 → Tue 24 10:00; Mon 23 … Thu 26 → Thu 26 10:00.
    expect(byCatalogue.originalDeadline).toBe('2026-11-24T10:00:00.000Z');
    expect(agreed.originalDeadline).toBe('2026-11-26T10:00:00.000Z');
    expect(agreed.deadline).toBe(agreed.originalDeadline);
  });
});

describe('case-update intervals under terms', () => {
  const update = { statusType: 'contact_attempted', at: '2026-11-02T09:00:00.000Z' };
  const activeCase = { caseId: 'case-1', activeSince: at, lastStatusUpdate: update };
  const now = new Date('2026-11-10T09:00:00.000Z');

  it('contact_attempted: 7 days by the table, 10 under the terms; the line names the version', () => {
    // Prepare
    const intervals = updateIntervalsOf(termsInForce(version(null, 2, { updateIntervals: { contact_attempted: 10 } })));
    // Act
    const byTable = caseUpdateLine(activeCase, now);
    const agreed = caseUpdateLine(activeCase, now, intervals);
    // Assess: 2 Nov 09:00 + 7 d = 9 Nov 09:00 (a day overdue on 10 Nov); + 10 d = 12 Nov 09:00 (2 days left).
    expect(byTable).toMatchObject({ nextUpdateDue: '2026-11-09T09:00:00.000Z', daysRemaining: -1, alert: 'red' });
    expect(byTable.terms).toBeUndefined();
    expect(agreed).toMatchObject({ nextUpdateDue: '2026-11-12T09:00:00.000Z', daysRemaining: 2, alert: 'yellow' });
    expect(agreed.terms).toEqual({ source: 'creditor', version: 2 });
  });

  it('the default interval applies to a case without an update yet', () => {
    // Prepare: active since 1 Nov 00:00; default 5 days under the terms → due 6 Nov 00:00, overdue on 10 Nov.
    const intervals = updateIntervalsOf(termsInForce(version(null, 1, { defaultUpdateIntervalDays: 5 })));
    const fresh = { caseId: 'case-2', activeSince: at };
    // Act
    const dashboard = caseUpdateDashboard('p-1', [fresh], now, new Map([['case-2', intervals]]));
    // Assess
    expect(dashboard.cases[0]).toMatchObject({ nextUpdateDue: '2026-11-06T00:00:00.000Z', alert: 'red' });
    expect(dashboard.complianceRate).toBe(0);
  });

  it('resolved for both parties: each value with where it comes from', () => {
    const resolved = resolvedTerms(termsInForce(version(null, 2, { updateIntervals: { contact_attempted: 10 } })));
    expect(resolved.updateIntervals.contact_attempted).toEqual({ days: 10, from: { source: 'creditor', version: 2 } });
    expect(resolved.updateIntervals.investigating).toEqual({ days: 14, from: { source: 'catalogue', version: 0 } });
    expect(resolved.taskDeadlines.review_new_case).toEqual({ days: 2, from: { source: 'catalogue', version: 0 } });
    expect(resolved.defaultUpdateInterval).toEqual({ days: 14, from: { source: 'catalogue', version: 0 } });
  });
});

describe('the domain of terms', () => {
  it.each([
    ['taskDeadlines.review_new_case', { taskDeadlines: { review_new_case: 0 }, updateIntervals: {} }],
    ['taskDeadlines.review_new_case', { taskDeadlines: { review_new_case: 61 }, updateIntervals: {} }],
    ['taskDeadlines.review_new_case', { taskDeadlines: { review_new_case: 2.5 }, updateIntervals: {} }],
    ['taskDeadlines', { taskDeadlines: { generic: 3 }, updateIntervals: {} }],
    ['updateIntervals.investigating', { taskDeadlines: {}, updateIntervals: { investigating: 91 } }],
    ['updateIntervals', { taskDeadlines: {}, updateIntervals: { uncollectible: 30 } }],
    ['defaultUpdateIntervalDays', { taskDeadlines: {}, updateIntervals: {}, defaultUpdateIntervalDays: 0 }],
  ])('refuses %s', (field, terms) => {
    const result = slaTermsSchema.safeParse(terms);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(field);
  });

  it('takes the bounds themselves', () => {
    const terms = {
      taskDeadlines: { review_new_case: 1, chase_commission: 60 },
      updateIntervals: { investigating: 90 },
    };
    expect(slaTermsSchema.safeParse({ ...terms, defaultUpdateIntervalDays: 1 }).success).toBe(true);
  });
});
