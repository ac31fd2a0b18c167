// Global setup of the bundle tier: one `npm run synth` into a fresh folder per run; test files get it by inject('cdkOut').
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The cloud assembly this run synthesized (absolute path of its cdk.out). */
    cdkOut: string;
  }
}

const repoRoot = join(import.meta.dirname, '..', '..', '..');
let workDir: string | undefined;

/** `npm run synth -- --output <dir>`: the script everyone runs, into a folder no one else writes to. */
const synthesize = (outdir: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'synth', '--', '--output', outdir], {
      cwd: repoRoot,
      env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', CDK_DISABLE_CLI_TELEMETRY: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`npm run synth failed (exit ${code}):\n${output.trim()}`)),
    );
  });

export const setup = async (project: TestProject): Promise<void> => {
  workDir = mkdtempSync(join(tmpdir(), 'casetasks-bundles-'));
  const outdir = join(workDir, 'cdk.out');
  await synthesize(outdir);
  project.provide('cdkOut', outdir);
};

export const teardown = (): void => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
};
