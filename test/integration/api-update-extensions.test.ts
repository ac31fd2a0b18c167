// Case-update deadline extensions over real HTTP (issue 19): request, approve, reject, expire, a newer update
// dropping the extension; access, bad input and nothing written on refusal.
import { runDeadlineReminders } from '@casetasks/app/jobs';
import type { CaseState, Task } from '@casetasks/core';
import { getCaseState, getTask, listHistory } from '@casetasks/db';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ApiHarness, type Caller, errorFields, json, startApi } from './api-client.js';

// Contact attempted Tue 3 Nov 12:00Z: the next update is due 7 calendar days later, Tue 10 Nov 12:00Z.
const UPDATED_AT = '2026-11-03T12:00:00.000Z';
const DUE = '2026-11-10T12:00:00.000Z';
const REQUEST_TIME = '2026-11-09T10:00:00.000Z';
const body = { days: 5, reason: 'The debtor is in hospital until 14 November' };

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('api-update-extensions');
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  await api.stop();
});

/** Fakes "now" for the handlers. Tokens are signed at the fake time: each time point gets its own callers. */
const at = (instant: string) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(instant));
  const tag = instant.slice(0, 13);
  return {
    partner: (org: string, role: Caller['role'] = 'manager'): Caller => ({
      party: 'partner',
      org,
      user: `u-p-${role}-${tag}`,
      role,
    }),
    creditor: (org: string): Caller => ({ party: 'creditor', org, user: `u-c-${tag}`, role: 'manager' }),
  };
};

const post = (detailType: string, detail: Record<string, unknown>, time: string) =>
  api.call('POST', '/local/events', { body: [{ source: 'platform', 'detail-type': detailType, detail, time }] });

/** An active case of partner `p-{name}` and creditor `c-{name}` whose last update is contact_attempted on 3 Nov. */
const activeCase = async (name: string) => {
  const caseId = `case-upd-${name}`;
  const orgs = { partnerOrgId: `p-${name}`, creditorOrgId: `c-${name}` };
  const detail = { caseId, ...orgs, hasBankAccount: true, contractSigned: true, requiresQuote: false };
  expect((await post('Case Submitted', detail, '2026-10-01T00:00:00.000Z')).status).toBe(200);
  expect((await post('Case Status Changed', { caseId, status: 'active' }, '2026-10-01T01:00:00.000Z')).status).toBe(
    200,
  );
  const update = { caseId, statusType: 'contact_attempted' };
  expect((await post('Case Status Updated', update, UPDATED_AT)).status).toBe(200);
  return { caseId, ...orgs };
};

const lineOf = async (as: Caller, caseId: string) => {
  const response = await api.call('GET', '/sla/cases', { as });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body as { cases: Record<string, unknown>[] }).cases.find((line) => line.caseId === caseId);
};

const requestOn = async (as: Caller, caseId: string) => {
  const response = await api.call('POST', `/cases/${caseId}/update-extension`, { as, body });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  const view = json(response) as { updateExtensions: NonNullable<CaseState['updateExtensions']> };
  return view.updateExtensions.at(-1)?.approvalTaskId ?? '';
};

const actions = async (taskId: string) => (await listHistory(api.db, taskId)).map((entry) => entry.action);

// First in the file: the job walks every due reminder of the table, so this request is the only one due.
describe('expiry in the hourly reminder job', () => {
  it('an unanswered request expires on the case state at the approval deadline, once', async () => {
    // Prepare: requested Mon 9 Nov 10:00Z; 3 business days (UTC calendar) → due Thu 12 Nov 10:00Z.
    const { caseId, partnerOrgId } = await activeCase('expire');
    const clock = at(REQUEST_TIME);
    const approvalId = await requestOn(clock.partner(partnerOrgId), caseId);
    expect((await getTask(api.db, approvalId, true))?.deadline).toBe('2026-11-12T10:00:00.000Z');
    // Act
    const first = await runDeadlineReminders({ now: '2026-11-12T10:01:00.000Z' });
    const second = await runDeadlineReminders({ now: '2026-11-12T10:01:00.000Z' });
    // Assess
    expect([first.counts.expired, second.counts.expired ?? 0]).toEqual([1, 0]);
    expect(await getTask(api.db, approvalId, true)).toMatchObject({ status: 'completed', resolution: 'cancelled' });
    expect((await getCaseState(api.db, caseId))?.updateExtensions).toEqual([
      expect.objectContaining({ status: 'expired', decidedBy: 'casetasks', decidedAt: '2026-11-12T10:01:00.000Z' }),
    ]);
    expect(await actions(approvalId)).toEqual(['created', 'cancelled']);
  });
});

describe('POST /cases/{caseId}/update-extension, then approve or reject', () => {
  it('approved +5 days on 9 Nov: due 15 Nov 12:00Z, so on 12 Nov the case is yellow (3 days) instead of red', async () => {
    // Prepare
    const { caseId, partnerOrgId, creditorOrgId } = await activeCase('approve');
    const clock = at(REQUEST_TIME);
    // Act
    const approvalId = await requestOn(clock.partner(partnerOrgId), caseId);
    const approval = json(await api.call('GET', `/tasks/${approvalId}`, { as: clock.creditor(creditorOrgId) }));
    const approved = await api.call('POST', `/tasks/${approvalId}/approve`, {
      as: clock.creditor(creditorOrgId),
      body: { note: 'Agreed' },
    });
    const later = at('2026-11-12T12:00:00.000Z');
    const line = await lineOf(later.partner(partnerOrgId), caseId);
    // Assess
    expect(approval).toMatchObject({ type: 'approve_extension', accessLevel: 'creditor', orgId: creditorOrgId });
    expect((approval.details as Task['details'])?.extensionRequest).toEqual({
      caseId,
      partnerOrgId,
      extensionId: expect.any(String),
      calendarDays: 5,
      reason: body.reason,
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(json(approved)).toMatchObject({ id: approvalId, status: 'completed', resolution: 'done' });
    expect(line).toMatchObject({
      nextUpdateDue: '2026-11-15T12:00:00.000Z',
      daysRemaining: 3,
      alert: 'yellow',
      extensionDays: 5,
    });
    expect((await getCaseState(api.db, caseId))?.updateExtensions).toEqual([
      expect.objectContaining({
        forUpdateAt: UPDATED_AT,
        days: 5,
        status: 'approved',
        requestedAt: REQUEST_TIME,
        decidedAt: REQUEST_TIME,
        note: 'Agreed',
        approvalTaskId: approvalId,
      }),
    ]);
    expect(await actions(approvalId)).toEqual(['created', 'completed']);
  });

  it('a newer status update (through the events) keeps the request on the case but starts a new clock without it', async () => {
    // Prepare: approved as above
    const { caseId, partnerOrgId, creditorOrgId } = await activeCase('newer');
    const clock = at(REQUEST_TIME);
    const approvalId = await requestOn(clock.partner(partnerOrgId), caseId);
    await api.call('POST', `/tasks/${approvalId}/approve`, { as: clock.creditor(creditorOrgId), body: {} });
    // Act: contact attempted again Thu 12 Nov 09:00Z → due 19 Nov 09:00Z
    const later = at('2026-11-20T12:00:00.000Z');
    const update = { caseId, statusType: 'contact_attempted' };
    expect((await post('Case Status Updated', update, '2026-11-12T09:00:00.000Z')).status).toBe(200);
    const line = await lineOf(later.partner(partnerOrgId), caseId);
    // Assess: 27 h overdue reads -2 (whole days away from zero); with the old 5 days it would be due 24 Nov
    expect(line).toMatchObject({
      nextUpdateDue: '2026-11-19T09:00:00.000Z',
      daysRemaining: -2,
      alert: 'red',
      extensionDays: 0,
    });
    expect((await getCaseState(api.db, caseId))?.updateExtensions?.[0]).toMatchObject({ status: 'approved' });
  });

  it('rejection keeps the deadline: red on 12 Nov; a decided request is not decided again (409)', async () => {
    // Prepare
    const { caseId, partnerOrgId, creditorOrgId } = await activeCase('reject');
    const clock = at(REQUEST_TIME);
    const approvalId = await requestOn(clock.partner(partnerOrgId), caseId);
    // Act
    const rejected = await api.call('POST', `/tasks/${approvalId}/reject`, {
      as: clock.creditor(creditorOrgId),
      body: { note: 'Call his wife' },
    });
    const again = await api.call('POST', `/tasks/${approvalId}/approve`, {
      as: clock.creditor(creditorOrgId),
      body: {},
    });
    const later = at('2026-11-12T12:00:00.000Z');
    const line = await lineOf(later.partner(partnerOrgId), caseId);
    // Assess
    expect([rejected.status, again.status]).toEqual([200, 409]);
    expect(line).toMatchObject({ nextUpdateDue: DUE, daysRemaining: -2, alert: 'red', extensionDays: 0 });
    expect((await getCaseState(api.db, caseId))?.updateExtensions?.[0]).toMatchObject({
      status: 'rejected',
      note: 'Call his wife',
    });
  });
});

describe('refusals', () => {
  it('access: other partner and other creditor 404, the case’s creditor and a contributor 403, unknown case 404; nothing written', async () => {
    // Prepare
    const { caseId, partnerOrgId, creditorOrgId } = await activeCase('access');
    const clock = at(REQUEST_TIME);
    const before = await api.snapshot();
    const ask = async (as: Caller, id = caseId) =>
      (await api.call('POST', `/cases/${id}/update-extension`, { as, body })).status;
    // Act
    const statuses = [
      await ask(clock.partner('p-someone-else')),
      await ask(clock.creditor('c-someone-else')),
      await ask({ ...clock.creditor(partnerOrgId) }),
      await ask(clock.creditor(creditorOrgId)),
      await ask(clock.partner(partnerOrgId, 'contributor')),
      await ask(clock.partner(partnerOrgId), 'case-upd-nowhere'),
    ];
    // Assess
    expect(statuses).toEqual([404, 404, 404, 403, 403, 404]);
    expect(await api.snapshot(), 'nothing written on refusal').toBe(before);
  });

  it('bad input 400 naming the field; a paused case, a second undecided request and a reused key 409; nothing written', async () => {
    // Prepare: one undecided request (with an Idempotency-Key) on one case, another case paused
    const { caseId, partnerOrgId } = await activeCase('input');
    const paused = await activeCase('paused');
    expect((await post('Case Status Changed', { caseId: paused.caseId, status: 'paused' }, UPDATED_AT)).status).toBe(
      200,
    );
    const clock = at(REQUEST_TIME);
    const partner = clock.partner(partnerOrgId);
    const headers = { 'idempotency-key': 'upd-ext-1' };
    const first = await api.call('POST', `/cases/${caseId}/update-extension`, { as: partner, body, headers });
    expect(first.status).toBe(200);
    const before = await api.snapshot();
    const ask = (payload: unknown, options: { id?: string; as?: Caller; headers?: Record<string, string> } = {}) =>
      api.call('POST', `/cases/${options.id ?? caseId}/update-extension`, {
        as: options.as ?? partner,
        body: payload,
        ...(options.headers ? { headers: options.headers } : {}),
      });
    // Act
    const bad = [
      await ask({ ...body, days: 31 }),
      await ask({ ...body, days: 0 }),
      await ask({ ...body, days: 1.5 }),
      await ask({ days: 5 }),
      await ask({ ...body, reason: 'x'.repeat(501) }),
      await ask({ ...body, businessDays: 5 }),
    ];
    const replay = await ask(body, { headers });
    const otherBody = await ask({ ...body, days: 6 }, { headers });
    const second = await ask(body);
    const onPaused = await ask(body, { id: paused.caseId, as: clock.partner(paused.partnerOrgId) });
    // Assess
    expect(bad.map((response) => [response.status, errorFields(response)])).toEqual([
      [400, ['days']],
      [400, ['days']],
      [400, ['days']],
      [400, ['reason']],
      [400, ['reason']],
      [400, ['businessDays']],
    ]);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(json(replay)).toEqual(json(first));
    expect([otherBody.status, second.status, onPaused.status]).toEqual([409, 409, 409]);
    expect(JSON.stringify(second.body)).toContain('still awaits the creditor');
    expect(JSON.stringify(onPaused.body)).toContain('only an active case');
    expect(await api.snapshot(), 'nothing written by the replay or the refusals').toBe(before);
  });
});
