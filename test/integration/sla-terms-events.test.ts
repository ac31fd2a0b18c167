// SLA terms per creditor through events (issue 19): `SLA Terms Set` versions, and tasks created under the terms
// in force at their event's time, whatever order the events arrive in.
import { scopeKeys } from '@casetasks/core';
import { slaTermsInForce, slaTermsVersions } from '@casetasks/db';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventsHarness, eventsHarness } from './events-helpers.js';

let h: EventsHarness;
beforeAll(async () => {
  h = await eventsHarness('sla-terms-ev');
});
afterAll(async () => {
  await h.table.drop();
});

const ids = () => {
  const n = ulid().slice(-8).toLowerCase();
  return { caseId: `c-${n}`, creditor: `cr-${n}`, partner: `p-${n}` };
};
type Ids = ReturnType<typeof ids>;

const submit = (x: Ids, time: string, caseId = x.caseId) =>
  h.emit(
    'Case Submitted',
    {
      caseId,
      creditorOrgId: x.creditor,
      partnerOrgId: x.partner,
      hasBankAccount: true,
      contractSigned: true,
      requiresQuote: false,
    },
    time,
  );
const setTerms = (x: Ids, time: string, days: number, partnerOrgId?: string, id?: string) =>
  h.emit(
    'SLA Terms Set',
    {
      creditorOrgId: x.creditor,
      ...(partnerOrgId ? { partnerOrgId } : {}),
      taskDeadlines: { review_new_case: days },
      updateIntervals: {},
    },
    time,
    id,
  );
const review = (x: Ids, caseId = x.caseId) =>
  h.open({ type: 'review_new_case', party: 'partner', orgId: x.partner, scopeKey: scopeKeys.case(caseId) });

// Calendar: weekends off, UTC. Fri 2026-11-20 10:00 + 2 BD = Tue 24 10:00; + 4 BD = Thu 26 10:00; + 6 BD = Mon 30 10:00.
const FRIDAY = '2026-11-20T10:00:00.000Z';

describe('tasks created under the creditor terms', () => {
  it('review_new_case: 2 business days by the catalogue, 4 under the creditor terms; the task records them', async () => {
    // Prepare: terms of one creditor, none for another
    const x = ids();
    const other = ids();
    await setTerms(x, '2026-11-01T00:00:00.000Z', 4);
    // Act
    await submit(x, FRIDAY);
    await submit(other, FRIDAY);
    // Assess
    expect(await review(x)).toMatchObject({
      deadline: '2026-11-26T10:00:00.000Z',
      originalDeadline: '2026-11-26T10:00:00.000Z',
      creditorOrgId: x.creditor,
      slaTerms: { source: 'creditor', version: 1 },
    });
    expect(await review(other)).toMatchObject({
      originalDeadline: '2026-11-24T10:00:00.000Z',
      creditorOrgId: other.creditor,
      slaTerms: { source: 'catalogue', version: 0 },
    });
  });

  it('the agreement with the partner beats the creditor terms', async () => {
    // Prepare: creditor terms 4 days, the agreement with this partner 6
    const x = ids();
    await setTerms(x, '2026-11-01T00:00:00.000Z', 4);
    await setTerms(x, '2026-11-02T00:00:00.000Z', 6, x.partner);
    // Act
    await submit(x, FRIDAY);
    // Assess
    expect(await review(x)).toMatchObject({
      originalDeadline: '2026-11-30T10:00:00.000Z',
      slaTerms: { source: 'agreement', version: 1 },
    });
  });

  it('a late-arriving event uses the terms in force at its own time', async () => {
    // Prepare: v1 (4 days) from 1 Nov, v2 (6 days) from 25 Nov — both stored before the case events arrive
    const x = ids();
    await setTerms(x, '2026-11-01T00:00:00.000Z', 4);
    await setTerms(x, '2026-11-25T00:00:00.000Z', 6);
    // Act: a case submitted on Fri 20 Nov (under v1) delivered after v2, and one submitted Fri 27 Nov (under v2)
    await submit(x, FRIDAY);
    await submit(x, '2026-11-27T10:00:00.000Z', `${x.caseId}-b`);
    // Assess: Fri 20 + 4 BD = Thu 26; Fri 27 + 6 BD = Mon 30 Nov … Fri 4 Dec, then Mon 7 Dec.
    expect(await review(x)).toMatchObject({
      originalDeadline: '2026-11-26T10:00:00.000Z',
      slaTerms: { source: 'creditor', version: 1 },
    });
    expect(await review(x, `${x.caseId}-b`)).toMatchObject({
      originalDeadline: '2026-12-07T10:00:00.000Z',
      slaTerms: { source: 'creditor', version: 2 },
    });
  });

  it('a creditor task records the case creditor, with no terms', async () => {
    // Prepare
    const x = ids();
    await submit(x, FRIDAY);
    // Act
    await h.emit('Case Solved', { caseId: x.caseId, paymentReceivedBy: 'partner' }, '2026-11-23T10:00:00.000Z');
    // Assess
    const tasks = await h.tasksOf('creditor', x.creditor);
    const reviewPartner = tasks.find((task) => task.type === 'review_partner');
    expect(reviewPartner).toMatchObject({ creditorOrgId: x.creditor });
    expect(reviewPartner?.slaTerms).toBeUndefined();
  });
});

describe('SLA Terms Set', () => {
  it('is applied exactly once; a late one takes effect at its own time, numbered after the versions stored', async () => {
    // Prepare
    const x = ids();
    const first = ulid();
    await setTerms(x, '2026-11-10T00:00:00.000Z', 4, undefined, first);
    // Act: the same event again, then an older one delivered late
    const again = await setTerms(x, '2026-11-10T00:00:00.000Z', 4, undefined, first);
    await setTerms(x, '2026-11-05T00:00:00.000Z', 3);
    // Assess
    const owner = { creditorOrgId: x.creditor, partnerOrgId: null };
    expect(again.duplicate).toBe(true);
    const versions = await slaTermsVersions(h.db, owner, 10);
    expect(versions.map((v) => [v.version, v.effectiveFrom, v.setBy])).toEqual([
      [1, '2026-11-10T00:00:00.000Z', 'platform'],
      [2, '2026-11-05T00:00:00.000Z', 'platform'],
    ]);
    expect((await slaTermsInForce(h.db, owner, '2026-11-07T00:00:00.000Z'))?.version).toBe(2);
    expect((await slaTermsInForce(h.db, owner, '2026-11-10T00:00:00.000Z'))?.version).toBe(1);
    expect(await slaTermsInForce(h.db, owner, '2026-11-04T23:59:59.999Z')).toBeUndefined();
  });

  it('refuses out-of-domain values naming the field, writing nothing', async () => {
    // Prepare
    const x = ids();
    // Act
    const sent = h.emit(
      'SLA Terms Set',
      { creditorOrgId: x.creditor, taskDeadlines: { review_new_case: 61 }, updateIntervals: {} },
      FRIDAY,
    );
    // Assess
    await expect(sent).rejects.toMatchObject({ field: 'detail.taskDeadlines.review_new_case' });
    expect(await slaTermsVersions(h.db, { creditorOrgId: x.creditor, partnerOrgId: null }, 10)).toEqual([]);
  });
});
