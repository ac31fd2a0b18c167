// Poisoned stored items (planted with a raw PutItem, as an older writer or a hand edit could leave them)
// are skipped, logged by key and counted: lists, task routes and jobs serve everything else.
import { Metrics } from '@aws-lambda-powertools/metrics';
import { offlineJudge } from '@casetasks/ai';
import {
  runChatCleanup,
  runDeadlineReminders as runReminders,
  runMonthlySurveys as runSurveys,
} from '@casetasks/app/jobs';
import { CORRUPT_ITEMS_METRIC, logger } from '@casetasks/app/runtime';
import {
  creationEntry,
  defaultPolicy,
  newTask,
  platformActor,
  scheduleReminder,
  type Task,
  utcCalendar,
} from '@casetasks/core';
import { type CorruptItem, createTask, listOutboxSince } from '@casetasks/db';
import { plantedItems, plantItem, storedItems } from '@casetasks/db/testing';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ApiHarness, type Caller, json, startApi } from './api-client.js';
import { deps, NIGHT, NOW, OVERDUE, seedChatTask } from './chat-cleanup-fixtures.js';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('corrupt-items');
});
afterAll(async () => api.stop());

const YEAR_10000 = '+010000-01-01T00:00:00.000Z';
const created = '2026-11-23T10:00:00.000Z'; // Monday
const remindAt = '2026-11-25T10:00:00.000Z'; // deadline − 3 BD: the approaching reminder is due

const put = (item: Record<string, unknown>) => plantItem(api.db, item);

/**
 * A good partner task, written through the repository; with the default deadline its approaching reminder is due at
 * `remindAt`, so the hourly job's run at `remindAt` counts it.
 */
const goodTask = async (orgId: string, caseId: string, deadline = '2026-11-30T10:00:00.000Z'): Promise<Task> => {
  const task = scheduleReminder(
    defaultPolicy(utcCalendar),
    newTask({
      id: ulid(),
      type: 'update_case_status',
      party: 'partner',
      orgId,
      scopeKey: `case#${caseId}`,
      caseId,
      createdAt: created,
      deadline,
    }),
  );
  await createTask(api.db, task, creationEntry(task, platformActor));
  return task;
};

/** Listed where the old toTaskItem listed an open partner review task, with the instants as given. */
const oldListing = (orgId: string, caseId: string, at: { deadline: string; nextAt: string }) => ({
  open: { party: 'partner' as const, orgId, tab: 'new-cases', caseId, deadline: at.deadline },
  reminderAt: at.nextAt,
});

/** A review task whose deadline (and reminder) is in year 10000: valid JSON, but not a task this service reads. */
const plantYear10000Task = async (orgId: string, caseId: string): Promise<Task> => {
  const task: Task = {
    ...newTask({
      id: ulid(),
      type: 'review_new_case',
      party: 'partner',
      orgId,
      scopeKey: `case#${caseId}#review`,
      caseId,
      createdAt: created,
      deadline: YEAR_10000,
    }),
    reminder: { stage: 'overdue', nextAt: YEAR_10000 },
  };
  await put(
    plantedItems.task(
      task.id,
      { kind: 'task', ...task },
      oldListing(orgId, caseId, { deadline: YEAR_10000, nextAt: YEAR_10000 }),
    ),
  );
  return task;
};

/** A task item without title, type, deadlines or version, in every index of the org and due for a reminder. */
const plantHollowTask = async (orgId: string, caseId: string): Promise<string> => {
  const id = ulid();
  const listing = oldListing(orgId, caseId, { deadline: '2026-11-26T10:00:00.000Z', nextAt: created });
  await put(plantedItems.task(id, { kind: 'task', id, accessLevel: 'partner', orgId }, listing));
  return id;
};

const ids = (items: unknown): string[] =>
  (items as { id?: string; taskId?: string }[]).map((i) => i.id ?? i.taskId ?? '');

describe('stored items that no longer parse', () => {
  const orgA = `p-${ulid()}`;
  const orgB = `p-${ulid()}`;
  const caseA = `c-${ulid()}`;
  const caller: Caller = { party: 'partner', org: orgA, user: 'u-1', role: 'manager' };
  let good: Task;
  let other: Task;
  let year10000: Task;
  let hollow: string;

  beforeAll(async () => {
    good = await goodTask(orgA, caseA);
    other = await goodTask(orgB, `c-${ulid()}`);
    year10000 = await plantYear10000Task(orgA, caseA);
    hollow = await plantHollowTask(orgA, caseA);
  });

  it('cannot be written again: the encoder refuses the year-10000 deadline', () => {
    // Act / Assess
    expect(() => storedItems.task(year10000)).toThrow(expect.objectContaining({ name: 'InstantOutOfRangeError' }));
  });

  it('are left out of the lists, action items and SLA score, which serve the rest', async () => {
    // Act
    const list = await api.call('GET', '/tasks', { as: caller });
    const tab = await api.call('GET', '/tasks?tab=new-cases', { as: caller });
    const onCase = await api.call('GET', `/tasks?caseId=${caseA}`, { as: caller });
    const actionItems = await api.call('GET', `/cases/${caseA}/action-items`, { as: caller });
    const summary = await api.call('GET', '/tasks/summary', { as: caller });
    const score = await api.call('GET', '/sla/score?from=2026-11-01&to=2026-12-31&lines=true', { as: caller });

    // Assess
    expect(list.status).toBe(200);
    expect(ids(json(list).items)).toEqual([good.id]);
    expect(tab.status).toBe(200);
    expect(json(tab).items).toEqual([]);
    expect(ids(json(onCase).items)).toEqual([good.id]);
    expect(actionItems.status).toBe(200);
    const { overdue, upcoming } = json(actionItems) as { overdue: unknown[]; upcoming: unknown[] };
    expect(ids([...overdue, ...upcoming])).toEqual([good.id]);
    expect(summary.status).toBe(200);
    expect(score.status).toBe(200);
  });

  it('a list page that holds only an unreadable item is short, and its cursor continues to the rest', async () => {
    // Act: the year-10000 key sorts first (`+` before every digit), so it fills the first page of one.
    const first = await api.call('GET', '/tasks?limit=1', { as: caller });
    const cursor = json(first).nextCursor as string;
    const rest = await api.call('GET', `/tasks?limit=25&cursor=${encodeURIComponent(cursor)}`, { as: caller });

    // Assess
    expect(first.status).toBe(200);
    expect(json(first).items).toEqual([]);
    expect(ids(json(rest).items)).toEqual([good.id]);
  });

  it('the good task and its readable history are served; an unreadable task is 404 like a missing one', async () => {
    // Prepare: a task of its own org (the lists above stay orgA's), due after every reminder run here (so no run
    // adds to its history), with an audit entry that no longer parses (unknown action, version not a number).
    const own: Caller = { ...caller, org: `p-${ulid()}` };
    const readable = await goodTask(own.org, `c-${ulid()}`, '2026-12-31T10:00:00.000Z');
    await put(plantedItems.history(readable.id, 99, { kind: 'history', taskId: readable.id, action: 'exploded' }));

    // Act
    const detail = await api.call('GET', `/tasks/${readable.id}`, { as: own });
    const history = await api.call('GET', `/tasks/${readable.id}/history`, { as: own });
    const poisoned = await api.call('GET', `/tasks/${year10000.id}`, { as: caller });
    const hollowDetail = await api.call('GET', `/tasks/${hollow}/history`, { as: caller });

    // Assess
    expect(detail.status).toBe(200);
    expect(json(detail).id).toBe(readable.id);
    expect(history.status).toBe(200);
    expect((json(history).items as { action: string }[]).map((entry) => entry.action)).toEqual(['created']);
    expect(poisoned.status).toBe(404);
    expect(json(poisoned)).toEqual({ error: { code: 'not_found', message: 'task not found' } });
    expect(hollowDetail.status).toBe(404);
  });

  it('the hourly reminder job serves every other org, reports the skipped items, logs their keys and counts them', async () => {
    // Prepare
    const errors = vi.spyOn(logger, 'error');
    const metric = vi.spyOn(Metrics.prototype, 'addMetric');

    // Act
    const summary = await runReminders({ now: remindAt });

    // Assess
    expect(summary.counts).toMatchObject({ approaching: 2, corrupt: 2 });
    expect(summary.counts.failed).toBeUndefined();
    const approaching = (await listOutboxSince(api.db, '0'))
      .filter((entry) => entry.detailType === 'Task Deadline Approaching')
      .map((entry) => (entry.detail.task as Task).id);
    expect(approaching).toEqual(expect.arrayContaining([good.id, other.id]));
    const logged = errors.mock.calls.filter(([message]) => message === 'corrupt item skipped').map(([, item]) => item);
    expect(logged).toContainEqual(expect.objectContaining({ pk: `task#${year10000.id}`, sk: 'task', kind: 'task' }));
    expect(logged).toContainEqual(expect.objectContaining({ pk: `task#${hollow}`, sk: 'task' }));
    // The key and the reason only: nothing of the item's content is logged.
    for (const item of logged) expect(Object.keys(item as object).sort()).toEqual(['kind', 'pk', 'reason', 'sk']);
    expect(metric).toHaveBeenCalledWith(CORRUPT_ITEMS_METRIC, 'Count', 1);
    errors.mockRestore();
    metric.mockRestore();
  });

  it('a checkpoint whose position no longer parses is reported, and the run starts over instead of failing', async () => {
    // Prepare: the unfinished checkpoint of the 09:00 run, as a broken writer left it. An hour before `remindAt`,
    // so this run leaves the good tasks' reminders to the 10:00 run of the test above, whichever runs first.
    const at = '2026-11-25T09:00:00.000Z';
    await put(
      plantedItems.checkpoint('deadline-reminders', at.slice(0, 13), {
        kind: 'checkpoint',
        position: '{broken',
        done: false,
      }),
    );
    const errors = vi.spyOn(logger, 'error');

    // Act
    const summary = await runReminders({ now: at });

    // Assess
    expect(summary.counts.corrupt).toBe(2);
    expect(errors).toHaveBeenCalledWith(
      'corrupt item skipped',
      expect.objectContaining({ pk: 'job#deadline-reminders', sk: at.slice(0, 13) }),
    );
    errors.mockRestore();
  });

  it('the daily survey job skips an unreadable case state and surveys the others', async () => {
    // Prepare
    const partner = `p-${ulid()}`;
    const due = { caseId: `c-${ulid()}`, partnerOrgId: partner, status: 'active' as const, version: 1 };
    await put(storedItems.caseState({ ...due, nextSurveyAt: '2026-11-20T08:00:00.000Z' }));
    const broken = `c-${ulid()}`;
    await put(
      plantedItems.caseState(broken, { kind: 'case', status: 'dormant', version: -1 }, '2026-11-19T08:00:00.000Z'),
    );

    // Act
    const summary = await runSurveys({ now: '2026-11-23T03:00:00.000Z' });

    // Assess
    expect(summary.counts).toMatchObject({ created: 1, corrupt: 1 });
  });

  it('the nightly chat cleanup judges the other chat tasks past an unreadable task and an unreadable position', async () => {
    // Prepare: the creditor run of the night was left with a broken position, and one of its tasks is hollow.
    await seedChatTask(api.db, { party: 'creditor', texts: ['Thanks, noted.'], orgId: `cr-${ulid()}` });
    const id = ulid();
    await put(plantedItems.task(id, { kind: 'task', id }, { chat: { party: 'creditor', deadline: OVERDUE } }));
    const runKey = `${NIGHT}#creditor`;
    await put(
      plantedItems.checkpoint('chat-cleanup', runKey, {
        kind: 'checkpoint',
        position: '{broken',
        counts: {},
        done: false,
      }),
    );
    const reported: CorruptItem[] = [];
    const db = { ...api.db, onCorruptItem: (item: CorruptItem) => reported.push(item) };

    // Act
    const summary = await runChatCleanup({ now: NOW }, deps(db, offlineJudge));

    // Assess
    expect(summary.parties).toMatchObject({ creditor: { state: 'done', evaluated: 1, failed: 0 } });
    expect(summary.counts.evaluated).toBe(1);
    expect(reported.map((item) => [item.pk, item.sk])).toEqual([
      ['job#chat-cleanup', runKey],
      [`task#${id}`, 'task'],
    ]);
  });
});
