// Survey as update (issue 19): a submitted monthly survey counts as the case's status update, so a red case
// on GET /sla/cases turns green.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, type Caller, startApi } from './api-client.js';

const DAY = 86_400_000;
const partner: Caller = { party: 'partner', org: 'p-survey', user: 'u-survey', role: 'manager' };
let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('sla-survey');
});
afterAll(async () => {
  await api.stop();
});

/** Whole seconds, so the instants read back as they were sent. */
const daysAgo = (days: number) => new Date(Math.floor((Date.now() - days * DAY) / 1000) * 1000).toISOString();
const post = (detailType: string, detail: Record<string, unknown>, time: string) =>
  api.call('POST', '/local/events', { body: [{ source: 'platform', 'detail-type': detailType, detail, time }] });
const lineOf = async (caseId: string) => {
  const { body } = await api.call('GET', '/sla/cases', { as: partner });
  return (body as { cases: Record<string, unknown>[] }).cases.find((line) => line.caseId === caseId);
};

describe('Case Survey Submitted counts as a status update', () => {
  it('a case silent for 20 days is red; the survey makes it green, due 14 days after the survey', async () => {
    // Prepare: active 20 days ago, no update since (due 14 days after activation: 6 days and the test's few
    // milliseconds overdue, which reads -7: whole days rounded away from zero)
    const caseId = 'c-survey-1';
    await post(
      'Case Submitted',
      {
        caseId,
        creditorOrgId: 'cr-survey',
        partnerOrgId: partner.org,
        hasBankAccount: true,
        contractSigned: true,
        requiresQuote: false,
      },
      daysAgo(21),
    );
    await post('Case Status Changed', { caseId, status: 'active' }, daysAgo(20));
    expect(await lineOf(caseId)).toMatchObject({ alert: 'red', lastUpdateAt: null, daysRemaining: -7 });
    // Act
    const surveyAt = daysAgo(1);
    const posted = await post('Case Survey Submitted', { caseId, surveyId: 's-1', outcome: 'keep_active' }, surveyAt);
    // Assess: the survey is the last update; 14 days after it, 13 days less a few milliseconds remain: 13
    expect(posted.status).toBe(200);
    expect(await lineOf(caseId)).toMatchObject({
      alert: 'green',
      statusType: 'monthly_survey',
      statusLabel: 'Monthly survey',
      lastUpdateAt: surveyAt,
      nextUpdateDue: new Date(Date.parse(surveyAt) + 14 * DAY).toISOString(),
      daysRemaining: 13,
    });
  });
});
