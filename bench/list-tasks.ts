// GET /tasks benchmarks: handler vs bare Query latency, RCU per page vs the ideal (with a completed list's
// case-details read), p50 at 1 000 vs 100 000 tasks for the default list, search and each sort, and the export's
// RCU vs the ideal.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { tasksDb } from '@casetasks/app/runtime';
import {
  type CaseDetails,
  caseDetailsStamp,
  caseSortKeys,
  closeTask,
  newTask,
  type Party,
  platformActor,
  searchKey,
  type Task,
  type TaskType,
} from '@casetasks/core';
import {
  type Db,
  type IndexQuery,
  idealQueryRcu,
  listPlans,
  type Page,
  planTaskList,
  queryTasks,
  type TaskListFilter,
} from '@casetasks/db';
import { indexQueryInput, queryIndex, storedItems } from '@casetasks/db/testing';
import { ulid } from 'ulid';
import { handler } from '../functions/http/list-tasks.js';
import { attachCapacityMeter } from './support/capacity-meter.js';
import { check } from './support/checks.js';
import { type BenchCaller, callHttp, callHttpText } from './support/http-event.js';
import { type BenchDatabase, type BenchTable, progress, secondsSince, seedItems } from './support/local-table.js';
import { interleaved, percentile } from './support/stats.js';

/** The organisation whose pages are measured; every other organisation only adds items to the table. */
const MEASURED = { party: 'partner' as const satisfies Party, orgId: 'p-measured', userId: 'u-measured' };
const MEASURED_TASKS = 200;
const PAGE = 25;
const partnerTypes: TaskType[] = ['review_new_case', 'update_case_status', 'provide_quote', 'new_message'];
const DAY = 86_400_000;
const EPOCH = Date.parse('2026-11-02T09:00:00.000Z');

const SURNAMES = ['Jørgensen', 'Müller', 'Andersen', 'Ødegård', 'Nielsen', 'Hansen', 'Larsen', 'Schröder'];
const FIRST_NAMES = ['Anna', 'Bo', 'Clara', 'Dag', 'Eva'];

/**
 * The i-th case's details: reference `R{i % 5}-{i}` (so `R3` matches a fifth of the cases), debtor
 * `{surname}, {first name}` (accented, so `Jørg` matches an eighth), amounts spread over 7 digits. One case
 * in ten has no details and one in ten no amount (both open: completed tasks are those with i % 5 = 4).
 */
const caseDetailsOf = (i: number): CaseDetails | undefined => {
  if (i % 10 === 7) return undefined;
  const named = {
    reference: `R${i % 5}-${String(i).padStart(5, '0')}`,
    debtorName: `${SURNAMES[i % SURNAMES.length]}, ${FIRST_NAMES[i % FIRST_NAMES.length]}`,
  };
  if (i % 10 === 8) return named;
  const outstanding = ((i * 7_919) % 100_000) * 100 + (i % 100);
  return {
    ...named,
    currency: 'EUR',
    outstandingAmount: outstanding,
    overdueAmount: Math.floor(outstanding / 2),
    invoiceCount: 1 + (i % 4),
  };
};

/** A seeded task (with its copy of its case's details), and those details with their stamp. */
interface SeededTask {
  task: Task;
  details?: CaseDetails;
  stamp?: string;
}

/**
 * Tasks of one organisation: mixed types, a third assigned to `assignee`, one in five completed, each on its
 * own case, with a copy of that case's details as its create left it (a completed task keeps the copy it had).
 * Deadlines spread over 60 days so pages are real ranges.
 */
const orgTasks = (orgId: string, count: number, assignee: string): SeededTask[] =>
  Array.from({ length: count }, (_, i) => {
    const createdAt = new Date(EPOCH + (i % 30) * DAY + i * 1_000).toISOString();
    const details = caseDetailsOf(i);
    const stamp = details && caseDetailsStamp(createdAt, `seed-${i}`);
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
    const keyed: Task = details && stamp ? { ...task, caseDetails: details, caseDetailsStamp: stamp } : task;
    return {
      task:
        i % 5 === 4
          ? closeTask(keyed, 'auto', platformActor, new Date(Date.parse(createdAt) + DAY).toISOString()).after
          : keyed,
      ...(details ? { details } : {}),
      ...(stamp ? { stamp } : {}),
    };
  });

/** The task items and their cases' details items (a completed list reads those: one BatchGetItem per page). */
const itemsOf = (seeded: readonly SeededTask[]): Record<string, unknown>[] =>
  seeded.flatMap(({ task, details, stamp }) => [
    storedItems.task(task),
    ...(details && stamp && task.caseId ? [storedItems.caseDetails({ caseId: task.caseId, details, stamp })] : []),
  ]);

/** The measured organisation's seed: what the search and export checks expect. */
const measuredSeed = orgTasks(MEASURED.orgId, MEASURED_TASKS, MEASURED.userId);

/** `count` tasks in the table (with their cases' details): the measured organisation's, then 100 per other organisation. */
const seedTable = async (table: BenchTable, count: number): Promise<void> => {
  const items = itemsOf(measuredSeed);
  for (let org = 0, tasks = MEASURED_TASKS; tasks < count; org++) {
    const batch = orgTasks(`p-${org}`, Math.min(100, count - tasks), `u-${org}`);
    items.push(...itemsOf(batch));
    tasks += batch.length;
  }
  await seedItems(table.db, items);
};

const MEASURED_CALLER: BenchCaller = { ...MEASURED, role: 'manager' };

interface ListedTask {
  id: string;
  createdAt: string;
  deadline: string;
  caseDetails?: CaseDetails;
}

interface ListedPage {
  items: ListedTask[];
  nextCursor: string | null;
}

const callHandler = (query: Record<string, string> = {}): Promise<ListedPage> =>
  callHttp<ListedPage>(handler, MEASURED_CALLER, { routeKey: 'GET /tasks', path: '/tasks', query });

/** The one Query the handler performs for `filter`, sent bare: same index, partition, key range, filter and limit. */
const bareQuery = (db: Db, filter: TaskListFilter) => {
  const input = indexQueryInput(db, { ...planTaskList(filter), limit: PAGE });
  return () => db.client.send(new QueryCommand(input));
};

/**
 * One page as the handler reads it, through `read`: each of the list's plans in turn (a search: reference
 * index, then debtor index) until the page is full or a plan has more; the RCU and Queries it took.
 */
const readPage = async <T>(
  filter: TaskListFilter,
  read: (query: IndexQuery) => Promise<Page<T>>,
): Promise<{ items: T[]; rcu: number; queries: number }> => {
  const items: T[] = [];
  let rcu = 0;
  let queries = 0;
  for (const plan of listPlans(filter)) {
    const page = await read({ ...plan, limit: PAGE - items.length });
    items.push(...page.items);
    rcu += page.consumed?.CapacityUnits ?? Number.NaN;
    queries += 1;
    if (page.lastKey || items.length >= PAGE) break;
  }
  return { items, rcu, queries };
};

const defaultFilter: TaskListFilter = { party: MEASURED.party, orgId: MEASURED.orgId, status: 'open' };

interface Variant {
  name: string;
  query: Record<string, string>;
  filter: TaskListFilter;
}

/** Issue 20: a search by reference (fills a page from one index), by debtor (both indexes read), each sort. */
const issue20Variants: Variant[] = [
  { name: 'q=R3 (reference)', query: { q: 'R3' }, filter: { ...defaultFilter, search: searchKey('R3') } },
  { name: 'q=Jørg (debtor)', query: { q: 'Jørg' }, filter: { ...defaultFilter, search: searchKey('Jørg') } },
  { name: 'sort=-deadline', query: { sort: '-deadline' }, filter: { ...defaultFilter, order: '-deadline' } },
  { name: 'sort=-created', query: { sort: '-created' }, filter: { ...defaultFilter, order: '-created' } },
  { name: 'sort=-amount', query: { sort: '-amount' }, filter: { ...defaultFilter, order: '-amount' } },
];

/** The list variants of the portal and the filter planTaskList sees for each. */
const variants: Variant[] = [
  { name: 'open (default)', query: {}, filter: defaultFilter },
  { name: 'tab=new-cases', query: { tab: 'new-cases' }, filter: { ...defaultFilter, tab: 'new-cases' } },
  { name: 'assignee=me', query: { assignee: 'me' }, filter: { ...defaultFilter, assignee: MEASURED.userId } },
  { name: 'status=completed', query: { status: 'completed' }, filter: { ...defaultFilter, status: 'completed' } },
  {
    name: 'type=update_case_status (filtered)',
    query: { type: 'update_case_status' },
    filter: { ...defaultFilter, types: ['update_case_status'] },
  },
  ...issue20Variants,
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
  /** Queries the page took (a search that does not fill its page from references reads debtors too). */
  queries: number;
  /** The handler's Query RCU (the list itself), the same Queries sent bare, and the ideal for the items returned. */
  queryRcu: number;
  bareRcu: number;
  idealRcu: number;
  ratio: number;
  /**
   * The case-details read: none for an open list (each task has its copy), one BatchGetItem per completed page
   * (each details item rounded up to its own 4 KB unit).
   */
  batchGetRcu: number;
  /** Everything the handler read for the page, and that against the tasks' ideal. */
  pageRcu: number;
  pageRatio: number;
}

export interface ScaleRow {
  variant: string;
  query: { p50Small: number; p50Large: number; ratio: number };
  handler: { p50Small: number; p50Large: number; ratio: number };
}

export interface ScaleResult {
  small: number;
  large: number;
  iterations: number;
  /** The default list's row (the figure tracked since issue 1). */
  query: ScaleRow['query'];
  handler: ScaleRow['handler'];
  /** Every variant: the default list, the two searches, each sort. */
  variants: ScaleRow[];
  seedSeconds: number;
}

export interface ExportCapacity {
  rows: number;
  queryRcu: number;
  /** Case-details reads: a completed task's only, so 0 for the open export measured here. */
  batchGetRcu: number;
  /** Reading each exported task item once (one Query's worth of summed sizes, the details copy included). */
  idealTaskRcu: number;
  /** Details items to read besides: none for open tasks (kept for the results' shape). */
  idealDetailsRcu: number;
  queryRatio: number;
  totalRatio: number;
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

const ids = (items: readonly object[]) => items.map((item) => String((item as { id?: unknown }).id)).join(',');

/** Warm handler vs the bare Query it performs, interleaved so both see the same machine noise. */
export const handlerVsBare = async (table: BenchTable, iterations: number): Promise<LatencyResult> => {
  const bare = bareQuery(table.db, defaultFilter);
  // What is timed must be the same read: the handler's page is the bare Query's, same ids in the same order.
  const [page, bareOutput] = [await callHandler(), await bare()];
  check(
    page.items.length === PAGE && ids(page.items) === ids(bareOutput.Items ?? []),
    "GET /tasks latency: the handler lists the bare Query's page (same ids, same order)",
  );
  // Warm both: module init, client connections, JIT.
  for (let i = 0; i < 50; i++) await Promise.all([callHandler(), bare()]);
  // An open task's view carries its own copy of the case's details: the default list reads nothing else.
  const { a, b } = await interleaved(iterations, callHandler, bare);
  return summarize(a, b, iterations);
};

/** What the handler's page must be: the bare Queries' items, each with its case's seeded details, in order. */
const checkPage = (variant: Variant, page: ListedPage, bareItems: readonly Record<string, unknown>[]) => {
  check(
    page.items.length > 0 && ids(page.items) === ids(bareItems),
    `${variant.name}: the handler's page is the bare Queries' (same ids, same order)`,
  );
  const seeded = new Map(measuredSeed.map((seed) => [seed.task.id, seed]));
  const wrong = page.items.filter(
    (item) => JSON.stringify(item.caseDetails) !== JSON.stringify(seeded.get(item.id)?.details),
  );
  check(wrong.length === 0, `${variant.name}: every listed task carries its case's seeded details`);
  const ordered = (key: (item: ListedTask) => string | number) =>
    page.items.every((item, i) => i === 0 || key(page.items[i - 1] as ListedTask) >= key(item));
  const order = variant.filter.order;
  const sorted =
    order === '-deadline'
      ? ordered((item) => item.deadline)
      : order === '-created'
        ? ordered((item) => item.createdAt)
        : order === '-amount'
          ? ordered((item) => item.caseDetails?.outstandingAmount ?? -1)
          : true;
  check(sorted, `${variant.name}: the page is in ${order ?? 'its index'} order`);
};

/** Every page of a search through the handler: exactly the measured org's open tasks whose keys start with q. */
const checkSearch = async (variant: Variant) => {
  const search = variant.filter.search;
  if (search === undefined) return;
  const expected = measuredSeed
    .filter(({ task, details }) => {
      const keys = caseSortKeys(details);
      return task.status === 'open' && [keys.reference, keys.debtor].some((key) => key?.startsWith(search));
    })
    .map(({ task }) => task.id)
    .sort();
  const found: string[] = [];
  let cursor: string | null = null;
  do {
    const page: ListedPage = await callHandler({ ...variant.query, ...(cursor ? { cursor } : {}) });
    found.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor);
  check(
    expected.length > 0 && found.sort().join(',') === expected.join(','),
    `${variant.name}: paging the search lists each of the ${expected.length} matching open tasks once (found ${found.length})`,
  );
};

/**
 * RCU the handler consumed per page, split into its Queries and its case-details BatchGetItem (a completed
 * list's only), the bare Queries', and the ideal for the task items the page returned. Each page is checked
 * (checkPage, checkSearch, and that an open list reads no details).
 */
export const listCapacity = async (table: BenchTable): Promise<CapacityRow[]> => {
  const meter = attachCapacityMeter(tasksDb().client);
  const rows: CapacityRow[] = [];
  for (const variant of variants) {
    meter.reset();
    const page = await callHandler(variant.query);
    const used = meter.snapshot();
    const bare = await readPage(variant.filter, (query) => queryIndex(table.db, query));
    checkPage(variant, page, bare.items);
    await checkSearch(variant);
    const idealRcu = idealQueryRcu(bare.items);
    const queryRcu = used.readsBy.QueryCommand ?? 0;
    const batchGetRcu = used.readsBy.BatchGetItemCommand ?? 0;
    const detailsRead = batchGetRcu > 0 || (used.readsBy.GetItemCommand ?? 0) > 0;
    check(
      detailsRead === (variant.filter.status === 'completed'),
      `${variant.name}: reads case details only for a completed list (read: ${detailsRead})`,
    );
    check(queryRcu === bare.rcu, `${variant.name}: the handler's Queries cost the bare Queries' RCU`);
    rows.push({
      variant: variant.name,
      items: page.items.length,
      queries: bare.queries,
      queryRcu,
      bareRcu: bare.rcu,
      idealRcu,
      ratio: round(queryRcu / idealRcu, 2),
      batchGetRcu,
      pageRcu: used.read,
      pageRatio: round(used.read / idealRcu, 2),
    });
  }
  return rows;
};

/**
 * GET /tasks/export of the measured organisation's open tasks: the RCU of its Queries vs reading each exported
 * task item once; it must read nothing else (open tasks carry their details). The CSV must hold every open
 * task, with the case's reference where the seed gave one.
 */
export const exportCapacity = async (table: BenchTable): Promise<ExportCapacity> => {
  const meter = attachCapacityMeter(tasksDb().client);
  meter.reset();
  const csv = await callHttpText(handler, MEASURED_CALLER, { routeKey: 'GET /tasks/export', path: '/tasks/export' });
  const used = meter.snapshot();
  const open = measuredSeed.filter(({ task }) => task.status === 'open');
  const lines = csv.trimEnd().split(/\r?\n/).slice(1);
  const missing = open.filter(
    ({ task, details }) =>
      !lines.some((line) => line.includes(task.id) && (!details?.reference || line.includes(details.reference))),
  );
  check(
    lines.length === open.length && missing.length === 0,
    `export: one row per open task with its reference (${lines.length} rows, ${open.length} open, ${missing.length} missing)`,
  );
  const taskItems: Record<string, unknown>[] = [];
  for (let startKey: Record<string, unknown> | undefined, first = true; first || startKey; first = false) {
    const page = await queryIndex(table.db, { ...planTaskList(defaultFilter), ...(startKey ? { startKey } : {}) });
    taskItems.push(...page.items);
    startKey = page.lastKey;
  }
  const idealTaskRcu = idealQueryRcu(taskItems);
  // Open tasks carry their own copy of the details (inside the task items above): no details item to read.
  const idealDetailsRcu = 0;
  const queryRcu = used.readsBy.QueryCommand ?? 0;
  const batchGetRcu = used.readsBy.BatchGetItemCommand ?? 0;
  check(used.read === queryRcu, `export: reads nothing but its Queries (${used.read - queryRcu} RCU besides)`);
  return {
    rows: lines.length,
    queryRcu,
    batchGetRcu,
    idealTaskRcu,
    idealDetailsRcu,
    queryRatio: round(queryRcu / idealTaskRcu, 2),
    totalRatio: round(used.read / (idealTaskRcu + idealDetailsRcu), 2),
  };
};

/** The scale variants: the default list, the two searches and each sort. */
const scaleVariants: Variant[] = [{ name: 'open (default)', query: {}, filter: defaultFilter }, ...issue20Variants];

/**
 * The measured organisation's first page with 1 000 vs `large` tasks in the table, for each scale variant.
 * Two tables hold the same measured items, so the repository Queries (what the handler runs) are interleaved
 * across them; the handler p50 on each table is measured one after the other (it reads the table name from
 * the config).
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
  progress(`scale: seeded ${sizes.large} tasks (and their cases' details) in ${seedSeconds} s`);
  const handlerP50 = async (table: BenchTable, variant: Variant) => {
    database.useForService(table);
    for (let i = 0; i < 50; i++) await callHandler(variant.query);
    const samples: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const at = performance.now();
      await callHandler(variant.query);
      samples.push(performance.now() - at);
    }
    return percentile(samples, 50);
  };
  const rows: ScaleRow[] = [];
  for (const variant of scaleVariants) {
    const read = (db: Db) => () => readPage(variant.filter, (query) => queryTasks(db, query));
    // Both tables hold the same measured organisation: the same page, whatever else the large one holds.
    const [fromSmall, fromLarge] = [await read(small.db)(), await read(large.db)()];
    check(
      fromSmall.items.length > 0 && ids(fromSmall.items) === ids(fromLarge.items),
      `scale ${variant.name}: the ${sizes.large}-task table lists the same page as the ${sizes.small}-task one`,
    );
    for (let i = 0; i < 50; i++) await Promise.all([read(small.db)(), read(large.db)()]);
    const { a, b } = await interleaved(iterations, read(small.db), read(large.db));
    const handlerSmall = await handlerP50(small, variant);
    const handlerLarge = await handlerP50(large, variant);
    rows.push({
      variant: variant.name,
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
    });
  }
  database.useForService(small);
  await database.drop(large);
  const [defaultRow] = rows as [ScaleRow];
  return {
    small: sizes.small,
    large: sizes.large,
    iterations,
    query: defaultRow.query,
    handler: defaultRow.handler,
    variants: rows,
    seedSeconds,
  };
};

/** Seeds the small table (the measured organisation plus others up to `count`). */
export const seedListTable = async (table: BenchTable, count: number): Promise<void> => seedTable(table, count);
