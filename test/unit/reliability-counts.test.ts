// The counts docs/RELIABILITY.md states are the ones the suites' generators make (`npm run reliability:counts`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reliabilityCounts } from '../reliability/counts.js';

const doc = readFileSync(new URL('../../docs/RELIABILITY.md', import.meta.url), 'utf8');
const counts = Object.fromEntries(reliabilityCounts().map(({ key, count }) => [key, count]));
const numbers = (text: string): number[] =>
  [...text.replaceAll(/`[^`]*`/g, '').matchAll(/\d[\d,]*/g)].map((match) => Number(match[0].replaceAll(',', '')));

/** The counts each suite's "cases" cell states, in order; a suite not listed states none. */
const casesCells: Record<string, string[]> = {
  'access-matrix.test.ts': ['access-matrix.cells'],
  'bad-input-http.test.ts': ['bad-input-http.generated', 'bad-input-http.texts', 'bad-input-http.utf8-paths'],
  'bad-input-events.test.ts': ['bad-input-events.generated'],
  'replay.test.ts': ['replay.runs'],
  'extreme-values.test.ts': ['extreme-values.http', 'extreme-values.events'],
};

describe('docs/RELIABILITY.md counts', () => {
  const rows = doc
    .split('\n')
    .filter((line) => /^\| `[\w-]+\.test\.ts` \|/.test(line))
    .map((line) => line.split(' | '))
    .filter((cells) => cells.length === 3);

  it('has a "cases" cell per suite', () => {
    expect(rows.length).toBeGreaterThanOrEqual(9);
  });

  it.each(rows.map((cells) => [cells[0]?.replace(/^\| `|`$/g, '') ?? '', cells[2] ?? ''] as const))(
    '%s: the cases cell states the generated counts',
    (suite, cell) => {
      const expected = (casesCells[suite] ?? []).map((key) => counts[key]);
      expect(numbers(cell.replace(/ \|$/, ''))).toEqual(expected);
    },
  );

  it('states the shuffles of each replay suite inside npm test', () => {
    const line = doc.split('\n').find((entry) => entry.startsWith('Shuffles inside `npm test`')) ?? '';
    expect(numbers(line)).toEqual([
      counts['events-replay.runs'],
      counts['events-replay-quote-close.runs'],
      counts['replay.runs'],
    ]);
  });
});
