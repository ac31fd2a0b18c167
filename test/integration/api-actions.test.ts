// Portal writes over real HTTP: create (idempotent), postpone, assign, complete, calls, history, outbox and 409s.
import { changeTask, platformActor } from '@casetasks/core';
import { getTask, saveChange } from '@casetasks/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, type Caller, errorFields, json, startApi } from './api-client.js';

const manager: Caller = { party: 'partner', org: 'p-act', user: 'u-1', role: 'manager' };
const creditor: Caller = { party: 'creditor', org: 'c-act', user: 'u-2', role: 'owner' };
const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('api-actions');
});
afterAll(async () => {
  await api.stop();
});

const history = async (id: string) =>
  json(await api.call('GET', `/tasks/${id}/history`, { as: manager })).items as {
    action: string;
    version: number;
    reason?: string;
  }[];

describe('POST /tasks', () => {
  it('creates a call reminder due in business days, with history and a Task Created event', async () => {
    const response = await api.call('POST', '/tasks', {
      as: manager,
      body: { type: 'call_reminder', title: 'Call the debtor', caseId: 'case-1', dueInBusinessDays: 3 },
    });
    expect(response.status).toBe(201);
    const task = json(response);
    expect(task).toMatchObject({
      type: 'call_reminder',
      title: 'Call the debtor',
      accessLevel: 'partner',
      orgId: 'p-act',
      caseId: 'case-1',
      status: 'open',
      version: 1,
    });
    expect(task).not.toHaveProperty('scopeKey');
    expect(Date.parse(String(task.deadline))).toBeGreaterThan(Date.now() + 2 * DAY);
    expect(task.originalDeadline).toBe(task.deadline);
    expect((await history(String(task.id))).map((entry) => entry.action)).toEqual(['created']);
    const emitted = api.server.outbox.entries.filter(
      (entry) => entry.detailType === 'Task Created' && (entry.detail.task as { id: string }).id === task.id,
    );
    expect(emitted).toHaveLength(1);
  });

  it('lets a creditor create a generic task with an explicit deadline', async () => {
    const deadline = inDays(5);
    const response = await api.call('POST', '/tasks', { as: creditor, body: { title: 'Check invoice', deadline } });
    expect(response.status).toBe(201);
    expect(json(response)).toMatchObject({ type: 'generic', accessLevel: 'creditor', deadline });
  });

  it('returns the same task for a retried Idempotency-Key and refuses the key for another body', async () => {
    const body = { title: 'Book meeting with debtor', type: 'book_meeting', dueInBusinessDays: 2 };
    const headers = { 'idempotency-key': 'create-meeting-1' };
    const first = await api.call('POST', '/tasks', { as: manager, body, headers });
    const before = await api.snapshot();
    const retry = await api.call('POST', '/tasks', { as: manager, body, headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(json(retry).id).toBe(json(first).id);
    expect(await api.snapshot()).toBe(before);
    const other = await api.call('POST', '/tasks', { as: manager, body: { ...body, title: 'Other' }, headers });
    expect(other.status).toBe(409);
    expect(errorFields(other)).toEqual(['Idempotency-Key']);
    // Keys are per caller: another user's identical key is a new task.
    const colleague = await api.call('POST', '/tasks', { as: { ...manager, user: 'u-9' }, body, headers });
    expect(colleague.status).toBe(201);
    expect(json(colleague).id).not.toBe(json(first).id);
  });
});

describe('changes', () => {
  const create = async (type = 'generic', extra: Record<string, unknown> = {}) =>
    json(await api.call('POST', '/tasks', { as: manager, body: { type, title: 't', dueInBusinessDays: 5, ...extra } }));

  it('postpones: deadline moves, originalDeadline stays, reason in history', async () => {
    const task = await create();
    const deadline = inDays(20);
    const response = await api.call('POST', `/tasks/${task.id}/postpone`, {
      as: manager,
      body: { deadline, reason: 'debtor abroad' },
    });
    expect(response.status).toBe(200);
    expect(json(response)).toMatchObject({ deadline, originalDeadline: task.originalDeadline, version: 2 });
    expect((await history(String(task.id))).at(-1)).toMatchObject({ action: 'postponed', reason: 'debtor abroad' });
  });

  it('assigns and unassigns', async () => {
    const task = await create();
    const assigned = await api.call('POST', `/tasks/${task.id}/assign`, { as: manager, body: { assigneeId: 'u-7' } });
    expect(json(assigned).assigneeId).toBe('u-7');
    const unassigned = await api.call('POST', `/tasks/${task.id}/assign`, { as: manager, body: { assigneeId: null } });
    expect(json(unassigned)).toMatchObject({ assigneeId: null, version: 3 });
  });

  it('marks a manual task done once; a second time is 409', async () => {
    const task = await create();
    const done = await api.call('POST', `/tasks/${task.id}/complete`, { as: manager, body: { reason: 'sorted' } });
    expect(json(done)).toMatchObject({ status: 'completed', resolution: 'done', completedBy: 'u-1' });
    expect(
      api.server.outbox.entries.some(
        (entry) => entry.detailType === 'Task Completed' && (entry.detail.task as { id: string }).id === task.id,
      ),
    ).toBe(true);
    const again = await api.call('POST', `/tasks/${task.id}/complete`, { as: manager, body: {} });
    expect(again.status).toBe(409);
  });

  it('refuses "Mark as done" where the catalogue forbids it (409), writing nothing', async () => {
    const task = await api.plant({ type: 'review_new_case', accessLevel: 'partner', orgId: 'p-act' });
    const before = await api.snapshot();
    const response = await api.call('POST', `/tasks/${task.id}/complete`, { as: manager, body: {} });
    expect(response.status).toBe(409);
    expect(json(response).error).toMatchObject({ code: 'conflict' });
    expect(await api.snapshot()).toBe(before);
  });

  it('refuses to postpone an overdue task (409)', async () => {
    const task = await api.plant({ type: 'generic', accessLevel: 'partner', orgId: 'p-act', deadline: inDays(-1) });
    const response = await api.call('POST', `/tasks/${task.id}/postpone`, {
      as: manager,
      body: { deadline: inDays(3) },
    });
    expect(response.status).toBe(409);
  });

  it('logs calls: a reschedule keeps the reminder open, an answered call completes it', async () => {
    const task = await create('call_reminder');
    const rescheduleTo = inDays(2);
    const rescheduled = await api.call('POST', `/tasks/${task.id}/calls`, {
      as: manager,
      body: { result: 'not_answered', rescheduleTo },
    });
    expect(json(rescheduled)).toMatchObject({ status: 'open', deadline: rescheduleTo });
    const answered = await api.call('POST', `/tasks/${task.id}/calls`, {
      as: manager,
      body: { result: 'answered', note: 'promised payment' },
    });
    expect(json(answered)).toMatchObject({ status: 'completed', resolution: 'done' });
    expect((json(answered).details as { calls: unknown[] }).calls).toHaveLength(2);
  });

  it('refuses a call on a task that is not a call reminder (409)', async () => {
    const task = await create();
    expect(
      (await api.call('POST', `/tasks/${task.id}/calls`, { as: manager, body: { result: 'answered' } })).status,
    ).toBe(409);
  });

  it('a change built on a stale version fails with 409; the API then works on the new version', async () => {
    const task = await create();
    const stored = await getTask(api.db, String(task.id), true);
    if (!stored) throw new Error('task not stored');
    // Someone else saves version 2 first; a change built on version 1 must then fail.
    const change = changeTask(stored, { title: 'renamed' }, 'updated', platformActor, new Date().toISOString());
    await saveChange(api.db, change);
    await expect(
      saveChange(api.db, changeTask(stored, { title: 'late' }, 'updated', platformActor, '')),
    ).rejects.toMatchObject({
      statusCode: 409,
    });
    const response = await api.call('POST', `/tasks/${task.id}/assign`, { as: manager, body: { assigneeId: 'u-3' } });
    expect(json(response)).toMatchObject({ version: 3, title: 'renamed' });
  });
});
