// `npm run backfill:task-keys`: the stage's table and options from the command line, or a refusal naming why (nothing runs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backfillCommand } from './backfill-task-keys.js';

const scripts = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

describe('backfill:task-keys command', () => {
  it('is an npm script running this file', () => {
    expect(scripts['backfill:task-keys']).toBe('tsx infra/scripts/backfill-task-keys.ts');
  });

  it('addresses the stage table, writing by default, with 4 segments unless told', () => {
    // Act
    const plain = backfillCommand(['--stage', 'prod']);
    const dry = backfillCommand(['--stage=dev', '--dry-run', '--segments', '16']);
    // Assess
    expect(plain).toEqual({ tableName: 'casetasks-prod', dryRun: false, segments: 4 });
    expect(dry).toEqual({ tableName: 'casetasks-dev', dryRun: true, segments: 16 });
  });

  it.each([
    [[], /usage: --stage <stage>/],
    [['--stage', 'Prod'], /stage "Prod"/],
    [['--stage', 'synth-check'], /synth-check has no table/],
    [['--stage', 'dev', '--segments', '0'], /--segments is a whole number from 1 to 64/],
    [['--stage', 'dev', '--force'], /Unknown option '--force'/],
  ])('refuses %j', (argv, reason) => {
    expect(() => backfillCommand(argv)).toThrow(reason);
  });
});
