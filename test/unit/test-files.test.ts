// `npm run test:alone`'s pure parts: its arguments, the order of the files vitest lists, and the filters.
import { describe, expect, it } from 'vitest';
import { parseAloneArgs, parseListedFiles, progressLine, selectFiles } from '../scripts/test-files.js';

const listed = JSON.stringify([
  { file: '/repo/test/browser/console.test.ts', projectName: 'browser' },
  { file: '/repo/test/integration/b.test.ts', projectName: 'integration' },
  { file: '/repo/test/bundles/deployed-bundles.test.ts', projectName: 'bundles' },
  { file: '/repo/test/integration/a.test.ts', projectName: 'integration' },
  { file: '/repo/test/unit/z.test.ts', projectName: 'unit' },
]);

describe('test:alone arguments', () => {
  it('runs every project one file at a time by default', () => {
    expect(parseAloneArgs([])).toEqual({
      jobs: 1,
      projects: ['unit', 'integration', 'bundles', 'browser'],
      filters: [],
    });
  });

  it('reads --jobs, repeated --project and path filters', () => {
    expect(parseAloneArgs(['--jobs', '2', '--project', 'unit', '--project', 'browser', 'api-', 'mail'])).toEqual({
      jobs: 2,
      projects: ['unit', 'browser'],
      filters: ['api-', 'mail'],
    });
  });

  it('refuses a job count that is not a whole number ≥ 1 and an unknown project', () => {
    expect(() => parseAloneArgs(['--jobs', '0'])).toThrow(/--jobs/);
    expect(() => parseAloneArgs(['--jobs', '1.5'])).toThrow(/--jobs/);
    expect(() => parseAloneArgs(['--project', 'e2e'])).toThrow();
  });
});

describe('test:alone file list', () => {
  it('orders vitest’s list unit → integration → bundles → browser, then by path, relative to the repo', () => {
    expect(parseListedFiles(listed, '/repo')).toEqual([
      { project: 'unit', file: 'test/unit/z.test.ts' },
      { project: 'integration', file: 'test/integration/a.test.ts' },
      { project: 'integration', file: 'test/integration/b.test.ts' },
      { project: 'bundles', file: 'test/bundles/deployed-bundles.test.ts' },
      { project: 'browser', file: 'test/browser/console.test.ts' },
    ]);
  });

  it('keeps the chosen projects and the files matching any filter', () => {
    const files = parseListedFiles(listed, '/repo');
    expect(selectFiles(files, parseAloneArgs(['--project', 'integration', 'b.test']))).toEqual([
      { project: 'integration', file: 'test/integration/b.test.ts' },
    ]);
    expect(selectFiles(files, parseAloneArgs(['console', 'z.test'])).map(({ file }) => file)).toEqual([
      'test/unit/z.test.ts',
      'test/browser/console.test.ts',
    ]);
  });

  it('refuses a list entry from a project it does not know', () => {
    expect(() =>
      parseListedFiles(JSON.stringify([{ file: '/repo/x.test.ts', projectName: 'e2e' }]), '/repo'),
    ).toThrow();
  });

  it('prints one progress line per file with its result and seconds', () => {
    expect(progressLine(17, 155, true, 'test/integration/api-bulk.test.ts', 12_345)).toBe(
      '[17/155] pass test/integration/api-bulk.test.ts 12.3 s',
    );
    expect(progressLine(3, 4, false, 'test/unit/z.test.ts', 80)).toBe('[3/4] FAIL test/unit/z.test.ts 0.1 s');
  });
});
