// Two tiers: fast pure unit tests, and integration tests against DynamoDB Local (one instance per test file).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two files at a time even on a 2-core machine: an integration file mostly waits on its DynamoDB
    // Local's single SQLite thread, so two files keep both cores busy.
    maxWorkers: 2,
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
    ],
  },
});
