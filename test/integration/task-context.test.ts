// Task context (issue 20): case details from platform events shown on every task of the case (list, detail,
// export), kept current on a change (open tasks re-keyed, completed ones read the case), in any delivery order,
// and the two races a details change can meet: a task create in flight (retried) and a task change (a conflict).
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { processPlatformEvent } from '@casetasks/app/events';
import {
  type CaseDetails,
  caseDetailsStamp,
  changeTask,
  creationEntry,
  newTask,
  platformActor,
  type Task,
} from '@casetasks/core';
import { createTask, type Db, getTask, saveCaseDetails, saveChange, VersionConflictError } from '@casetasks/db';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, type Caller, json, startApi } from './api-client.js';
import { calendar, platformEvent } from './events-helpers.js';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('task-context');
});
afterAll(async () => api.stop());

const n = () => ulid().slice(-8).toLowerCase();
const manager = (org: string): Caller => ({ party: 'partner', org, user: 'u-1', role: 'manager' });
/** Event times an hour ago and later, one minute apart: inside the event clock's window. */
const base = Date.now() - 3_600_000;
const at = (minute: number) => new Date(base + minute * 60_000).toISOString();

const send = (detailType: string, detail: Record<string, unknown>, time: string, id = ulid()) =>
  processPlatformEvent(platformEvent(detailType, detail, time, id), { db: api.db, calendar, now: new Date() });

const submitCase = (partner: string, caseId: string, caseDetails: CaseDetails, time = at(0)) =>
  send(
    'Case Submitted',
    {
      caseId,
      caseDetails,
      creditorOrgId: `cr-${n()}`,
      partnerOrgId: partner,
      hasBankAccount: true,
      contractSigned: true,
      requiresQuote: false,
    },
    time,
  );
const changeDetails = (caseId: string, caseDetails: CaseDetails, time: string, id = ulid()) =>
  send('Case Details Changed', { caseId, caseDetails }, time, id);

const list = async (org: string, query = 'status=open') => {
  const response = await api.call('GET', `/tasks?${query}`, { as: manager(org) });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return json(response).items as Record<string, unknown>[];
};
const createOnCase = async (org: string, caseId: string, title: string) => {
  const response = await api.call('POST', '/tasks', {
    as: manager(org),
    body: { title, caseId, dueInBusinessDays: 3 },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return String(json(response).id);
};
const memberItem = async (caseId: string, taskId: string) =>
  (
    await api.db.client.send(
      new GetCommand({
        TableName: api.db.tableName,
        Key: { pk: `casedetails#${caseId}`, sk: `open#${taskId}` },
        ConsistentRead: true,
      }),
    )
  ).Item;
/** The stored task item as it is, index keys included. */
const taskItem = async (taskId: string) =>
  (
    await api.db.client.send(
      new GetCommand({ TableName: api.db.tableName, Key: { pk: `task#${taskId}`, sk: 'task' }, ConsistentRead: true }),
    )
  ).Item;
/** The stamp of details sent at `minute` (any event id). */
const stampAt = (minute: number) => new RegExp(`^${at(minute).replace(/[.]/g, '\\.')}#`);
const stored = async (taskId: string): Promise<Task> => {
  const task = await getTask(api.db, taskId, true);
  if (!task) throw new Error(`task ${taskId} not stored`);
  return task;
};

const first: CaseDetails = {
  reference: 'INV-2026-0042',
  debtorName: 'Jørgensen-Müller ApS',
  currency: 'DKK',
  outstandingAmount: 10_000,
  overdueAmount: 2_500,
  invoiceCount: 3,
};
const second: CaseDetails = {
  reference: 'INV-2026-0042',
  debtorName: 'Østergaard Holding',
  currency: 'DKK',
  outstandingAmount: 900_000,
  overdueAmount: 400_000,
  invoiceCount: 7,
};

describe('case details on tasks', () => {
  it('shows the details of Case Submitted on the case’s tasks: list, detail and export', async () => {
    // Prepare
    const org = `p-${n()}`;
    const caseId = `c-${n()}`;
    await submitCase(org, caseId, first);
    const manual = await createOnCase(org, caseId, 'Call the debtor');
    // Act
    const items = await list(org);
    const detail = await api.call('GET', `/tasks/${manual}`, { as: manager(org) });
    const csv = await api.call('GET', '/tasks/export', { as: manager(org) });
    // Assess
    expect(items.map((task) => task.type).sort()).toEqual(['generic', 'review_new_case']);
    for (const task of items) expect(task.caseDetails).toEqual(first);
    expect(items[0]).not.toHaveProperty('caseDetailsStamp');
    expect(json(detail).caseDetails).toEqual(first);
    const lines = String(csv.body).split('\r\n');
    expect(lines[0]).toMatch(/,caseReference,debtorName,currency,outstandingAmount,overdueAmount,invoiceCount$/);
    expect(lines.filter((line) => line.endsWith(',INV-2026-0042,Jørgensen-Müller ApS,DKK,10000,2500,3'))).toHaveLength(
      2,
    );
  });

  it('a change reaches every task of the case: open ones re-keyed, completed ones read the case', async () => {
    // Prepare: the case at 10,000 and a richer one at 500,000; one task of the case completed
    const org = `p-${n()}`;
    const caseId = `c-${n()}`;
    const richer = `c-${n()}`;
    await submitCase(org, caseId, first);
    await submitCase(org, richer, { ...first, reference: 'OTHER-1', debtorName: 'Hansen', outstandingAmount: 500_000 });
    const open = await createOnCase(org, caseId, 'Open one');
    const done = await createOnCase(org, caseId, 'Done one');
    expect((await api.call('POST', `/tasks/${done}/complete`, { as: manager(org), body: {} })).status).toBe(200);
    const caseOf = (items: Record<string, unknown>[]) => items.map((task) => task.caseId);
    const before = await list(org, 'sort=-amount');
    // Act
    const outcome = await changeDetails(caseId, second, at(5));
    // Assess
    expect(outcome.effects).toContainEqual(expect.objectContaining({ action: 'recorded' }));
    expect(caseOf(before)).toEqual([richer, caseId, caseId]);
    const after = await list(org, 'sort=-amount');
    expect(caseOf(after)).toEqual([caseId, caseId, richer]);
    for (const task of after.filter((t) => t.caseId === caseId)) expect(task.caseDetails).toEqual(second);
    const completed = await list(org, 'status=completed');
    expect(completed.map((task) => [task.id, task.caseDetails])).toEqual([[done, second]]);
    expect(json(await api.call('GET', `/tasks/${done}`, { as: manager(org) })).caseDetails).toEqual(second);
    expect((await list(org, 'q=ostergaard')).map((task) => task.caseId)).toEqual([caseId, caseId]);
    expect(await list(org, 'q=jorgensen')).toEqual([]);
    // The completed task left the members when it completed; the open one is still one.
    expect(await memberItem(caseId, done)).toBeUndefined();
    expect(await memberItem(caseId, open)).toEqual(expect.objectContaining({ taskId: open, kind: 'case-member' }));
    const openTask = await stored(open);
    expect(openTask.caseDetails).toEqual(second);
    expect(openTask.caseDetailsStamp).toMatch(stampAt(5));
    expect(await taskItem(open)).toMatchObject({
      g13sk: `${'900000'.padStart(16, '0')}#${open}`,
      g14sk: `inv 2026 0042#${open}`,
      g15sk: `ostergaard holding#${open}`,
    });
    // The completed task keeps the copy it had when it closed (its view reads the case instead).
    const doneTask = await stored(done);
    expect(doneTask.caseDetails).toEqual(first);
    expect(doneTask.caseDetailsStamp).toMatch(stampAt(0));
  });

  it('an older details event after a newer one changes nothing; the same event twice changes nothing', async () => {
    // Prepare
    const org = `p-${n()}`;
    const caseId = `c-${n()}`;
    await submitCase(org, caseId, first, at(0));
    const newer = ulid();
    await changeDetails(caseId, second, at(10), newer);
    const snapshot = await api.snapshot();
    const views = await list(org);
    // Act
    const older = await changeDetails(caseId, { ...first, debtorName: 'Stale Name' }, at(5));
    const afterOlder = await api.snapshot();
    const again = await changeDetails(caseId, second, at(10), newer);
    // Assess
    expect(older.effects).toContainEqual(expect.objectContaining({ action: 'ignored' }));
    expect(await list(org)).toEqual(views);
    expect(views.map((task) => task.caseDetails)).toEqual([second]);
    expect(await list(org, 'q=stale')).toEqual([]);
    // The older event leaves at most its own processed marker; the repeat leaves nothing at all.
    const changedItems = (a: string, b: string) => {
      const left = new Set(JSON.parse(a) as string[]);
      return (JSON.parse(b) as string[]).filter((item) => !left.has(item));
    };
    expect(changedItems(snapshot, afterOlder).every((item) => !/"pk":"(task|casedetails)#/.test(item))).toBe(true);
    expect(await api.snapshot()).toBe(afterOlder);
    expect(again.effects).not.toContainEqual(expect.objectContaining({ action: 'recorded' }));
  });

  it('a Case Submitted older than the stored details opens its task with the newer ones', async () => {
    // Prepare: the change is delivered first, the submission (earlier by its time) after it
    const org = `p-${n()}`;
    const caseId = `c-${n()}`;
    await changeDetails(caseId, second, at(8));
    // Act
    await submitCase(org, caseId, first, at(2));
    // Assess
    const [review] = await list(org);
    expect(review).toMatchObject({ type: 'review_new_case', caseDetails: second });
    const reviewTask = await stored(String(review?.id));
    expect(reviewTask.caseDetails).toEqual(second);
    expect(reviewTask.caseDetailsStamp).toMatch(stampAt(8));
    expect((await taskItem(String(review?.id)))?.g15sk).toBe(`ostergaard holding#${review?.id}`);
    expect(await list(org, 'q=jorgensen')).toEqual([]);
  });

  it('a task created after a change takes the new keys', async () => {
    // Prepare
    const org = `p-${n()}`;
    const caseId = `c-${n()}`;
    await submitCase(org, caseId, first);
    await changeDetails(caseId, second, at(3));
    // Act
    const later = await createOnCase(org, caseId, 'Created later');
    // Assess
    const laterTask = await stored(later);
    expect(laterTask.caseDetails).toEqual(second);
    expect(laterTask.caseDetailsStamp).toMatch(stampAt(3));
    expect((await taskItem(later))?.g15sk).toBe(`ostergaard holding#${later}`);
    expect((await list(org, 'q=oster')).map((task) => task.id)).toContain(later);
  });
});

describe('races with a details change', () => {
  /** A Db whose next transaction first lets `meanwhile` run: the change lands between read and commit. */
  const racingDb = (meanwhile: () => Promise<unknown>) => {
    let transactions = 0;
    let raced = false;
    const send = (async (command: unknown) => {
      if (command instanceof TransactWriteCommand) {
        transactions++;
        if (!raced) {
          raced = true;
          await meanwhile();
        }
      }
      return api.db.client.send(command as never);
    }) as Db['client']['send'];
    const db: Db = { ...api.db, client: { ...api.db.client, send } as Db['client'] };
    return { db, attempts: () => transactions, raced: () => raced };
  };

  it('a create whose keys went stale before its commit retries and ends with the new keys', async () => {
    // Prepare: the case has details; the create reads them, then a change commits before the create does
    const org = `p-${n()}`;
    const caseId = `c-${n()}`;
    await saveCaseDetails(api.db, caseId, first, caseDetailsStamp(at(0), ulid()));
    const newStamp = caseDetailsStamp(at(1), ulid());
    const race = racingDb(() => saveCaseDetails(api.db, caseId, second, newStamp));
    const now = new Date().toISOString();
    const task = newTask({
      id: ulid(),
      type: 'generic',
      party: 'partner',
      orgId: org,
      scopeKey: ulid(),
      createdAt: now,
      deadline: at(24 * 60 * 3),
      caseId,
      assigneeId: null,
    });
    // Act
    const created = await createTask(race.db, task, creationEntry(task, platformActor), { now: new Date(now) });
    // Assess: the first commit failed on the details stamp, the second carried the new keys
    expect(race.raced()).toBe(true);
    expect(race.attempts()).toBe(2);
    expect(created).toMatchObject({ caseDetails: second, caseDetailsStamp: newStamp });
    expect(await stored(task.id)).toMatchObject({ caseDetails: second, caseDetailsStamp: newStamp });
    expect((await taskItem(task.id))?.g15sk).toBe(`ostergaard holding#${task.id}`);
    expect(await memberItem(caseId, task.id)).toMatchObject({ taskId: task.id });
    expect((await list(org, 'q=ostergaard')).map((t) => t.id)).toEqual([task.id]);
  });

  it('a task change built on a read before a details change fails with VersionConflictError', async () => {
    // Prepare: a task of the case read, then the case's details change
    const org = `p-${n()}`;
    const caseId = `c-${n()}`;
    await submitCase(org, caseId, first);
    const [item] = await list(org);
    const before = await stored(String(item?.id));
    await changeDetails(caseId, second, at(7));
    const change = changeTask(before, { title: 'renamed' }, 'updated', platformActor, new Date().toISOString());
    // Act
    const attempt = saveChange(api.db, change);
    // Assess: the conflict is observed, and the task kept its new keys and its title
    await expect(attempt).rejects.toBeInstanceOf(VersionConflictError);
    const after = await stored(before.id);
    expect(after.version).toBe(before.version);
    expect(after.title).toBe(before.title);
    expect(after).toMatchObject({ caseDetails: second, caseDetailsStamp: expect.stringMatching(stampAt(7)) });
    expect(before).toMatchObject({ caseDetails: first, caseDetailsStamp: expect.stringMatching(stampAt(0)) });
  });
});
