// Module-load (init) time of every function bundle in cdk.out, as a ratio to a bundle of only the DynamoDB client.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundleExtrasDir, bundleOutput } from '../infra/constructs/service-function.js';
import { lockfileNode } from '../test/bundles/support/bundle-process.js';
import { type DeployedFunction, deployedFunctions, readCloudAssembly } from '../test/bundles/support/cloud-assembly.js';
import { lambdaEnvironment } from '../test/bundles/support/lambda-environment.js';
import { percentile } from './support/stats.js';

const repoRoot = join(import.meta.dirname, '..');
const timer = join(import.meta.dirname, 'support', 'import-timer.mjs');

export interface BundleInit {
  function: string;
  bytes: number;
  /** Median `await import()` of the bundle in a fresh Node process, in ms. */
  initMs: number;
  /** initMs / the baseline's initMs, from the same interleaved rounds. */
  ratio: number;
  /** Median with `NODE_OPTIONS=--enable-source-maps` and the map beside the bundle (what shipped before issue 17). */
  sourceMapsMs: number | undefined;
}

export interface BundleInitResult {
  samples: number;
  baseline: { bytes: number; initMs: number };
  functions: BundleInit[];
}

/**
 * The baseline: a handler holding only the DynamoDB client, created on first use as the service's clients
 * are (runtime/clients.ts), built with the functions' own esbuild output options (ESM, node24, minified,
 * SDK bundled), so the ratio shows what the service's code and libraries add to a cold start's module load.
 */
const buildBaseline = async (dir: string): Promise<string> => {
  const outfile = join(dir, 'index.mjs');
  await build({
    stdin: {
      contents: [
        "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
        'let client;',
        'export const handler = async () => (client ??= new DynamoDBClient({})).config.region();',
      ].join('\n'),
      resolveDir: repoRoot,
      loader: 'js',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: bundleOutput.target,
    minify: bundleOutput.minify,
    mainFields: [...bundleOutput.mainFields],
    banner: { js: bundleOutput.banner },
    outfile,
    logLevel: 'silent',
  });
  return outfile;
};

/** One cold module load: a fresh Node 24 process with the function's Lambda environment imports the bundle. */
const importOnce = (file: string, env: Record<string, string>): Promise<number> =>
  new Promise((resolve, reject) => {
    const child = spawn(lockfileNode, [timer, file], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    child.once('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) return reject(new Error(`import of ${file} failed (${code}): ${err}`));
      resolve((JSON.parse(line) as { importMs: number }).importMs);
    });
  });

interface Subject {
  name: string;
  file: string;
  env: Record<string, string>;
}

/** Rounds over every subject, the order reversed every other round, so all of them see the same machine noise. */
const sampleInterleaved = async (subjects: Subject[], samples: number): Promise<Map<string, number[]>> => {
  const times = new Map<string, number[]>(subjects.map((subject) => [subject.name, []]));
  for (let round = 0; round < samples; round++) {
    const order = round % 2 === 0 ? subjects : [...subjects].reverse();
    for (const subject of order) times.get(subject.name)?.push(await importOnce(subject.file, subject.env));
  }
  return times;
};

const median = (values: readonly number[] | undefined) => percentile(values ?? [], 50);
const round2 = (value: number) => Number(value.toFixed(2));

/** No call leaves a process that only loads modules; these addresses only keep the SDK off real AWS. */
const unreachable = { dynamodb: 'http://127.0.0.1:9', otherServices: 'http://127.0.0.1:9', xrayDaemon: '127.0.0.1:9' };

/** The map of a bundle: beside the assembly since issue 17, in the asset folder in older synths. */
const sourceMapOf = (outdir: string, fn: DeployedFunction): string | undefined =>
  [join(bundleExtrasDir(outdir, fn.constructPath), 'index.mjs.map'), join(fn.assetDir ?? '', 'index.mjs.map')].find(
    existsSync,
  );

export const bundleInitTimes = async (
  cdkOut: string,
  options: { samples: number; sourceMaps: boolean },
): Promise<BundleInitResult> => {
  const assembly = readCloudAssembly(cdkOut);
  const functions = deployedFunctions(assembly).filter(
    (fn) => fn.assetDir && existsSync(join(fn.assetDir, 'index.mjs')),
  );
  if (functions.length === 0) throw new Error(`no bundled functions in ${cdkOut} (was bundling skipped?)`);
  const work = mkdtempSync(join(tmpdir(), 'casetasks-bundle-init-'));
  try {
    const baselineFile = await buildBaseline(work);
    const [first] = functions as [DeployedFunction];
    const subjects: Subject[] = [
      {
        name: '(baseline)',
        file: baselineFile,
        env: lambdaEnvironment({ ...first, assetDir: work, environment: {} }, unreachable),
      },
      ...functions.map((fn) => ({
        name: fn.name,
        file: join(fn.assetDir ?? '', 'index.mjs'),
        env: lambdaEnvironment(fn, unreachable),
      })),
    ];
    if (options.sourceMaps) {
      for (const fn of functions) {
        const map = sourceMapOf(assembly.outdir, fn);
        if (!map) continue;
        const dir = mkdtempSync(join(work, 'maps-'));
        copyFileSync(join(fn.assetDir ?? '', 'index.mjs'), join(dir, 'index.mjs'));
        copyFileSync(map, join(dir, 'index.mjs.map'));
        const env = lambdaEnvironment({ ...fn, assetDir: dir }, unreachable);
        subjects.push({
          name: `${fn.name} (maps)`,
          file: join(dir, 'index.mjs'),
          env: { ...env, NODE_OPTIONS: '--enable-source-maps' },
        });
      }
    }
    const times = await sampleInterleaved(subjects, options.samples);
    const baselineMs = median(times.get('(baseline)'));
    return {
      samples: options.samples,
      baseline: { bytes: statSync(baselineFile).size, initMs: round2(baselineMs) },
      functions: functions
        .map((fn) => {
          const initMs = median(times.get(fn.name));
          const maps = times.get(`${fn.name} (maps)`);
          return {
            function: fn.name,
            bytes: statSync(join(fn.assetDir ?? '', 'index.mjs')).size,
            initMs: round2(initMs),
            ratio: round2(initMs / baselineMs),
            sourceMapsMs: maps ? round2(median(maps)) : undefined,
          };
        })
        .sort((a, b) => b.bytes - a.bytes),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** The docs/PERFORMANCE.md table. */
export const bundleInitTable = (result: BundleInitResult): string =>
  [
    '| function | KB | init (median) | × DynamoDB-client-only | with `--enable-source-maps` |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| (baseline: DynamoDB client only) | ${kb(result.baseline.bytes)} | ${result.baseline.initMs} ms | 1.00× | |`,
    ...result.functions.map(
      (fn) =>
        `| ${fn.function} | ${kb(fn.bytes)} | ${fn.initMs} ms | ${fn.ratio.toFixed(2)}× | ${
          fn.sourceMapsMs === undefined ? '' : `${fn.sourceMapsMs} ms (+${(fn.sourceMapsMs - fn.initMs).toFixed(1)})`
        } |`,
    ),
  ].join('\n');

// `tsx bench/bundle-init.ts [cdk.out] [samples]`: the table alone, after `npm run synth`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await bundleInitTimes(process.argv[2] ?? 'cdk.out', {
    samples: Number(process.argv[3] ?? 10),
    sourceMaps: true,
  });
  console.log(bundleInitTable(result));
}
