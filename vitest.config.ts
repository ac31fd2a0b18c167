// Four tiers: fast pure unit tests, integration tests against DynamoDB Local (one instance per test file), the
// local console in a real browser (test/browser), and the deployed bundles run from a fresh synth (test/bundles).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two files at a time even on a 2-core machine: an integration file mostly waits on its DynamoDB
    // Local's single SQLite thread, so two files keep both cores busy.
    maxWorkers: 2,
    // Every run takes a file's tests in a shuffled order (fixed seed: a failure reproduces), so a test that leans on
    // an earlier one fails here rather than in a later reorder; files keep vitest's longest-first scheduling.
    // `npm run test:shuffle` shuffles the files too, with SEED to try another order (docs/RELIABILITY.md).
    sequence: { shuffle: { files: false, tests: true }, seed: 20261129 },
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.ts',
            'functions/**/*.test.ts',
            'infra/**/*.test.ts',
            'test/unit/**/*.test.ts',
          ],
          environment: 'node',
          setupFiles: ['test/support/quiet-logs.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/reliability/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/support/quiet-logs.ts', 'test/support/setup-env.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The local console in the machine's Chromium (playwright-core), against DynamoDB Local like integration;
        // it skips with a message when no Chromium is installed (test/browser/chromium.ts).
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/support/quiet-logs.ts', 'test/support/setup-env.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        // What ships: one `npm run synth` per run (globalSetup), then every function's bundle from that cdk.out
        // in a Node 24 child process with its template's environment, against DynamoDB Local (test/bundles).
        test: {
          name: 'bundles',
          include: ['test/bundles/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/bundles/support/synthesize.ts'],
          setupFiles: ['test/support/quiet-logs.ts', 'test/support/setup-env.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
