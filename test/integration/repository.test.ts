import { closeTask, creationEntry, newTask, platformActor, postponeTask, type Task } from '@casetasks/core';
import {
  createTask,
  DuplicateEventError,
  getScope,
  getTask,
  idealQueryRcu,
  listHistory,
  planTaskList,
  queryTasks,
  ScopeTakenError,
  saveChange,
  VersionConflictError,
} from '@casetasks/db';
import { queryIndex, storedItems } from '@casetasks/db/testing';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, type TestTable } from '../support/table.js';

let table: TestTable;
beforeAll(async () => {
  table = await createTestTable('repo');
});
afterAll(async () => table.drop());

const user = { kind: 'user', id: 'u-1' } as const;
const aTask = (patch: Partial<Parameters<typeof newTask>[0]> = {}): Task =>
  newTask({
    id: ulid(),
    type: 'review_new_case',
    party: 'partner',
    orgId: 'p-repo',
    scopeKey: `case#${ulid()}`,
    caseId: 'c-1',
    createdAt: '2026-11-20T10:00:00.000Z',
    deadline: '2026-11-24T10:00:00.000Z',
    ...patch,
  });
const create = (task: Task, eventId?: string) =>
  createTask(table.db, task, creationEntry(task, platformActor, eventId), {
    ...(eventId ? { marker: { eventId, step: 'create' } } : {}),
  });

describe('idempotent create', () => {
  it('a second create of the same scope changes nothing', async () => {
    const first = aTask({ scopeKey: 'case#dup' });
    await create(first);
    const second = aTask({ scopeKey: 'case#dup' });
    await expect(create(second)).rejects.toBeInstanceOf(ScopeTakenError);
    expect(await getTask(table.db, second.id)).toBeUndefined();
    expect(
      (await getScope(table.db, { type: first.type, party: 'partner', orgId: 'p-repo', scopeKey: 'case#dup' }))
        ?.openTaskId,
    ).toBe(first.id);
  });

  it('a duplicate event marker changes nothing, even for another scope', async () => {
    await create(aTask(), 'evt-1');
    const again = aTask();
    await expect(create(again, 'evt-1')).rejects.toBeInstanceOf(DuplicateEventError);
    expect(await getTask(table.db, again.id)).toBeUndefined();
  });

  it('a scope closed by a later event is not reopened by an older creating event', async () => {
    const task = aTask({ scopeKey: 'case#closed-first' });
    await create(task);
    const closed = closeTask(task, 'auto', platformActor, '2026-11-21T09:00:00.000Z');
    await saveChange(table.db, closed);
    // The scope is free again: a newer creation opens a new task.
    const newer = aTask({ scopeKey: 'case#closed-first', createdAt: '2026-11-22T10:00:00.000Z' });
    await create(newer);
    expect((await getTask(table.db, newer.id))?.status).toBe('open');
  });
});

describe('optimistic locking and history', () => {
  it('two conflicting concurrent updates: exactly one applies', async () => {
    const task = await create(aTask());
    const now = '2026-11-21T10:00:00.000Z';
    const results = await Promise.allSettled([
      saveChange(table.db, postponeTask(task, '2026-11-26T10:00:00.000Z', user, now)),
      saveChange(table.db, postponeTask(task, '2026-11-27T10:00:00.000Z', user, now)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(VersionConflictError);
    const stored = await getTask(table.db, task.id, true);
    expect(stored?.version).toBe(2);
    expect(await listHistory(table.db, task.id)).toHaveLength(2);
  });

  it('history has one entry per change, in order', async () => {
    let task = await create(aTask({ type: 'generic', scopeKey: 'none' }));
    const now = '2026-11-21T10:00:00.000Z';
    task = await saveChange(table.db, postponeTask(task, '2026-11-26T10:00:00.000Z', user, now, 'more time'));
    task = await saveChange(table.db, closeTask(task, 'done', user, now));
    const history = await listHistory(table.db, task.id);
    expect(history.map((entry) => [entry.version, entry.action])).toEqual([
      [1, 'created'],
      [2, 'postponed'],
      [3, 'completed'],
    ]);
    expect(history[1]?.reason).toBe('more time');
  });

  it('completion removes the task from the open indexes (sparse keys)', async () => {
    const task = await create(aTask({ orgId: 'p-sparse' }));
    const item = storedItems.task(task);
    expect(item.g1pk).toBe('partner#p-sparse#open');
    const done = await saveChange(table.db, closeTask(task, 'auto', platformActor, '2026-11-21T10:00:00.000Z'));
    const doneItem = storedItems.task(done);
    expect(doneItem.g1pk).toBeUndefined();
    expect(doneItem.g4pk).toBe('partner#p-sparse#completed');
    const open = await queryTasks(table.db, planTaskList({ party: 'partner', orgId: 'p-sparse', status: 'open' }));
    expect(open.items).toHaveLength(0);
  });
});

describe('list capacity', () => {
  it('a page of 25 open tasks costs what reading exactly those 25 items costs; completed tasks are not read', async () => {
    const org = 'p-capacity';
    const tasks = Array.from({ length: 40 }, (_, i) =>
      aTask({ orgId: org, deadline: new Date(Date.UTC(2026, 11, 1, 0, i)).toISOString() }),
    );
    for (const task of tasks) await create(task);
    // Complete 15 of them: they must not be read by the open list.
    for (const task of tasks.slice(0, 15)) {
      await saveChange(table.db, closeTask(task, 'auto', platformActor, '2026-11-21T10:00:00.000Z'));
    }
    const page = await queryIndex(table.db, {
      ...planTaskList({ party: 'partner', orgId: org, status: 'open' }),
      limit: 25,
    });
    expect(page.items).toHaveLength(25);
    expect(page.items.every((item) => item.status === 'open')).toBe(true);
    // Not a trivial minimum: 25 items of ~1 KB span several 4 KB read units.
    expect(idealQueryRcu(page.items)).toBeGreaterThan(2);
    expect(page.consumed?.CapacityUnits).toBe(idealQueryRcu(page.items));
  });
});
