// Issue 20's write cost of task context: WCU of a `Case Details Changed` per open task of the case, and what
// the case member, the details ConditionCheck and the new index entries add to a task create.
import { processPlatformEvent } from '@casetasks/app/events';
import { tasksDb } from '@casetasks/app/runtime';
import { type CaseDetails, caseDetailsStamp } from '@casetasks/core';
import { getTask, itemSize } from '@casetasks/db';
import { storedItems } from '@casetasks/db/testing';
import { ulid } from 'ulid';
import { handler as actionsHandler } from '../functions/http/task-actions.js';
import { attachCapacityMeter } from './support/capacity-meter.js';
import { check } from './support/checks.js';
import { type BenchCaller, callHttp } from './support/http-event.js';
import { attachIndexMeter } from './support/index-meter.js';

const CALLER: BenchCaller = { party: 'partner', orgId: 'p-details', userId: 'u-details', role: 'manager' };
/** The indexes issue 20 added: every open task is in the first two, a task whose case has a key in the others. */
const NEW_INDEXES = ['openByCreated', 'openByAmount', 'openByReference', 'openByDebtor'];
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export interface DetailsChangeRow {
  change: string;
  openTasks: number;
  wcu: number;
  /** Of `wcu`: what the secondary indexes consumed. */
  indexWcu: number;
  /** (wcu - a change's own writes, `changeWcu`) / open tasks: what each task's copy and re-keying cost. */
  wcuPerOpenTask: number;
}

export interface CreateRow {
  create: string;
  samples: number;
  wcu: number;
  indexWcu: number;
  /** Of `indexWcu`: the four indexes of issue 20. */
  newIndexWcu: number;
  rcu: number;
  /** The created task's stored size: past 1 KB every index copy costs 2 units per write instead of 1. */
  taskBytes: number;
}

export interface CaseDetailsWriteCost {
  /**
   * What a change writes whatever its case's open tasks (measured on a case without any): the details item,
   * its mark that every open task has them, the event's applied marker.
   */
  changeWcu: number;
  changes: DetailsChangeRow[];
  creates: CreateRow[];
}

const meters = () => ({ capacity: attachCapacityMeter(tasksDb().client), split: attachIndexMeter(tasksDb().client) });
type Meters = ReturnType<typeof meters>;

const newIndexShare = (byIndex: Record<string, number>) =>
  NEW_INDEXES.reduce((sum, name) => sum + (byIndex[name] ?? 0), 0);

const createTask = async (caseId?: string): Promise<string> => {
  const body = await callHttp<{ id: string }>(actionsHandler, CALLER, {
    routeKey: 'POST /tasks',
    path: '/tasks',
    body: { title: 'Bench', dueInBusinessDays: 5, ...(caseId ? { caseId } : {}) },
  });
  return body.id;
};

/** `samples` creates measured one by one and averaged; `caseOf(i)` is each create's case (undefined: none). */
const measureCreates = async (
  { capacity, split }: Meters,
  create: string,
  samples: number,
  caseOf: (i: number) => string | undefined,
  /** The details the created task must carry a copy of (none without a case or details). */
  details: (caseId: string | undefined) => CaseDetails | undefined = () => undefined,
): Promise<CreateRow> => {
  const sum = { wcu: 0, indexWcu: 0, newIndexWcu: 0, rcu: 0, bytes: 0 };
  for (let i = 0; i < samples; i++) {
    const caseId = caseOf(i);
    capacity.reset();
    split.reset();
    const id = await createTask(caseId);
    const used = capacity.snapshot();
    const indexes = split.snapshot();
    const task = await getTask(tasksDb(), id, true);
    check(
      task !== undefined &&
        task.caseId === (caseId ?? null) &&
        JSON.stringify(task?.caseDetails) === JSON.stringify(details(caseId)),
      `create ${create}: task ${id} stored on its case with its case's details`,
    );
    sum.bytes += itemSize(storedItems.task(task));
    sum.wcu += used.write;
    sum.rcu += used.read;
    sum.indexWcu += indexes.indexes;
    sum.newIndexWcu += newIndexShare(indexes.byIndex);
  }
  return {
    create,
    samples,
    wcu: round(sum.wcu / samples),
    indexWcu: round(sum.indexWcu / samples),
    newIndexWcu: round(sum.newIndexWcu / samples),
    rcu: round(sum.rcu / samples),
    taskBytes: Math.round(sum.bytes / samples),
  };
};

const detailsAt = (n: number, version: number): CaseDetails => ({
  reference: `WC-${n}`,
  debtorName: version === 1 ? 'Søren Kierkegaard' : 'Søren Kierkegaard ApS',
  currency: 'DKK',
  outstandingAmount: 100_000 * version + n,
  overdueAmount: 50_000 * version,
  invoiceCount: version,
});

/** Sends one `Case Details Changed` and checks every open task of the case took its copy of the details. */
const changeDetails = async (
  { capacity, split }: Meters,
  caseId: string,
  taskIds: readonly string[],
  details: CaseDetails,
  time: string,
) => {
  const id = ulid();
  capacity.reset();
  split.reset();
  await processPlatformEvent({
    id,
    source: 'platform',
    'detail-type': 'Case Details Changed',
    time,
    detail: { caseId, caseDetails: details },
  });
  const used = capacity.snapshot();
  const indexes = split.snapshot();
  const expected = JSON.stringify({ details, stamp: caseDetailsStamp(time, id) });
  for (const taskId of taskIds) {
    const task = await getTask(tasksDb(), taskId, true);
    const copy = JSON.stringify({ details: task?.caseDetails, stamp: task?.caseDetailsStamp });
    check(copy === expected, `case ${caseId}: task ${taskId} holds the new details and stamp (${copy})`);
  }
  return { wcu: used.write, indexWcu: indexes.indexes };
};

/**
 * For cases with 1, 3 and 10 open tasks (created through POST /tasks, so each has its case member): the
 * first details (keys from none: the task enters openByReference and openByDebtor and moves in openByAmount)
 * and a later change (new amount and debtor name: both keys move). Then creates with no case, on a case
 * without details, and on a case with details. Capacity from ReturnConsumedCapacity on the service's client.
 */
export const caseDetailsWriteCost = async (createSamples: number): Promise<CaseDetailsWriteCost> => {
  const measuring = meters();
  const changes: DetailsChangeRow[] = [];
  const start = Date.parse('2026-11-02T08:00:00.000Z');
  const withDetails = `wc-details-${ulid().slice(-6).toLowerCase()}`;
  const { wcu: changeWcu } = await changeDetails(
    measuring,
    withDetails,
    [],
    detailsAt(0, 1),
    new Date(start).toISOString(),
  );
  for (const openTasks of [1, 3, 10]) {
    const caseId = `wc-${openTasks}-${ulid().slice(-6).toLowerCase()}`;
    const taskIds: string[] = [];
    for (let i = 0; i < openTasks; i++) taskIds.push(await createTask(caseId));
    for (const [version, change] of [
      [1, 'first details'],
      [2, 'amount and debtor changed'],
    ] as const) {
      const time = new Date(start + version * 3_600_000).toISOString();
      const { wcu, indexWcu } = await changeDetails(measuring, caseId, taskIds, detailsAt(openTasks, version), time);
      changes.push({ change, openTasks, wcu, indexWcu, wcuPerOpenTask: round((wcu - changeWcu) / openTasks) });
    }
  }
  const creates = [
    await measureCreates(measuring, 'no case', createSamples, () => undefined),
    await measureCreates(measuring, 'case without details', createSamples, (i) => `wc-none-${i}-${ulid().slice(-6)}`),
    await measureCreates(
      measuring,
      'case with details',
      createSamples,
      () => withDetails,
      () => detailsAt(0, 1),
    ),
  ];
  return { changeWcu, changes, creates };
};
