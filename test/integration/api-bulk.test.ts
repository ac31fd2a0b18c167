// POST /tasks/bulk over real HTTP: per-item statuses and counts, only allowed items written, limits and duplicates refused whole.
import type { Task } from '@casetasks/core';
import { getTask, listHistory } from '@casetasks/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, type Caller, errorFields, json, startApi } from './api-client.js';

const manager: Caller = { party: 'partner', org: 'p-bulk', user: 'u-m', role: 'manager' };
const contributor: Caller = { party: 'partner', org: 'p-bulk', user: 'u-c', role: 'contributor' };
const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

interface BulkResult {
  id: string;
  action: string;
  status: string;
  task?: Record<string, unknown>;
  error?: { code: string; message: string; field?: string };
}
interface BulkBody {
  results: BulkResult[];
  counts: Record<string, number>;
}

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('api-bulk');
});
afterAll(async () => {
  await api.stop();
});

const bulk = (as: Caller, items: unknown[]) => api.call('POST', '/tasks/bulk', { as, body: { items } });

/** A manual task created through the API, so it carries a reminder plan like any real one. */
const create = async (as: Caller, extra: Record<string, unknown> = {}): Promise<string> => {
  const response = await api.call('POST', '/tasks', { as, body: { title: 'bulk', dueInBusinessDays: 5, ...extra } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return String(json(response).id);
};

const plantOpen = (assigneeId: string | null, extra: Partial<Task> = {}) =>
  api.plant({ type: 'generic', accessLevel: 'partner', orgId: 'p-bulk', assigneeId, ...extra });

const stored = async (id: string): Promise<Task> => {
  const task = await getTask(api.db, id, true);
  if (!task) throw new Error(`task ${id} not stored`);
  return task;
};

/** Version and history length: what a write would have moved. */
const footprint = async (id: string) => ({
  version: (await stored(id)).version,
  history: (await listHistory(api.db, id)).length,
});

const completedEvents = (ids: readonly string[]) =>
  api.server.outbox.entries.filter(
    (entry) => entry.detailType === 'Task Completed' && ids.includes((entry.detail.task as { id: string }).id),
  );

describe('POST /tasks/bulk: one call, each item on its own', () => {
  it('gives each item its status, counts them, and writes only the allowed ones', async () => {
    // Prepare
    const toComplete = await create(contributor);
    const toPostpone = await create(contributor);
    const othersTask = (await plantOpen('u-other')).id;
    const alreadyDone = await create(contributor);
    expect((await api.call('POST', `/tasks/${alreadyDone}/complete`, { as: contributor, body: {} })).status).toBe(200);
    const overdue = (await plantOpen('u-c', { deadline: inDays(-1) })).id;
    const toEarlier = await create(contributor, { dueInBusinessDays: 10 });
    const otherOrgs = (await api.plant({ type: 'generic', accessLevel: 'partner', orgId: 'p-else', assigneeId: 'u-c' }))
      .id;
    const refused = [othersTask, alreadyDone, overdue, toEarlier, otherOrgs];
    const before = await Promise.all(refused.map(footprint));
    // Planted tasks reach the outbox on the next sync: take them in now, so only the call's events follow.
    await api.server.outbox.sync();
    const outboxBefore = api.server.outbox.entries.length;
    const deadline = inDays(30);
    // Act
    const response = await bulk(contributor, [
      { id: toComplete, action: 'complete', reason: 'sorted in bulk' },
      { id: toPostpone, action: 'postpone', deadline, reason: 'debtor abroad' },
      { id: othersTask, action: 'complete' },
      { id: alreadyDone, action: 'complete' },
      { id: overdue, action: 'postpone', deadline },
      { id: toEarlier, action: 'postpone', deadline: inDays(2) },
      { id: otherOrgs, action: 'assign', assigneeId: 'u-c' },
    ]);
    // Assess
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const body = json(response) as unknown as BulkBody;
    expect(body.results.map(({ id, action, status }) => ({ id, action, status }))).toEqual([
      { id: toComplete, action: 'complete', status: 'applied' },
      { id: toPostpone, action: 'postpone', status: 'applied' },
      { id: othersTask, action: 'complete', status: 'forbidden' },
      { id: alreadyDone, action: 'complete', status: 'conflict' },
      { id: overdue, action: 'postpone', status: 'conflict' },
      { id: toEarlier, action: 'postpone', status: 'invalid' },
      { id: otherOrgs, action: 'assign', status: 'not_found' },
    ]);
    expect(body.counts).toEqual({ applied: 2, not_found: 1, forbidden: 1, conflict: 2, invalid: 1 });
    // What the single route would have answered, item by item.
    expect(body.results.slice(2).map((result) => result.error)).toEqual([
      { code: 'forbidden', message: 'contributors may change only tasks assigned to them' },
      { code: 'conflict', message: 'task is already completed', field: 'status' },
      { code: 'conflict', message: 'an overdue task cannot be postponed', field: 'deadline' },
      { code: 'rule_violation', message: 'deadline must be later than the current deadline', field: 'deadline' },
      { code: 'not_found', message: 'task not found' },
    ]);
    expect(body.results.slice(2).every((result) => result.task === undefined)).toBe(true);
    expect(body.results[0]?.task).toMatchObject({
      id: toComplete,
      status: 'completed',
      completedBy: 'u-c',
      version: 2,
    });
    expect(body.results[1]?.task).toMatchObject({ id: toPostpone, deadline, version: 2 });
    expect(body.results[1]?.task).not.toHaveProperty('reminder');
    expect(await Promise.all(refused.map(footprint))).toEqual(before);
    expect((await listHistory(api.db, toComplete)).at(-1)).toMatchObject({
      action: 'completed',
      reason: 'sorted in bulk',
    });
    expect((await listHistory(api.db, toPostpone)).at(-1)).toMatchObject({
      action: 'postponed',
      reason: 'debtor abroad',
    });
    const emitted = api.server.outbox.entries.slice(outboxBefore);
    expect(emitted.map((entry) => [entry.detailType, (entry.detail.task as { id: string }).id])).toEqual([
      ['Task Completed', toComplete],
    ]);
  });

  it('re-plans the reminders of a postponed item exactly like the single route', async () => {
    // Prepare
    const single = await create(manager);
    const inBulk = await create(manager);
    const planned = (await stored(inBulk)).reminder;
    const deadline = inDays(40);
    // Act
    const viaRoute = await api.call('POST', `/tasks/${single}/postpone`, { as: manager, body: { deadline } });
    const viaBulk = await bulk(manager, [{ id: inBulk, action: 'postpone', deadline }]);
    // Assess
    expect(viaRoute.status).toBe(200);
    expect((json(viaBulk) as unknown as BulkBody).counts.applied).toBe(1);
    const replanned = (await stored(inBulk)).reminder;
    expect(planned?.nextAt).toBeDefined();
    expect(Date.parse(String(replanned?.nextAt))).toBeGreaterThan(Date.parse(String(planned?.nextAt)));
    expect(Date.parse(String(replanned?.nextAt))).toBeLessThan(Date.parse(deadline));
    expect(replanned).toEqual((await stored(single)).reminder);
  });

  it('applies 100 items in one call, results in request order', async () => {
    // Prepare
    const tasks = await Promise.all(Array.from({ length: 100 }, () => plantOpen(null)));
    const items = tasks.map((task, index) => ({ id: task.id, action: 'assign', assigneeId: `u-${index}` }));
    // Act
    const response = await bulk(manager, items);
    // Assess
    expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(200);
    const body = json(response) as unknown as BulkBody;
    expect(body.counts).toEqual({ applied: 100, not_found: 0, forbidden: 0, conflict: 0, invalid: 0 });
    expect(body.results.map((result) => [result.id, result.task?.assigneeId])).toEqual(
      items.map((item) => [item.id, item.assigneeId]),
    );
    const saved = await Promise.all(tasks.map((task) => stored(task.id)));
    expect(saved.map((task) => [task.version, task.assigneeId])).toEqual(items.map((item) => [2, item.assigneeId]));
  });

  it('lets a contributor complete their own tasks in bulk, each with its Task Completed event', async () => {
    // Prepare
    const ids = [await create(contributor), await create(contributor), await create(contributor)];
    // Act
    const response = await bulk(
      contributor,
      ids.map((id) => ({ id, action: 'complete' })),
    );
    // Assess
    const body = json(response) as unknown as BulkBody;
    expect(body.counts.applied).toBe(3);
    for (const id of ids) expect(await stored(id)).toMatchObject({ status: 'completed', completedBy: 'u-c' });
    expect(completedEvents(ids)).toHaveLength(3);
  });
});

describe('POST /tasks/bulk: a malformed call is refused whole, nothing written', () => {
  it('101 items → 400 on items', async () => {
    // Prepare
    const tasks = await Promise.all(Array.from({ length: 101 }, () => plantOpen(null)));
    const before = await api.snapshot();
    // Act
    const response = await bulk(
      manager,
      tasks.map((task) => ({ id: task.id, action: 'assign', assigneeId: 'u-1' })),
    );
    // Assess
    expect(response.status).toBe(400);
    expect(errorFields(response)).toEqual(['items']);
    expect(await api.snapshot()).toBe(before);
  });

  it('no items → 400 on items', async () => {
    const response = await bulk(manager, []);
    expect(response.status).toBe(400);
    expect(errorFields(response)).toEqual(['items']);
  });

  it('the same task twice → 400 naming the second occurrence', async () => {
    // Prepare
    const [first, second] = [(await plantOpen(null)).id, (await plantOpen(null)).id];
    const before = await api.snapshot();
    // Act
    const response = await bulk(manager, [
      { id: first, action: 'assign', assigneeId: 'u-1' },
      { id: second, action: 'complete' },
      { id: first, action: 'complete' },
    ]);
    // Assess
    expect(response.status).toBe(400);
    expect(errorFields(response)).toEqual(['items.2.id']);
    expect(await api.snapshot()).toBe(before);
  });

  it('one malformed item refuses the valid ones too, naming each bad field', async () => {
    // Prepare
    const ids = [(await plantOpen(null)).id, (await plantOpen(null)).id, (await plantOpen(null)).id];
    const before = await api.snapshot();
    // Act
    const response = await bulk(manager, [
      { id: ids[0], action: 'assign', assigneeId: 'u-1' },
      { id: ids[1], action: 'delete' },
      { id: ids[2], action: 'postpone', deadline: inDays(9), assigneeId: 'u-1' },
    ]);
    // Assess
    expect(response.status).toBe(400);
    expect(errorFields(response)).toEqual(['items.1.action', 'items.2.assigneeId']);
    expect(await api.snapshot()).toBe(before);
  });
});
