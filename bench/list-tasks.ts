// GET /tasks benchmarks: handler vs bare Query latency, RCU per page vs the ideal, and p50 at 1 000 vs 100 000 tasks.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { tasksDb } from '@casetasks/app/runtime';
import { closeTask, newTask, type Party, platformActor, type Task, type TaskType } from '@casetasks/core';
import { type Db, idealQueryRcu, planTaskList, queryTasks, type TaskListFilter } from '@casetasks/db';
import { indexQueryInput, storedItems } from '@casetasks/db/testing';
import { ulid } from 'ulid';
import { handler } from '../functions/http/list-tasks.js';
import { attachCapacityMeter } from './support/capacity-meter.js';
import { type BenchCaller, callHttp } from './support/http-event.js';
import { type BenchDatabase, type BenchTable, progress, secondsSince, seedItems } from './support/local-table.js';
import { interleaved, percentile } from './support/stats.js';

/** The organisation whose pages are measured; every other organisation only adds items to the table. */
const MEASURED = { party: 'partner' as const satisfies Party, orgId: 'p-measured', userId: 'u-measured' };
const MEASURED_TASKS = 200;
const PAGE = 25;
const partnerTypes: TaskType[] = ['review_new_case', 'update_case_status', 'provide_quote', 'new_message'];
const DAY = 86_400_000;
const EPOCH = Date.parse('2026-11-02T09:00:00.000Z');

/**
 * Task items of one organisation: mixed types, a third assigned to `assignee`, one in five completed.
 * Deadlines spread over 60 days so pages are real ranges of the deadline index.
 */
const orgTaskItems = (orgId: string, count: number, assignee: string): Record<string, unknown>[] =>
  Array.from({ length: count }, (_, i) => {
    const createdAt = new Date(EPOCH + (i % 30) * DAY).toISOString();
    const task: Task = newTask({
      id: ulid(),
      type: partnerTypes[i % partnerTypes.length] as TaskType,
      party: 'partner',
      orgId,
      scopeKey: `case#${orgId}-c-${i}`,
      caseId: `${orgId}-c-${i}`,
      createdAt,
      deadline: new Date(EPOCH + ((i * 7) % 60) * DAY + (i % 24) * 3_600_000).toISOString(),
      assigneeId: i % 3 === 0 ? assignee : null,
      details: { messageCount: (i % 5) + 1 },
    });
    return storedItems.task(
      i % 5 === 4
        ? closeTask(task, 'auto', platformActor, new Date(Date.parse(createdAt) + DAY).toISOString()).after
        : task,
    );
  });

/** `count` tasks in the table: the measured organisation's, then 100 per other organisation. */
const seedTable = async (table: BenchTable, count: number): Promise<void> => {
  const items = orgTaskItems(MEASURED.orgId, MEASURED_TASKS, MEASURED.userId);
  for (let org = 0; items.length < count; org++) {
    items.push(...orgTaskItems(`p-${org}`, Math.min(100, count - items.length), `u-${org}`));
  }
  await seedItems(table.db, items);
};

const MEASURED_CALLER: BenchCaller = { ...MEASURED, role: 'manager' };

const callHandler = async (query: Record<string, string> = {}): Promise<number> =>
  (await callHttp<{ items: unknown[] }>(handler, MEASURED_CALLER, { routeKey: 'GET /tasks', path: '/tasks', query }))
    .items.length;

/** The one Query the handler performs for `filter`, sent bare: same index, partition, key range, filter and limit. */
const bareQuery = (db: Db, filter: TaskListFilter) => {
  const input = indexQueryInput(db, { ...planTaskList(filter), limit: PAGE });
  return () => db.client.send(new QueryCommand(input));
};

const defaultFilter: TaskListFilter = { party: MEASURED.party, orgId: MEASURED.orgId, status: 'open' };

/** The list variants of the portal and the filter planTaskList sees for each. */
const variants: { name: string; query: Record<string, string>; filter: TaskListFilter }[] = [
  { name: 'open (default)', query: {}, filter: defaultFilter },
  { name: 'tab=new-cases', query: { tab: 'new-cases' }, filter: { ...defaultFilter, tab: 'new-cases' } },
  { name: 'assignee=me', query: { assignee: 'me' }, filter: { ...defaultFilter, assignee: MEASURED.userId } },
  { name: 'status=completed', query: { status: 'completed' }, filter: { ...defaultFilter, status: 'completed' } },
  {
    name: 'type=update_case_status (filtered)',
    query: { type: 'update_case_status' },
    filter: { ...defaultFilter, types: ['update_case_status'] },
  },
];

export interface LatencyResult {
  iterations: number;
  handler: { p50: number; p99: number };
  bare: { p50: number; p99: number };
  ratioP50: number;
  ratioP99: number;
}

export interface CapacityRow {
  variant: string;
  items: number;
  handlerRcu: number;
  bareRcu: number;
  idealRcu: number;
  ratio: number;
}

export interface ScaleResult {
  small: number;
  large: number;
  iterations: number;
  query: { p50Small: number; p50Large: number; ratio: number };
  handler: { p50Small: number; p50Large: number; ratio: number };
  seedSeconds: number;
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

const summarize = (a: number[], b: number[], iterations: number): LatencyResult => {
  const handlerP = { p50: round(percentile(a, 50)), p99: round(percentile(a, 99)) };
  const bareP = { p50: round(percentile(b, 50)), p99: round(percentile(b, 99)) };
  return {
    iterations,
    handler: handlerP,
    bare: bareP,
    ratioP50: round(handlerP.p50 / bareP.p50, 2),
    ratioP99: round(handlerP.p99 / bareP.p99, 2),
  };
};

/** Warm handler vs the bare Query it performs, interleaved so both see the same machine noise. */
export const handlerVsBare = async (table: BenchTable, iterations: number): Promise<LatencyResult> => {
  const bare = bareQuery(table.db, defaultFilter);
  // Warm both: module init, client connections, JIT.
  for (let i = 0; i < 50; i++) await Promise.all([callHandler(), bare()]);
  const { a, b } = await interleaved(iterations, callHandler, bare);
  return summarize(a, b, iterations);
};

/** RCU the handler consumed per page, the bare Query's, and the ideal for the items the page returned. */
export const listCapacity = async (table: BenchTable): Promise<CapacityRow[]> => {
  const meter = attachCapacityMeter(tasksDb().client);
  const rows: CapacityRow[] = [];
  for (const variant of variants) {
    meter.reset();
    const items = await callHandler(variant.query);
    const handlerRcu = meter.snapshot().read;
    const page = await bareQuery(table.db, variant.filter)();
    const idealRcu = idealQueryRcu(page.Items ?? []);
    const bareRcu = page.ConsumedCapacity?.CapacityUnits ?? Number.NaN;
    rows.push({ variant: variant.name, items, handlerRcu, bareRcu, idealRcu, ratio: round(handlerRcu / idealRcu, 2) });
  }
  return rows;
};

/**
 * The measured organisation's first page with 1 000 vs `large` tasks in the table. Two tables hold the same
 * measured items, so the repository Query (what the handler runs) is interleaved across them; the handler
 * p50 on each table is measured one after the other (it reads the table name from the config).
 */
export const scale = async (
  database: BenchDatabase,
  small: BenchTable,
  sizes: { small: number; large: number },
  iterations: number,
): Promise<ScaleResult> => {
  const large = await database.table('bench-scale');
  const started = performance.now();
  await seedTable(large, sizes.large);
  const seedSeconds = secondsSince(started);
  progress(`scale: seeded ${sizes.large} tasks in ${seedSeconds} s`);
  const plan = { ...planTaskList(defaultFilter), limit: PAGE };
  const read = (db: Db) => () => queryTasks(db, plan);
  for (let i = 0; i < 50; i++) await Promise.all([read(small.db)(), read(large.db)()]);
  const { a, b } = await interleaved(iterations, read(small.db), read(large.db));
  const handlerP50 = async (table: BenchTable) => {
    database.useForService(table);
    for (let i = 0; i < 50; i++) await callHandler();
    const samples: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const at = performance.now();
      await callHandler();
      samples.push(performance.now() - at);
    }
    return percentile(samples, 50);
  };
  const handlerSmall = await handlerP50(small);
  const handlerLarge = await handlerP50(large);
  database.useForService(small);
  return {
    small: sizes.small,
    large: sizes.large,
    iterations,
    query: {
      p50Small: round(percentile(a, 50)),
      p50Large: round(percentile(b, 50)),
      ratio: round(percentile(b, 50) / percentile(a, 50), 2),
    },
    handler: {
      p50Small: round(handlerSmall),
      p50Large: round(handlerLarge),
      ratio: round(handlerLarge / handlerSmall, 2),
    },
    seedSeconds,
  };
};

/** Seeds the small table (the measured organisation plus others up to `count`). */
export const seedListTable = async (table: BenchTable, count: number): Promise<void> => seedTable(table, count);
