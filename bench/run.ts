// `npm run bench [-- --quick]`: every benchmark against DynamoDB Local, results in bench/results/latest.json.
import './support/quiet.js';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type BundleInitResult, bundleInitTimes } from './bundle-init.js';
import { type BundleSize, bundleSizes } from './bundle-sizes.js';
import { caseDetailsWriteCost } from './case-details.js';
import { chatCleanupJob, type JobResult, reminderJob, surveyJob } from './jobs.js';
import { exportCapacity, handlerVsBare, listCapacity, scale, seedListTable } from './list-tasks.js';
import { bulkVsSingles, settingsOverhead } from './org-settings.js';
import { eventThroughput, wcuPerEventType } from './platform-events.js';
import { type BenchDatabase, progress, startBenchDatabase } from './support/local-table.js';
import { type WebhookDeliveryRow, webhookDeliveryThroughput } from './webhook-delivery.js';

const { values: args } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });

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

/** Issue 17: every function but the two that materialise holidays (settings, calendar-refresh) stays at or under this. */
const BUNDLE_LIMIT = 700 * 1024;
const repoRoot = join(import.meta.dirname, '..');
const resultsDir = join(import.meta.dirname, 'results');

const met = (ok: boolean) => (ok ? 'met' : 'MISSED');

/**
 * Each group gets its own DynamoDB Local: one long-lived instance slows down as tables and items pile up
 * (500 reminders ran at 7.7/s after the other groups, 90/s on a fresh instance), which would blur the figures.
 */
const withDatabase = async <T>(run: (database: BenchDatabase) => Promise<T>): Promise<T> => {
  const database = await startBenchDatabase();
  try {
    return await run(database);
  } finally {
    await database.stop();
  }
};

const listBenchmarks = () =>
  withDatabase(async (database) => {
    const table = await database.table('bench-list');
    await seedListTable(table, sizes.small);
    database.useForService(table);
    progress(`list: ${sizes.small} tasks seeded; handler vs bare Query, ${sizes.iterations} interleaved rounds`);
    const latency = await handlerVsBare(table, sizes.iterations);
    progress(`list: p50 ${latency.ratioP50}×, p99 ${latency.ratioP99}×`);
    const capacity = await listCapacity(table);
    progress(`list: RCU per page vs ideal ${capacity.map((row) => `${row.variant} ${row.ratio}×`).join(', ')}`);
    const exported = await exportCapacity(table);
    progress(
      `export: ${exported.rows} rows, Query RCU ${exported.queryRatio}× the ideal, all reads ${exported.totalRatio}×`,
    );
    const scaleResult = await scale(database, table, { small: sizes.small, large: sizes.large }, sizes.iterations / 2);
    progress(`scale: query p50 ${scaleResult.query.ratio}×, handler p50 ${scaleResult.handler.ratio}×`);
    return { latency, capacity, export: exported, scale: scaleResult };
  });

/** Issue 20: what keeping task context costs in writes (a details change per open task, a create). */
const caseDetailsBenchmark = () =>
  withDatabase(async (database) => {
    database.useForService(await database.table('bench-case-details'));
    const cost = await caseDetailsWriteCost(sizes.createSamples);
    progress(`case details: ${cost.changes.length} changes, ${cost.creates.length} kinds of create measured`);
    return cost;
  });

const eventBenchmarks = async () => {
  const perType = await withDatabase(async (database) => {
    database.useForService(await database.table('bench-events'));
    return wcuPerEventType(sizes.eventTypeCases);
  });
  progress(`events: WCU per type measured over ${sizes.eventTypeCases} case lifecycles`);
  const throughput = await withDatabase(async (database) => {
    database.useForService(await database.table('bench-throughput'));
    progress(`events: ${sizes.events} mixed events, 8 cases in flight`);
    return eventThroughput(sizes.events, 8);
  });
  progress(`events: ${throughput.eventsPerSecond} events/s, ${throughput.wcuPerEvent} WCU/event`);
  return { perType, throughput };
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

/**
 * Sizes from the esbuild metafiles of the last `npm run synth` (cdk.out) and each bundle's module-load time
 * against a DynamoDB-client-only bundle (bench/bundle-init.ts); the bench does not synthesize.
 */
const bundleBenchmark = async (): Promise<
  { synthesizedAt: string; functions: BundleSize[]; init: BundleInitResult } | undefined
> => {
  const cdkOut = join(repoRoot, 'cdk.out');
  if (!existsSync(join(cdkOut, 'manifest.json'))) return undefined;
  progress(
    `bundles: module load of every bundle vs the DynamoDB client alone, ${sizes.initSamples} interleaved rounds`,
  );
  const init = await bundleInitTimes(cdkOut, { samples: sizes.initSamples, sourceMaps: true });
  return {
    synthesizedAt: statSync(join(cdkOut, 'manifest.json')).mtime.toISOString(),
    functions: bundleSizes(cdkOut),
    init,
  };
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
  progress(`mode ${args.quick ? 'quick' : 'full'}: ${JSON.stringify(sizes)}`);
  const list = await listBenchmarks();
  const caseDetails = await caseDetailsBenchmark();
  const events = await eventBenchmarks();
  const org = await orgBenchmarks();
  const jobs = await jobBenchmarks();
  const bundles = await bundleBenchmark();
  const webhooks = await webhookBenchmark();
  const results = {
    startedAt,
    finishedAt: new Date().toISOString(),
    mode: args.quick ? 'quick' : 'full',
    machine: { cpus: cpus().length, node: process.version },
    sizes,
    list,
    caseDetails,
    events,
    org,
    jobs,
    bundles,
    webhooks,
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);

  const { latency, capacity, export: exported, scale: scaleResult } = list;
  const { throughput } = events;
  console.log(`\n== casetasks bench (${results.mode}, ${results.machine.cpus} cpus, Node ${results.machine.node}) ==`);
  console.log(
    `GET /tasks handler vs bare Query: p50 ${latency.handler.p50} vs ${latency.bare.p50} ms = ${latency.ratioP50}×, ` +
      `p99 ${latency.handler.p99} vs ${latency.bare.p99} ms = ${latency.ratioP99}× ` +
      `(target ≤ 1.3×: p50 ${met(latency.ratioP50 <= 1.3)}, p99 ${met(latency.ratioP99 <= 1.3)})`,
  );
  console.table(capacity);
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
  console.log(
    `export of ${exported.rows} open tasks: Query RCU ${exported.queryRcu} vs ideal ${exported.idealTaskRcu} = ` +
      `${exported.queryRatio}×; with any details reads (none for open tasks: they carry a copy) ` +
      `${exported.queryRcu + exported.batchGetRcu} vs ${exported.idealTaskRcu + exported.idealDetailsRcu} = ${exported.totalRatio}×`,
  );
  console.table(caseDetails.changes);
  console.table(caseDetails.creates);
  console.table(events.perType);
  console.log(
    `throughput: ${throughput.events} events in ${throughput.seconds} s = ${throughput.eventsPerSecond} events/s, ` +
      `${throughput.wcuPerEvent} WCU/event (${throughput.indexWcuPerEvent} of it indexes), ${throughput.rcuPerEvent} RCU/event`,
  );
  const newIndexWcu = ['openByCreated', 'openByAmount', 'openByReference', 'openByDebtor'].reduce(
    (sum, name) => sum + (throughput.indexWcuPerEventBy[name] ?? 0),
    0,
  );
  console.log(`throughput: of the index WCU/event, ${newIndexWcu.toFixed(2)} on issue 20's four indexes`);
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
  console.table(jobs.map(({ counts: _counts, ...job }) => job));
  if (bundles) {
    const { init } = bundles;
    console.log(
      `bundles (cdk.out synthesized ${bundles.synthesizedAt}); module load, median of ${init.samples}: ` +
        `DynamoDB client alone ${kb(init.baseline.bytes)} KB in ${init.baseline.initMs} ms`,
    );
    console.table(
      bundles.functions.map((fn) => {
        const load = init.functions.find((row) => row.function === fn.function);
        return {
          function: fn.function,
          kb: kb(fn.bytes),
          '≤ 700 KB': fn.carriesDateHolidays ? 'exempt (holidays)' : met(fn.bytes <= BUNDLE_LIMIT),
          'init ms': load?.initMs,
          '× client alone': load?.ratio,
          'with source maps ms': load?.sourceMapsMs,
          largest: fn.top.map((part) => `${part.source} ${kb(part.bytes)} KB`).join(', '),
        };
      }),
    );
  } else {
    console.log('bundles: no cdk.out (run `npm run synth` first)');
  }
  console.log(
    `webhook deliveries: receiver answers after ${WEBHOOK_RECEIVER_LATENCY_MS} ms, events offered at ` +
      `${WEBHOOK_OFFERED_RATE}/s; ideal = in flight ÷ receiver latency; each delivery arrived once, signature verified`,
  );
  console.table(webhooks);
  console.log(`results: ${join(resultsDir, 'latest.json')}`);
};

await main();
