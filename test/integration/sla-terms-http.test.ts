// SLA terms over real HTTP (issue 19): who may set and read them, their domain, the optimistic lock, the terms a
// case's parties see, and the terms version named by the dashboard and the score lines.
import { scopeKeys } from '@casetasks/core';
import { getOpenTaskOfScope } from '@casetasks/db';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, type Caller, errorFields, json, startApi } from './api-client.js';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('sla-terms-http');
});
afterAll(async () => {
  await api.stop();
});

const n = () => ulid().slice(-8).toLowerCase();
const creditor = (org: string, role: Caller['role'] = 'owner'): Caller => ({
  party: 'creditor',
  org,
  user: `u-${role}`,
  role,
});
const partner = (org: string): Caller => ({ party: 'partner', org, user: 'u-p', role: 'owner' });

const post = async (detailType: string, detail: Record<string, unknown>, time: string) => {
  const event = { id: `evt-${ulid()}`, source: 'platform', 'detail-type': detailType, time, detail };
  const response = await api.call('POST', '/local/events', { body: [event] });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
};
/** A case of `creditorOrg` with `partnerOrg`, submitted and active. */
const activeCase = async (creditorOrg: string, partnerOrg: string, time = '2026-11-20T10:00:00.000Z') => {
  const caseId = `case-${n()}`;
  const flags = { hasBankAccount: true, contractSigned: true, requiresQuote: false };
  await post('Case Submitted', { caseId, creditorOrgId: creditorOrg, partnerOrgId: partnerOrg, ...flags }, time);
  // Activated a second after the submission: the newer status wins.
  await post('Case Status Changed', { caseId, status: 'active' }, new Date(Date.parse(time) + 1000).toISOString());
  return caseId;
};
const terms = { taskDeadlines: { review_new_case: 4 }, updateIntervals: { contact_attempted: 10 } };

describe('PUT and GET /sla/terms', () => {
  it('a creditor owner sets a version effective now; any role of the creditor reads it', async () => {
    // Prepare
    const org = `cr-${n()}`;
    // Act
    const put = await api.call('PUT', '/sla/terms', { as: creditor(org), body: terms });
    const read = await api.call('GET', '/sla/terms', { as: creditor(org, 'contributor') });
    // Assess
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(json(put)).toMatchObject({
      creditorOrgId: org,
      partnerOrgId: null,
      latestVersion: 1,
      inForce: { version: 1, terms, setBy: 'u-owner' },
    });
    expect(read.body).toEqual(put.body);
  });

  it('an agreement with one partner is its own versioned terms', async () => {
    // Prepare
    const org = `cr-${n()}`;
    await api.call('PUT', '/sla/terms', { as: creditor(org), body: terms });
    // Act
    const agreement = await api.call('PUT', '/sla/terms', {
      as: creditor(org),
      body: { ...terms, taskDeadlines: { review_new_case: 6 }, partnerOrgId: 'p-agreed' },
    });
    const read = await api.call('GET', '/sla/terms?partnerOrgId=p-agreed', { as: creditor(org, 'manager') });
    // Assess
    expect(json(agreement)).toMatchObject({ partnerOrgId: 'p-agreed', latestVersion: 1 });
    expect(json(read)).toMatchObject({ inForce: { terms: { taskDeadlines: { review_new_case: 6 } } } });
  });

  it('409 on a stale expectedVersion, nothing written', async () => {
    // Prepare: versions 1 and 2
    const org = `cr-${n()}`;
    await api.call('PUT', '/sla/terms', { as: creditor(org), body: terms });
    const second = await api.call('PUT', '/sla/terms', { as: creditor(org), body: { ...terms, expectedVersion: 1 } });
    const before = await api.snapshot();
    // Act: a writer that still believes version 1 is the latest
    const stale = await api.call('PUT', '/sla/terms', { as: creditor(org), body: { ...terms, expectedVersion: 1 } });
    // Assess
    expect(json(second)).toMatchObject({ latestVersion: 2 });
    expect(stale.status).toBe(409);
    expect(json(stale).error).toMatchObject({ code: 'conflict' });
    expect(await api.snapshot()).toBe(before);
  });

  it.each([
    ['taskDeadlines.review_new_case', { ...terms, taskDeadlines: { review_new_case: 0 } }],
    ['taskDeadlines.provide_quote', { ...terms, taskDeadlines: { provide_quote: 61 } }],
    ['taskDeadlines.generic', { ...terms, taskDeadlines: { generic: 3 } }],
    ['updateIntervals.investigating', { ...terms, updateIntervals: { investigating: 91 } }],
    ['updateIntervals.uncollectible', { ...terms, updateIntervals: { uncollectible: 30 } }],
    ['defaultUpdateIntervalDays', { ...terms, defaultUpdateIntervalDays: 0 }],
    ['updateIntervals', { taskDeadlines: {} }],
  ])('400 naming %s, nothing written', async (field, body) => {
    // Prepare
    const before = await api.snapshot();
    // Act
    const response = await api.call('PUT', '/sla/terms', { as: creditor(`cr-${n()}`), body });
    // Assess
    expect(response.status).toBe(400);
    expect(errorFields(response)).toContain(field);
    expect(await api.snapshot()).toBe(before);
  });

  it.each([
    ['a creditor manager', creditor('cr-any', 'manager')],
    ['a creditor contributor', creditor('cr-any', 'contributor')],
    ['a partner owner', partner('p-any')],
  ])('403 for %s, nothing written', async (_who, caller) => {
    // Prepare
    const before = await api.snapshot();
    // Act
    const response = await api.call('PUT', '/sla/terms', { as: caller, body: terms });
    // Assess
    expect(response.status).toBe(403);
    expect(json(response).error).toMatchObject({ code: 'forbidden' });
    expect(await api.snapshot()).toBe(before);
  });

  it('403 for a partner reading creditor terms', async () => {
    const response = await api.call('GET', '/sla/terms', { as: partner('p-any') });
    expect(response.status).toBe(403);
  });
});

describe('GET /cases/{caseId}/sla-terms', () => {
  it('both parties of the case see the terms in force; another creditor, another case’s partner: 404', async () => {
    // Prepare: creditor terms v1, then the case; another case of other organisations
    const [org, partnerOrg] = [`cr-${n()}`, `p-${n()}`];
    await api.call('PUT', '/sla/terms', { as: creditor(org), body: terms });
    const caseId = await activeCase(org, partnerOrg);
    const [otherOrg, otherPartner] = [`cr-${n()}`, `p-${n()}`];
    await activeCase(otherOrg, otherPartner);
    // Act
    const path = `/cases/${caseId}/sla-terms`;
    const asCreditor = await api.call('GET', path, { as: creditor(org, 'contributor') });
    const asPartner = await api.call('GET', path, { as: partner(partnerOrg) });
    const strangers = await Promise.all(
      [creditor(otherOrg), partner(otherPartner), creditor(partnerOrg), partner(org)].map((as) =>
        api.call('GET', path, { as }),
      ),
    );
    const missing = await api.call('GET', '/cases/no-such-case/sla-terms', { as: creditor(org) });
    // Assess
    expect(asCreditor.status).toBe(200);
    expect({ ...json(asPartner), asOf: null }).toEqual({ ...json(asCreditor), asOf: null });
    expect(json(asPartner)).toMatchObject({
      caseId,
      creditorOrgId: org,
      partnerOrgId: partnerOrg,
      terms: { source: 'creditor', version: 1 },
      taskDeadlines: {
        review_new_case: { days: 4, from: { source: 'creditor', version: 1 } },
        provide_quote: { days: 3, from: { source: 'catalogue', version: 0 } },
      },
      updateIntervals: { contact_attempted: { days: 10, from: { source: 'creditor', version: 1 } } },
      defaultUpdateInterval: { days: 14, from: { source: 'catalogue', version: 0 } },
    });
    expect(strangers.map((response) => response.status)).toEqual([404, 404, 404, 404]);
    for (const stranger of strangers) expect(stranger.body).toEqual(missing.body);
    expect(missing.status).toBe(404);
  });
});

describe('the terms version on what the partner sees', () => {
  it('the dashboard line and the score line name the terms version', async () => {
    // Prepare: creditor terms v1 then v2 (review_new_case 4 days); a case submitted now, verified a minute later
    const [org, partnerOrg] = [`cr-${n()}`, `p-${n()}`];
    await api.call('PUT', '/sla/terms', { as: creditor(org), body: { ...terms, taskDeadlines: {} } });
    await api.call('PUT', '/sla/terms', { as: creditor(org), body: terms });
    const submittedAt = new Date(Date.now() + 1000).toISOString();
    const caseId = await activeCase(org, partnerOrg, submittedAt);
    const review = await getOpenTaskOfScope(api.db, {
      type: 'review_new_case',
      party: 'partner',
      orgId: partnerOrg,
      scopeKey: scopeKeys.case(caseId),
    });
    await post('Case Verified', { caseId }, new Date(Date.parse(submittedAt) + 60_000).toISOString());
    // Act
    const dashboard = await api.call('GET', '/sla/cases', { as: partner(partnerOrg) });
    const from = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const score = await api.call('GET', `/sla/score?from=${from}&to=${to}&lines=true`, { as: partner(partnerOrg) });
    // Assess
    expect(review.task).toMatchObject({ creditorOrgId: org, slaTerms: { source: 'creditor', version: 2 } });
    expect(json(dashboard).cases).toEqual([
      expect.objectContaining({ caseId, terms: { source: 'creditor', version: 2 } }),
    ]);
    expect(json(score).lines).toEqual([
      expect.objectContaining({
        taskId: review.task?.id,
        type: 'review_new_case',
        terms: { source: 'creditor', version: 2 },
        creditorOrgId: org,
        points: 1,
      }),
    ]);
  });
});
