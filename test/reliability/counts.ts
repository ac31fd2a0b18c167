// `npm run reliability:counts`: the cases each reliability suite generates, from the suites' own generators (no DynamoDB, no run).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { httpRoutes } from '../../functions/http/routes.js';
import { badEventCases } from './bad-input-events-cases.js';
import { badHttpCases, hostileTitles, routesWithPathParameters } from './bad-input-http-cases.js';
import { schemaProbeCounts } from './extreme-values-probes.js';
import { accessVariants, authenticatedRoutes } from './requests.js';

export interface ReliabilityCount {
  /** The key the docs' figures are checked against (test/unit/reliability-counts.test.ts). */
  key: string;
  suite: string;
  what: string;
  count: number;
}

/** The default of `REPLAY_RUNS` in a replay suite: how many shuffled runs `npm test` makes. */
const replayRuns = (file: string): number => {
  const source = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
  const match = /process\.env\.REPLAY_RUNS \?\? (\d+)\)/.exec(source);
  if (!match?.[1]) throw new Error(`${file}: no REPLAY_RUNS default`);
  return Number(match[1]);
};

export const reliabilityCounts = (): ReliabilityCount[] => {
  const extreme = schemaProbeCounts(Date.now(), authenticatedRoutes);
  return [
    {
      key: 'access-matrix.cells',
      suite: 'test/reliability/access-matrix.test.ts',
      what: 'cells: every route × every caller',
      count: httpRoutes.length * accessVariants.length,
    },
    {
      key: 'bad-input-http.generated',
      suite: 'test/reliability/bad-input-http.test.ts',
      what: 'generated bad requests (path, query, header and every body leaf and container)',
      count: badHttpCases().length,
    },
    {
      key: 'bad-input-http.texts',
      suite: 'test/reliability/bad-input-http.test.ts',
      what: 'hostile-looking titles stored verbatim',
      count: Object.keys(hostileTitles()).length,
    },
    {
      key: 'bad-input-http.utf8-paths',
      suite: 'test/reliability/bad-input-http.test.ts',
      what: 'routes given a path that is not valid UTF-8',
      count: routesWithPathParameters().length,
    },
    {
      key: 'bad-input-events.generated',
      suite: 'test/reliability/bad-input-events.test.ts',
      what: 'generated bad events',
      count: badEventCases().length,
    },
    {
      key: 'replay.runs',
      suite: 'test/reliability/replay.test.ts',
      what: 'seeded shuffled runs inside npm test',
      count: replayRuns('test/reliability/replay.test.ts'),
    },
    {
      key: 'events-replay.runs',
      suite: 'test/integration/events-replay.test.ts',
      what: 'seeded shuffled runs inside npm test',
      count: replayRuns('test/integration/events-replay.test.ts'),
    },
    {
      key: 'events-replay-quote-close.runs',
      suite: 'test/integration/events-replay-quote-close.test.ts',
      what: 'seeded shuffled runs per passing test inside npm test',
      count: replayRuns('test/integration/events-replay-quote-close.test.ts'),
    },
    {
      key: 'extreme-values.http',
      suite: 'test/reliability/extreme-values.test.ts',
      what: 'HTTP probes inside npm test made from the schemas (the crafted list cursors come on top)',
      count: extreme.http,
    },
    {
      key: 'extreme-values.events',
      suite: 'test/reliability/extreme-values.test.ts',
      what: 'event probes inside npm test',
      count: extreme.events,
    },
  ];
};

/** The counts as a markdown table. */
export const countsTable = (counts: readonly ReliabilityCount[]): string =>
  [
    '| key | suite | what | count |',
    '| --- | --- | --- | --- |',
    ...counts.map(
      ({ key, suite, what, count }) => `| ${key} | \`${suite}\` | ${what} | ${count.toLocaleString('en-US')} |`,
    ),
  ].join('\n');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(countsTable(reliabilityCounts()));
}
