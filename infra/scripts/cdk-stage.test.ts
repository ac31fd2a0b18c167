// `npm run synth | deploy | diff | destroy | bootstrap`: synth is the offline synth-check; the others need a real stage (no CLI is run here).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cdkArguments, StageCommandError, stageActions } from './cdk-stage.js';

const scripts = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof StageCommandError) return error.message;
    throw error;
  }
  throw new Error('the command was accepted');
};

describe('stage scripts', () => {
  it('synthesizes offline as synth-check with no flag to remember', () => {
    expect(scripts.synth).toBe('cdk synth --quiet --no-notices -c stage=synth-check');
  });

  it.each(stageActions)('has `npm run %s` going through the stage check', (action) => {
    expect(scripts[action]).toBe(`tsx infra/scripts/cdk-stage.ts ${action}`);
  });

  it('deploys both stacks of the stage named with -c, passing other options through', () => {
    expect(cdkArguments('deploy', ['-c', 'stage=dev', '--require-approval', 'never'], {})).toEqual([
      'deploy',
      '--all',
      '--no-notices',
      '-c',
      'stage=dev',
      '--require-approval',
      'never',
    ]);
  });

  it('takes the stage from STAGE or --context=stage=… as well', () => {
    expect(cdkArguments('diff', [], { STAGE: 'staging' })).toEqual(['diff', '--no-notices', '-c', 'stage=staging']);
    expect(cdkArguments('diff', ['--context=stage=prod', '-c', 'apiRateLimit=50'], {})).toEqual([
      'diff',
      '--no-notices',
      '-c',
      'stage=prod',
      '-c',
      'apiRateLimit=50',
    ]);
  });

  it('destroys only the service stack: the data stack keeps the retained table', () => {
    expect(cdkArguments('destroy', ['-c', 'stage=dev'], {})).toEqual([
      'destroy',
      'casetasks-dev-service',
      '--no-notices',
      '-c',
      'stage=dev',
    ]);
  });

  it.each(stageActions.filter((action) => action !== 'bootstrap'))('refuses to %s the synth-check stage', (action) => {
    expect(refusal(() => cdkArguments(action, ['-c', 'stage=synth-check'], {}))).toMatch(
      /synth-check stage only exists for the offline synth/,
    );
  });

  it('refuses a missing, malformed or ambiguous stage, saying how to give one', () => {
    expect(refusal(() => cdkArguments('deploy', [], {}))).toBe(
      'npm run deploy needs a stage: npm run deploy -- -c stage=dev (or STAGE=dev npm run deploy)',
    );
    expect(refusal(() => cdkArguments('deploy', ['-c', 'stage=Prod'], {}))).toMatch(/^stage "Prod": /);
    expect(refusal(() => cdkArguments('deploy', ['-c', 'stage=dev'], { STAGE: 'prod' }))).toMatch(/disagree/);
    expect(refusal(() => cdkArguments('deploy', ['-c', 'stage=dev', '-c', 'stage=prod'], {}))).toMatch(
      /two stages given/,
    );
  });

  it('bootstraps an account and region with no stage: the CLI synthesizes the app, so the offline stage is passed', () => {
    expect(cdkArguments('bootstrap', ['aws://210987654321/eu-central-1'], {})).toEqual([
      'bootstrap',
      '--no-notices',
      '-c',
      'stage=synth-check',
      'aws://210987654321/eu-central-1',
    ]);
    expect(refusal(() => cdkArguments('bootstrap', ['-c', 'stage=dev'], {}))).toMatch(/give no stage/);
  });
});
