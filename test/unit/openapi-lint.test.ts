// The API lint gates of `npm test`: Redocly (recommended) and Spectral (spectral:oas) find nothing in
// docs/openapi.json under redocly.yaml and .spectral.yaml. The AsyncAPI document's gate is asyncapi.test.ts.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/constructs/service-function.js';

const run = promisify(execFile);
const bin = (name: string) => join(repoRoot, 'node_modules', '.bin', name);
// Offline and quiet: no telemetry, no update check (the tests run without network).
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };

/** Runs a CLI under this Node; a non-zero exit still yields its output (the report is what is asserted). */
const lint = async (name: string, args: string[]): Promise<string> => {
  const options = { cwd: repoRoot, env, maxBuffer: 64 * 1024 * 1024 };
  try {
    return (await run(process.execPath, [bin(name), ...args], options)).stdout;
  } catch (error) {
    return (error as { stdout?: string }).stdout ?? String(error);
  }
};

const LINT_TIMEOUT = 120_000;

describe('lint gates of docs/openapi.json', () => {
  it(
    'Redocly recommended: 0 errors, 0 warnings',
    async () => {
      const report = JSON.parse(await lint('redocly', ['lint', 'docs/openapi.json', '--format=json'])) as {
        totals: Record<string, number>;
        problems: unknown[];
      };
      expect(report.problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    },
    LINT_TIMEOUT,
  );

  it(
    'Spectral spectral:oas: no problem of any severity',
    async () => {
      const args = ['lint', 'docs/openapi.json', '--format=json', '--fail-severity=hint', '--quiet'];
      expect(JSON.parse(await lint('spectral', args))).toEqual([]);
    },
    LINT_TIMEOUT,
  );
});
