// The check that every figure in docs/PERFORMANCE.md and docs/RELIABILITY.md has a command that resolves (issue 24).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type CommandContext,
  figuresOf,
  findDocProblems,
  findRepoDocProblems,
  formatProblem,
  loadCommandContext,
  resolveCommand,
} from '../support/doc-figures.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const files = new Set([
  'bench/probes/dynamodb-local-latency.ts',
  'test/reliability/concurrency.test.ts',
  'bench/run.ts',
]);
const context: CommandContext = {
  scripts: {
    bench: 'tsx bench/run.ts',
    probe: 'tsx bench/probes/run.ts',
    'reliability:counts': 'tsx x.ts',
    test: 'vitest',
  },
  benchIds: ['list', 'scale', 'wcu'],
  vitestProjects: ['unit', 'integration'],
  exists: (path) => files.has(path),
};

const problemsOf = (markdown: string) => findDocProblems('docs/X.md', markdown, context);

describe('figures without a command', () => {
  it('reports each line with a figure in a section that has no Command: line', () => {
    // Prepare
    const markdown = [
      '# Title',
      '',
      '## 1. List',
      '',
      '| measure | value |',
      '| --- | ---: |',
      '| p50 | 2.9 ms |',
    ].join('\n');

    // Act
    const problems = problemsOf(markdown);

    // Assess
    expect(problems).toEqual([
      {
        doc: 'docs/X.md',
        section: '1. List',
        line: 7,
        problem: 'figure without a command',
        text: '2.9 | | p50 | 2.9 ms |',
      },
    ]);
    expect(formatProblem(problems[0] as (typeof problems)[0])).toBe(
      'docs/X.md:7 [1. List] figure without a command: 2.9 | | p50 | 2.9 ms |',
    );
  });

  it('passes a section whose figures are followed by a resolving Command: line', () => {
    // Prepare
    const markdown = ['## 1. List', '', '| p50 | 2.9 ms |', '', 'Command: `npm run bench -- --only list`'].join('\n');

    // Act
    const problems = problemsOf(markdown);

    // Assess
    expect(problems).toEqual([]);
  });

  it('needs a command in every section: a subsection has its own, the parent section does not inherit it', () => {
    // Prepare
    const markdown = [
      'Intro with 3 runs.',
      '## Parent',
      '',
      'Took 12 s.',
      '### Child',
      'Took 4 s.',
      'Command: `npx vitest run test/reliability/concurrency.test.ts`',
    ].join('\n');

    // Act
    const problems = problemsOf(markdown);

    // Assess
    expect(problems.map(({ section, line }) => [section, line])).toEqual([
      ['intro', 1],
      ['Parent', 4],
    ]);
  });

  it('ignores fenced code, indented code, inline code, link targets and headings', () => {
    // Prepare
    const markdown = [
      '## 2026 plans for 10 000 items',
      '',
      '```sh',
      'EXTREME_RUNS=200 npm run bench:extreme',
      '```',
      '',
      '    REPLAY_RUNS=200 npx vitest run',
      '',
      'Run `REPLAY_SEED=7 npm test` as in [docs/x2.md](../docs/x2.md#part-3) or <https://example.com/v/4>.',
    ].join('\n');

    // Act
    const problems = problemsOf(markdown);

    // Assess
    expect(problems).toEqual([]);
  });

  it('counts a list continuation indented four spaces as body text', () => {
    // Prepare
    const markdown = ['- first point', '', '    a continuation with 12 items'].join('\n');

    // Act
    const figures = problemsOf(markdown).map(({ text }) => text);

    // Assess
    expect(figures).toEqual(['12 | a continuation with 12 items']);
  });
});

describe('exempt forms', () => {
  it.each([
    ['ISO date', 'the run of 2026-11-29 on this machine'],
    ['clock time', 'between 11:42 and 11:50:07 on that day'],
    ['clock time with UTC', 'at 11:42 UTC'],
    ['issue reference', 'since issue 20 and Issue 21, Issues 16 and 17'],
    ['hash reference', 'fixed in #20'],
    ['section sign', 'see §14 and §3.2'],
    ['section reference', 'section 11 and sections 1–10'],
    ['HTTP status', 'answered HTTP 404, or HTTP 200/201'],
    ['error code after a status', 'a 404 not_found, a 409 `conflict`, a 400 `rule_violation`'],
    ['status after an error code', 'conflict (409)'],
    ['status class', 'no 5xx and a gateway 4xx'],
    ['ordered-list marker', '1. the first step'],
    ['names with digits', 'p50 and p99 of E1 over S3 in UTF-8'],
  ])('%s has no figure: %s', (_form, text) => {
    // Act
    const figures = figuresOf(text);

    // Assess
    expect(figures).toEqual([]);
  });

  it.each([
    ['a count of status codes', 'one 200 and 49 409s', ['200', '49', '409']],
    ['a date without its day', 'in 2026-11', ['2026', '11']],
    ['a version', 'Node 24.21.0 on 2 cores', ['24.21.0', '2']],
    ['grouped thousands', '10 000 items and 1,389 cases', ['10 000', '1,389']],
    ['a figure beside an exempt form', 'section 11 took 8 min', ['8']],
    ['an id with a hyphen', 'the org p-1', ['1']],
  ])('%s is a figure: %s', (_form, text, expected) => {
    // Act
    const figures = figuresOf(text);

    // Assess
    expect(figures).toEqual(expected);
  });
});

describe('commands', () => {
  it.each([
    'npm run bench',
    'npm run bench -- --quick --only list,wcu',
    'npm run bench -- --only=scale',
    'npm run probe -- dynamodb-local-latency',
    'npm run reliability:counts',
    'npm test',
    'npx vitest run --project integration test/reliability/concurrency.test.ts',
    'npx vitest run --project=unit --sequence.shuffle test/reliability/concurrency.test.ts',
    'npx tsx bench/run.ts --quick',
    'EXTREME_RUNS=200 EXTREME_SEED=7 npm run bench -- --only list',
    'npm run reliability:counts && npm run bench -- --only wcu',
  ])('resolves %s', (command) => {
    // Act
    const reason = resolveCommand(command, context);

    // Assess
    expect(reason).toBeUndefined();
  });

  it.each([
    ['npm run missing-script', 'no script "missing-script" in package.json'],
    ['npm run probe -- capacity-counting', 'bench/probes/capacity-counting.ts does not exist'],
    ['npm run probe', 'npm run probe without a probe name'],
    ['npm run bench -- --only list,jobs', 'unknown bench scenario jobs (benchScenarioIds in bench/scenarios.ts)'],
    ['npm run bench -- --only', '--only without scenario ids'],
    ['npm run bench -- --fast', 'unknown bench argument --fast'],
    ['npx vitest run test/reliability/missing.test.ts', 'test/reliability/missing.test.ts does not exist'],
    ['npx vitest run --project browser test/reliability/concurrency.test.ts', 'unknown vitest project browser'],
    ['npx tsx bench/probes/missing.ts', 'bench/probes/missing.ts does not exist'],
    ['npm run reliability:counts && npm run gone', 'no script "gone" in package.json'],
    ['curl http://localhost:3000/tasks', 'not one of npm run <script>, npx vitest run <paths>, npx tsx <path>'],
  ])('does not resolve %s', (command, expected) => {
    // Act
    const reason = resolveCommand(command, context);

    // Assess
    expect(reason).toBe(expected);
  });

  it('reports each unresolved command of a Command: line, and a Command: line without inline code', () => {
    // Prepare
    const markdown = [
      '## Counts',
      'Suite of 1 364 cases.',
      'Command: `npm run reliability:counts` and `npm run probe -- nope`',
      'Command: run the bench',
    ].join('\n');

    // Act
    const problems = problemsOf(markdown);

    // Assess
    expect(problems).toEqual([
      {
        doc: 'docs/X.md',
        section: 'Counts',
        line: 3,
        problem: 'unresolved command',
        text: 'npm run probe -- nope (bench/probes/nope.ts does not exist)',
      },
      {
        doc: 'docs/X.md',
        section: 'Counts',
        line: 4,
        problem: 'unresolved command',
        text: 'no inline-code command: Command: run the bench',
      },
    ]);
  });
  it('reports a Command: that does not open its line', () => {
    // Prepare
    const markdown = ['## Counts', 'Suite of 12 cases.', '- **Command:** `npm run reliability:counts`'].join('\n');

    // Act
    const problems = problemsOf(markdown);

    // Assess
    expect(problems.map(({ line, problem, text }) => [line, problem, text])).toEqual([
      [3, 'unresolved command', 'Command: must open the line: - **Command:** `npm run reliability:counts`'],
      [2, 'figure without a command', '12 | Suite of 12 cases.'],
    ]);
  });
});

describe('docs/PERFORMANCE.md and docs/RELIABILITY.md', () => {
  it('resolves commands against package.json, bench/scenarios.ts and vitest.config.ts', () => {
    // Act
    const repo = loadCommandContext(root);

    // Assess
    expect(repo.scripts.bench).toBe('tsx bench/run.ts');
    expect(repo.vitestProjects).toEqual(['unit', 'integration', 'browser', 'bundles']);
    expect(repo.benchIds).toEqual(
      expect.arrayContaining(['list', 'scale', 'wcu', 'throughput', 'jobs', 'case-details']),
    );
    expect(repo.exists('bench/run.ts')).toBe(true);
    expect(repo.exists('bench/missing.ts')).toBe(false);
  });

  it('every figure has a command that resolves', () => {
    // Act
    const problems = findRepoDocProblems(root);

    // Assess
    const lines = problems.map(formatProblem);
    expect(
      lines.length,
      `add a "Command: \`…\`" line to each section below or fix the command:\n${lines.join('\n')}\n`,
    ).toBe(0);
  });
});
