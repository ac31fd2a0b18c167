// `npm run bench [-- --quick] [--only <id>[,<id>]]`: the benchmarks against DynamoDB Local (bench/scenarios.ts names
// them), results in bench/results/latest.json.
import './support/quiet.js';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type BundleInitResult, bundleInitTimes } from './bundle-init.js';
import { type BundleSize, bundleSizes } from './bundle-sizes.js';
import { caseDetailsWriteCost } from './case-details.js';
import { chatCleanupJob, type JobResult, reminderJob, surveyJob } from './jobs.js';
import { exportCapacity, handlerVsBare, type LatencyResult, listCapacity, scale, seedListTable } from './list-tasks.js';
import { bulkVsSingles, settingsOverhead } from './org-settings.js';
import { eventThroughput, wcuPerEventType } from './platform-events.js';
import { type BenchScenarioId, selectScenarios, UnknownScenarioError } from './scenarios.js';
import { check, checksPassed } from './support/checks.js';
import { type BenchDatabase, type BenchTable, progress, startBenchDatabase } from './support/local-table.js';
import { type WebhookDeliveryRow, webhookDeliveryThroughput } from './webhook-delivery.js';

const { values: args } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string', multiple: true } },
});
const selected = (() => {
  try {
    return selectScenarios(args.only);
  } catch (error) {
    if (!(error instanceof UnknownScenarioError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
})();
const runs = (id: BenchScenarioId) => selected.has(id);

const sizes = args.quick
  ? {
      iterations: 200,
      small: 1_000,
      large: 10_000,
      eventTypeCases: 2,
      events: 1_000,
      jobs: 500,
      bulkRounds: 2,
      initSamples: 5,
      createSamples: 10,
      webhookEvents: 40,
    }
  : {
      iterations: 1_000,
      small: 1_000,
      large: 100_000,
      eventTypeCases: 10,
      events: 10_000,
      jobs: 10_000,
      bulkRounds: 5,
      initSamples: 15,
      createSamples: 50,
      webhookEvents: 200,
    };

/** Issues 17 and 19: every function but the two that materialise holidays (settings, calendar-refresh) stays at or under this. */
const BUNDLE_LIMIT = 750 * 1024;
/** Issue 20: `openapi` serves the committed document, bundled as data, under a bound of its own. */
const OPENAPI_BUNDLE_LIMIT = 900 * 1024;
const bundleLimit = (name: string) => (name.endsWith('/openapi') ? OPENAPI_BUNDLE_LIMIT : BUNDLE_LIMIT);
const repoRoot = join(import.meta.dirname, '..');
const resultsDir = join(import.meta.dirname, 'results');

const met = (ok: boolean) => (ok ? 'met' : 'MISSED');

/**
 * Each group gets its own DynamoDB Local: one long-lived instance slows down as tables and items pile up
 * (500 reminders ran at 7.7/s after the other groups, 90/s on a fresh instance), which would blur the figures.
 * When the group is done its tables are dropped (DeleteTable, checked) and the instance stopped.
 */
const withDatabase = async <T>(run: (database: BenchDatabase) => Promise<T>): Promise<T> => {
  const database = await startBenchDatabase();
  let result: T;
  try {
    result = await run(database);
  } catch (error) {
    await database.stop().catch(() => undefined);
    throw error;
  }
  const { dropped } = await database.stop();
  progress(`dropped ${dropped} table(s), DynamoDB Local stopped`);
  return result;
};

/** `list`: handler vs bare Query, RCU per page, the export; `scale`: 1 000 vs `large` tasks. One instance for both. */
const listBenchmarks = () =>
  withDatabase(async (database) => {
    const table = await database.table('bench-list');
    await seedListTable(table, sizes.small);
    database.useForService(table);
    const list = runs('list') ? await listFigures(table) : undefined;
    const scaleResult = runs('scale')
      ? await scale(database, table, { small: sizes.small, large: sizes.large }, sizes.iterations / 2)
      : undefined;
    if (scaleResult) {
      progress(`scale: query p50 ${scaleResult.query.ratio}×, handler p50 ${scaleResult.handler.ratio}×`);
    }
    return { ...list, ...(scaleResult ? { scale: scaleResult } : {}) };
  });

const listFigures = async (table: BenchTable) => {
  progress(`list: ${sizes.small} tasks seeded; handler vs bare Query, ${sizes.iterations} interleaved rounds`);
  const latency = await handlerVsBare(table, sizes.iterations);
  progress(`list: p50 ${latency.ratioP50}×, p99 ${latency.ratioP99}×`);
  const capacity = await listCapacity(table);
  progress(`list: RCU per page vs ideal ${capacity.map((row) => `${row.variant} ${row.ratio}×`).join(', ')}`);
  const exported = await exportCapacity(table);
  progress(
    `export: ${exported.rows} rows, Query RCU ${exported.queryRatio}× the ideal, all reads ${exported.totalRatio}×`,
  );
  return { latency, capacity, export: exported };
};

/**
 * The first list figure again at the end of the run, on a fresh instance and table like the first: the
 * handler's p50 late ÷ early shows that late work runs as fast as early (nothing piles up across groups).
 */
const lateListLatency = (early: LatencyResult) =>
  withDatabase(async (database) => {
    const table = await database.table('bench-list-late');
    await seedListTable(table, sizes.small);
    database.useForService(table);
    const late = await handlerVsBare(table, sizes.iterations);
    const ratio = Number((late.handler.p50 / early.handler.p50).toFixed(2));
    progress(`list again at the end: handler p50 ${late.handler.p50} vs ${early.handler.p50} ms early = ${ratio}×`);
    return { late, ratio };
  });

/** Issue 20: what keeping task context costs in writes (a details change per open task, a create). */
const caseDetailsBenchmark = () =>
  withDatabase(async (database) => {
    database.useForService(await database.table('bench-case-details'));
    const cost = await caseDetailsWriteCost(sizes.createSamples);
    progress(`case details: ${cost.changes.length} changes, ${cost.creates.length} kinds of create measured`);
    return cost;
  });

const wcuBenchmark = async () => {
  const perType = await withDatabase(async (database) => {
    database.useForService(await database.table('bench-events'));
    return wcuPerEventType(sizes.eventTypeCases);
  });
  progress(`events: WCU per type measured over ${sizes.eventTypeCases} case lifecycles`);
  return perType;
};

const throughputBenchmark = async () => {
  const throughput = await withDatabase(async (database) => {
    database.useForService(await database.table('bench-throughput'));
    progress(`events: ${sizes.events} mixed events, 8 cases in flight`);
    return eventThroughput(sizes.events, 8);
  });
  progress(`events: ${throughput.eventsPerSecond} events/s, ${throughput.wcuPerEvent} WCU/event`);
  return throughput;
};

const orgBenchmarks = () =>
  withDatabase(async (database) => {
    const table = await database.table('bench-org');
    database.useForService(table);
    const bulk = await bulkVsSingles(table, sizes.bulkRounds);
    progress(`bulk: 100 assignments in one call ${bulk.timeVsSequential}× the time of 100 sequential calls`);
    const settings = await settingsOverhead(sizes.iterations / 2);
    progress(`settings: POST /tasks p50 ${settings.p50.ratio}× with every org setting vs none`);
    return { bulk, settings };
  });

const jobBenchmarks = async (): Promise<JobResult[]> => {
  const jobs: JobResult[] = [];
  for (const job of [reminderJob, surveyJob, chatCleanupJob]) {
    const result = await withDatabase((database) => job(database, sizes.jobs));
    progress(`${result.job}: ${result.items} in ${result.seconds} s (${result.itemsPerSecond}/s)`);
    jobs.push(result);
  }
  return jobs;
};

const cdkOut = join(repoRoot, 'cdk.out');
const synthesized = () => existsSync(join(cdkOut, 'manifest.json'));

/** Sizes from the esbuild metafiles of the last `npm run synth` (cdk.out); the bench does not synthesize. */
const bundleSizesBenchmark = (): { synthesizedAt: string; functions: BundleSize[] } | undefined => {
  if (!synthesized()) return undefined;
  const functions = bundleSizes(cdkOut);
  check(functions.length > 0, 'bundle sizes: the functions of the synth have their metafiles');
  const carriers = functions.filter((fn) => fn.carriesDateHolidays).map((fn) => fn.function);
  check(
    carriers.every((name) => /\/(settings|calendar-refresh)$/.test(name)),
    `bundle sizes: only settings and calendar-refresh bundle date-holidays (${carriers.join(', ')})`,
  );
  return { synthesizedAt: statSync(join(cdkOut, 'manifest.json')).mtime.toISOString(), functions };
};

/** Each bundle's module-load time against a DynamoDB-client-only bundle (bench/bundle-init.ts). */
const bundleInitBenchmark = async (): Promise<BundleInitResult | undefined> => {
  if (!synthesized()) return undefined;
  progress(
    `bundles: module load of every bundle vs the DynamoDB client alone, ${sizes.initSamples} interleaved rounds`,
  );
  const init = await bundleInitTimes(cdkOut, { samples: sizes.initSamples, sourceMaps: true });
  check(
    init.functions.every((fn) => fn.initMs > 0 && Number.isFinite(fn.ratio)),
    `bundle init: every one of the ${init.functions.length} bundles loaded in each round`,
  );
  return init;
};

/** Issue 21: a receiver answering after 100 ms, events offered at 50/s, 1 and 3 endpoints, 1 / 5 / 20 in flight. */
const WEBHOOK_RECEIVER_LATENCY_MS = 100;
const WEBHOOK_OFFERED_RATE = 50;

const webhookBenchmark = (): Promise<WebhookDeliveryRow[]> =>
  withDatabase(async (database) => {
    database.useForService(await database.table('bench-webhooks'));
    progress(
      `webhooks: ${sizes.webhookEvents} events at ${WEBHOOK_OFFERED_RATE}/s, receiver ${WEBHOOK_RECEIVER_LATENCY_MS} ms`,
    );
    return webhookDeliveryThroughput({
      events: sizes.webhookEvents,
      latencyMs: WEBHOOK_RECEIVER_LATENCY_MS,
      offeredRate: WEBHOOK_OFFERED_RATE,
      endpointCounts: [1, 3],
      concurrencies: [1, 5, 20],
    });
  });

const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));

const main = async () => {
  const startedAt = new Date().toISOString();
  progress(`mode ${args.quick ? 'quick' : 'full'}, scenarios ${[...selected].join(', ')}: ${JSON.stringify(sizes)}`);
  const list = runs('list') || runs('scale') ? await listBenchmarks() : undefined;
  const caseDetails = runs('case-details') ? await caseDetailsBenchmark() : undefined;
  const perType = runs('wcu') ? await wcuBenchmark() : undefined;
  const throughput = runs('throughput') ? await throughputBenchmark() : undefined;
  const org = runs('org-settings') ? await orgBenchmarks() : undefined;
  const jobs = runs('jobs') ? await jobBenchmarks() : undefined;
  const sized = runs('bundle-sizes') ? bundleSizesBenchmark() : undefined;
  const init = runs('bundle-init') ? await bundleInitBenchmark() : undefined;
  const webhooks = runs('webhooks') ? await webhookBenchmark() : undefined;
  const late = list?.latency ? await lateListLatency(list.latency) : undefined;
  const results = {
    startedAt,
    finishedAt: new Date().toISOString(),
    mode: args.quick ? 'quick' : 'full',
    scenarios: [...selected],
    machine: { cpus: cpus().length, node: process.version },
    sizes,
    list,
    lateList: late,
    caseDetails,
    events: { perType, throughput },
    org,
    jobs,
    bundles: { sizes: sized, init },
    webhooks,
    checksPassed: checksPassed(),
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);

  console.log(
    `\n== casetasks bench (${results.mode}, ${[...selected].join(', ')}; ${results.machine.cpus} cpus, ` +
      `Node ${results.machine.node}) ==`,
  );
  if (list?.latency) {
    const { latency } = list;
    console.log(
      `GET /tasks handler vs bare Query: p50 ${latency.handler.p50} vs ${latency.bare.p50} ms = ${latency.ratioP50}×, ` +
        `p99 ${latency.handler.p99} vs ${latency.bare.p99} ms = ${latency.ratioP99}× ` +
        `(target ≤ 1.3×: p50 ${met(latency.ratioP50 <= 1.3)}, p99 ${met(latency.ratioP99 <= 1.3)})`,
    );
  }
  if (list?.capacity) console.table(list.capacity);
  if (list?.scale) {
    const scaleResult = list.scale;
    console.log(
      `scale ${scaleResult.small} → ${scaleResult.large} tasks: query p50 ${scaleResult.query.ratio}×, ` +
        `handler p50 ${scaleResult.handler.ratio}× (target ≤ 1.2×: ${met(scaleResult.query.ratio <= 1.2)})`,
    );
    console.table(
      scaleResult.variants.map((row) => ({
        variant: row.variant,
        'query p50 small': row.query.p50Small,
        'query p50 large': row.query.p50Large,
        'query ×': row.query.ratio,
        'handler p50 small': row.handler.p50Small,
        'handler p50 large': row.handler.p50Large,
        'handler ×': row.handler.ratio,
      })),
    );
  }
  if (list?.export) {
    const exported = list.export;
    console.log(
      `export of ${exported.rows} open tasks: Query RCU ${exported.queryRcu} vs ideal ${exported.idealTaskRcu} = ` +
        `${exported.queryRatio}×; with any details reads (none for open tasks: they carry a copy) ` +
        `${exported.queryRcu + exported.batchGetRcu} vs ${exported.idealTaskRcu + exported.idealDetailsRcu} = ${exported.totalRatio}×`,
    );
  }
  if (caseDetails) {
    console.table(caseDetails.changes);
    console.table(caseDetails.creates);
  }
  if (perType) console.table(perType);
  if (throughput) {
    console.log(
      `throughput: ${throughput.events} events in ${throughput.seconds} s = ${throughput.eventsPerSecond} events/s, ` +
        `${throughput.wcuPerEvent} WCU/event (${throughput.indexWcuPerEvent} of it indexes), ${throughput.rcuPerEvent} RCU/event, ` +
        `${throughput.requestsPerEvent} requests/event`,
    );
    const newIndexWcu = ['openByCreated', 'openByAmount', 'openByReference', 'openByDebtor'].reduce(
      (sum, name) => sum + (throughput.indexWcuPerEventBy[name] ?? 0),
      0,
    );
    console.log(`throughput: of the index WCU/event, ${newIndexWcu.toFixed(2)} on issue 20's four indexes`);
    console.log(
      `throughput: ${throughput.cases} cases, ${throughput.duplicates} of ${throughput.redeliveries} redeliveries ` +
        `reported duplicate (checked: no effects, nothing written), ${throughput.workflowsStarted} paused-case workflows`,
    );
  }
  if (org) {
    const { bulk, settings } = org;
    console.log(
      `bulk: 100 assignments in one call ${bulk.bulk.ms} ms vs 100 sequential calls ${bulk.sequential.ms} ms = ` +
        `${bulk.timeVsSequential}× (vs 8 in flight ${bulk.parallel8.ms} ms = ${bulk.timeVsParallel8}×); ` +
        `WCU ${bulk.bulk.wcu} vs ${bulk.sequential.wcu} = ${bulk.wcuRatio}×`,
    );
    console.log(
      `org settings: POST /tasks p50 ${settings.p50.withSettings} vs ${settings.p50.without} ms = ${settings.p50.ratio}×; ` +
        `per create ${settings.perCreate.withSettings.rcu} RCU / ${settings.perCreate.withSettings.wcu} WCU with settings, ` +
        `${settings.perCreate.without.rcu} RCU / ${settings.perCreate.without.wcu} WCU without`,
    );
  }
  if (jobs) console.table(jobs.map(({ counts: _counts, ...job }) => job));
  if (runs('bundle-sizes') || runs('bundle-init')) {
    if (!sized && !init) console.log('bundles: no cdk.out (run `npm run synth` first)');
    if (init) {
      console.log(
        `bundles: module load, median of ${init.samples}: ` +
          `DynamoDB client alone ${kb(init.baseline.bytes)} KB in ${init.baseline.initMs} ms`,
      );
    }
    const names = sized?.functions.map((fn) => fn.function) ?? init?.functions.map((fn) => fn.function) ?? [];
    if (sized) console.log(`bundles: cdk.out synthesized ${sized.synthesizedAt}`);
    console.table(
      names.map((name) => {
        const size = sized?.functions.find((fn) => fn.function === name);
        const load = init?.functions.find((row) => row.function === name);
        return {
          function: name,
          kb: kb(size?.bytes ?? load?.bytes ?? 0),
          ...(size
            ? {
                'within budget (750 KB; openapi 900 KB)': size.carriesDateHolidays
                  ? 'exempt (holidays)'
                  : met(size.bytes <= bundleLimit(name)),
                'kb, SDK from the runtime (projected)': kb(size.withoutAwsSdkBytes),
                largest: size.top.map((part) => `${part.source} ${kb(part.bytes)} KB`).join(', '),
              }
            : {}),
          ...(load
            ? { 'init ms': load.initMs, '× client alone': load.ratio, 'with source maps ms': load.sourceMapsMs }
            : {}),
        };
      }),
    );
  }
  if (webhooks) {
    console.log(
      `webhook deliveries: receiver answers after ${WEBHOOK_RECEIVER_LATENCY_MS} ms, events offered at ` +
        `${WEBHOOK_OFFERED_RATE}/s; ideal = in flight ÷ receiver latency; each delivery arrived once, signature verified`,
    );
    console.table(webhooks);
  }
  if (late && list?.latency) {
    console.log(
      `list again at the end of the run (fresh instance): handler p50 ${late.late.handler.p50} ms vs ` +
        `${list.latency.handler.p50} ms first = ${late.ratio}× (late ÷ early; bare Query ${late.late.bare.p50} vs ` +
        `${list.latency.bare.p50} ms)`,
    );
  }
  console.log(`correctness checks: ${checksPassed()} held (the run fails on the first that does not)`);
  console.log(`results: ${join(resultsDir, 'latest.json')}`);
};

await main();
