// Extensions approved by the client over real HTTP (issue 19): request, approve, reject, expire; access and refusals.
import { runDeadlineReminders } from '@casetasks/app/jobs';
import { creationEntry, newTask, platformActor, type Task, type TaskType } from '@casetasks/core';
import { createTask, getTask, listHistory, listOutboxSince, saveCaseState } from '@casetasks/db';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, type Caller, errorFields, json, startApi } from './api-client.js';

const partner: Caller = { party: 'partner', org: 'p-ext', user: 'u-pm', role: 'manager' };
const partnerContributor: Caller = { party: 'partner', org: 'p-ext', user: 'u-pc', role: 'contributor' };
const otherPartner: Caller = { party: 'partner', org: 'p-other', user: 'u-po', role: 'owner' };
const creditor: Caller = { party: 'creditor', org: 'c-ext', user: 'u-cm', role: 'manager' };
const creditorContributor: Caller = { party: 'creditor', org: 'c-ext', user: 'u-cc', role: 'contributor' };
const otherCreditor: Caller = { party: 'creditor', org: 'c-other', user: 'u-co', role: 'owner' };

// A Monday 09:00 (UTC, the deployment calendar here) far enough ahead that the task stays open: +2 business
// days is Wednesday 09:00.
const MON_0900 = '2027-03-01T09:00:00.000Z';
const WED_0900 = '2027-03-03T09:00:00.000Z';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('api-extensions');
});
afterAll(async () => {
  await api.stop();
});

/** An open partner task of p-ext on a case of c-ext (creditor on the task unless `viaCase`). */
const plantPartnerTask = async (options: { type?: TaskType; viaCase?: boolean; noCreditor?: boolean } = {}) => {
  const id = ulid();
  const caseId = `case-${id}`;
  const task: Task = {
    ...newTask({
      id,
      type: options.type ?? 'review_new_case',
      party: 'partner',
      orgId: partner.org,
      scopeKey: `case#${caseId}`,
      caseId,
      createdAt: new Date(Date.now() - 86_400_000).toISOString(),
      deadline: MON_0900,
    }),
    ...(options.viaCase || options.noCreditor ? {} : { creditorOrgId: creditor.org }),
  };
  if (options.viaCase) await saveCaseState(api.db, { caseId, creditorOrgId: creditor.org, version: 0 });
  await createTask(api.db, task, creationEntry(task, platformActor));
  return task;
};

const requestBody = { businessDays: 2, reason: 'The debtor is abroad until March' };

/** A request made by the partner manager; returns the partner task view and the approval task id. */
const requested = async (task: Task) => {
  const response = await api.call('POST', `/tasks/${task.id}/extension`, { as: partner, body: requestBody });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  const view = json(response) as unknown as Task;
  const approvalId = view.extensions?.[0]?.approvalTaskId ?? '';
  return { view, approvalId };
};

const historyActions = async (taskId: string) => (await listHistory(api.db, taskId)).map((e) => e.action);

// First in the file: the job walks every due reminder of the table, so this request is the only one open.
describe('expiry in the hourly reminder job', () => {
  it('an unanswered request expires at the approval deadline, exactly once, instead of Task Overdue', async () => {
    // Prepare
    const task = await plantPartnerTask();
    const { approvalId } = await requested(task);
    const approval = await getTask(api.db, approvalId, true);
    const at = new Date(Date.parse(approval?.deadline ?? '') + 60_000).toISOString();
    // Act
    const first = await runDeadlineReminders({ now: at });
    const second = await runDeadlineReminders({ now: at });
    // Assess
    expect(first.counts.expired).toBe(1);
    expect(second.counts.expired ?? 0).toBe(0);
    expect(await getTask(api.db, approvalId, true)).toMatchObject({ status: 'completed', resolution: 'cancelled' });
    const after = await getTask(api.db, task.id, true);
    expect(after).toMatchObject({ deadline: MON_0900 });
    expect(after?.extensions?.[0]).toMatchObject({ status: 'expired', decidedBy: 'casetasks' });
    expect(await historyActions(task.id)).toEqual(['created', 'extension_requested', 'extension_expired']);
    expect(await historyActions(approvalId)).toEqual(['created', 'cancelled']);
    const outbox = await listOutboxSince(api.db, '0');
    const aboutApproval = outbox.filter((entry) => (entry.detail as { task?: Task }).task?.id === approvalId);
    expect(aboutApproval.map((entry) => entry.detailType)).toEqual(['Task Created', 'Task Completed']);
    const late = await api.call('POST', `/tasks/${approvalId}/approve`, { as: creditor, body: {} });
    expect(late.status, 'an expired request cannot be approved').toBe(409);
  });
});

describe('POST /tasks/{id}/extension', () => {
  it('records the request and gives the creditor an approve_extension task due in 3 business days', async () => {
    // Prepare
    const task = await plantPartnerTask({ viaCase: true });
    // Act
    const { view, approvalId } = await requested(task);
    // Assess
    expect(view.extensions).toEqual([
      expect.objectContaining({
        businessDays: 2,
        reason: requestBody.reason,
        status: 'requested',
        requestedBy: 'u-pm',
      }),
    ]);
    expect(view.deadline).toBe(MON_0900);
    const approval = json(await api.call('GET', `/tasks/${approvalId}`, { as: creditor }));
    expect(approval).toMatchObject({
      type: 'approve_extension',
      accessLevel: 'creditor',
      orgId: 'c-ext',
      status: 'open',
    });
    expect((approval.details as Task['details'])?.extensionRequest).toMatchObject({ taskId: task.id, businessDays: 2 });
    const hours = (Date.parse(approval.deadline as string) - Date.parse(approval.createdAt as string)) / 3_600_000;
    expect(hours).toBeGreaterThanOrEqual(72); // 3 business days: 72 h, more across a weekend
    expect(await historyActions(task.id)).toEqual(['created', 'extension_requested']);
    expect(await historyActions(approvalId)).toEqual(['created']);
  });

  it('replays a retried Idempotency-Key, refuses the key with another body, and a second undecided request (409)', async () => {
    // Prepare
    const task = await plantPartnerTask();
    const headers = { 'idempotency-key': 'ext-retry-1' };
    const first = await api.call('POST', `/tasks/${task.id}/extension`, { as: partner, body: requestBody, headers });
    expect(first.status).toBe(200);
    const before = await api.snapshot();
    // Act
    const retry = await api.call('POST', `/tasks/${task.id}/extension`, { as: partner, body: requestBody, headers });
    const otherBody = await api.call('POST', `/tasks/${task.id}/extension`, {
      as: partner,
      body: { ...requestBody, businessDays: 3 },
      headers,
    });
    const second = await api.call('POST', `/tasks/${task.id}/extension`, { as: partner, body: requestBody });
    // Assess
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(json(retry).extensions).toEqual(json(first).extensions);
    expect(otherBody.status).toBe(409);
    expect(second.status).toBe(409);
    expect(JSON.stringify(second.body)).toContain('still awaits the creditor');
    expect(await api.snapshot(), 'nothing written by the replay or the refusals').toBe(before);
  });

  it('refuses bad input (400 naming the field), other parties and orgs (404), an unassigned contributor (403), a non-SLA task and an unknown creditor (409), writing nothing', async () => {
    // Prepare
    const task = await plantPartnerTask();
    const generic = await plantPartnerTask({ type: 'generic' });
    const orphan = await plantPartnerTask({ noCreditor: true });
    const before = await api.snapshot();
    const ask = (id: string, as: Caller, body: unknown = requestBody) =>
      api.call('POST', `/tasks/${id}/extension`, { as, body });
    // Act
    const tooMany = await ask(task.id, partner, { ...requestBody, businessDays: 21 });
    const noReason = await ask(task.id, partner, { businessDays: 2 });
    const longReason = await ask(task.id, partner, { businessDays: 2, reason: 'x'.repeat(501) });
    const statuses = [
      (await ask(task.id, otherPartner)).status,
      (await ask(task.id, creditor)).status,
      (await ask(task.id, partnerContributor)).status,
      (await ask(generic.id, partner)).status,
    ];
    const unknownCreditor = await ask(orphan.id, partner);
    // Assess
    expect([tooMany.status, noReason.status, longReason.status]).toEqual([400, 400, 400]);
    expect(errorFields(tooMany)).toEqual(['businessDays']);
    expect(errorFields(noReason)).toEqual(['reason']);
    expect(errorFields(longReason)).toEqual(['reason']);
    expect(statuses).toEqual([404, 404, 403, 409]);
    expect(unknownCreditor.status).toBe(409);
    expect(JSON.stringify(unknownCreditor.body)).toContain('creditor of the task’s case is not known');
    expect(await api.snapshot(), 'nothing written on refusal').toBe(before);
  });
});

describe('POST /tasks/{id}/approve and /reject', () => {
  it('approval moves the SLA deadline and the deadline by 2 business days: Mon 09:00 → Wed 09:00', async () => {
    // Prepare
    const task = await plantPartnerTask();
    const { approvalId } = await requested(task);
    // Act
    const response = await api.call('POST', `/tasks/${approvalId}/approve`, { as: creditor, body: { note: 'Agreed' } });
    // Assess
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(json(response)).toMatchObject({ id: approvalId, status: 'completed', resolution: 'done' });
    const after = await getTask(api.db, task.id, true);
    expect(after).toMatchObject({ deadline: WED_0900, slaDeadline: WED_0900, originalDeadline: MON_0900 });
    expect(after?.extensions?.[0]).toMatchObject({ status: 'approved', decidedBy: 'u-cm', note: 'Agreed' });
    expect(after?.reminder?.later?.at(-1) ?? after?.reminder).toMatchObject({ stage: 'overdue', at: WED_0900 });
    const entries = await listHistory(api.db, task.id);
    expect(entries.at(-1)).toMatchObject({ action: 'extension_approved', reason: 'Agreed' });
    expect(entries.at(-1)?.changes?.deadline).toEqual([MON_0900, WED_0900]);
  });

  it('rejection keeps the deadline and records the note', async () => {
    // Prepare
    const task = await plantPartnerTask();
    const { approvalId } = await requested(task);
    // Act
    const response = await api.call('POST', `/tasks/${approvalId}/reject`, { as: creditor, body: { note: 'No' } });
    // Assess
    expect(response.status).toBe(200);
    const after = await getTask(api.db, task.id, true);
    expect(after).toMatchObject({ deadline: MON_0900, version: task.version + 2 });
    expect(after?.slaDeadline).toBeUndefined();
    expect(after?.extensions?.[0]).toMatchObject({ status: 'rejected', note: 'No' });
    expect((await historyActions(task.id)).at(-1)).toBe('extension_rejected');
    const again = await api.call('POST', `/tasks/${approvalId}/approve`, { as: creditor, body: {} });
    expect(again.status, 'a decided request is not decided again').toBe(409);
  });

  it('access: partner 404 on the approval task and 409 on its own task, other creditor 404, unassigned creditor contributor 403; nothing written', async () => {
    // Prepare
    const task = await plantPartnerTask();
    const { approvalId } = await requested(task);
    const before = await api.snapshot();
    const approve = (id: string, as: Caller, body: unknown = {}) =>
      api.call('POST', `/tasks/${id}/approve`, { as, body });
    // Act
    const statuses = [
      (await approve(approvalId, partner)).status,
      (await approve(task.id, partner)).status,
      (await approve(approvalId, otherCreditor)).status,
      (await approve(approvalId, creditorContributor)).status,
      (await api.call('POST', `/tasks/${approvalId}/reject`, { as: otherPartner, body: {} })).status,
    ];
    const badNote = await approve(approvalId, creditor, { note: '' });
    const unknownField = await approve(approvalId, creditor, { days: 3 });
    // Assess
    expect(statuses).toEqual([404, 409, 404, 403, 404]);
    expect([badNote.status, errorFields(badNote)]).toEqual([400, ['note']]);
    expect([unknownField.status, errorFields(unknownField)]).toEqual([400, ['days']]);
    expect(await api.snapshot(), 'nothing written on refusal').toBe(before);
  });
});
