// Benchmark: N overdue chat tasks with the offline judge (CHAT_CLEANUP_BENCH_TASKS=10000 for the documented run).
import { offlineJudge } from '@casetasks/ai';
import { createDb, mapBounded } from '@casetasks/db';
import { localClientConfig } from '@casetasks/local/dynamodb-local';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { attachCapacityMeter } from '../../bench/support/capacity-meter.js';
import { runChatCleanup } from '../../functions/scheduled/chat-cleanup.js';
import { createTestTable, type TestTable } from '../support/table.js';
import { countingJudge, deps, NOW, seedChatTask } from './chat-cleanup-fixtures.js';

const TASKS = Number(process.env.CHAT_CLEANUP_BENCH_TASKS ?? 400);
const CONCURRENCY = Number(process.env.CHAT_CLEANUP_BENCH_CONCURRENCY ?? 4);
/** Per case: two earlier messages and a last one the offline judge resolves (1 in 2), or keeps. */
const lastMessages = [
  'Thanks, received.',
  'Could you send the payment plan?',
  'Thank you!',
  'The debtor moved abroad.',
];

let table: TestTable;
beforeAll(async () => {
  table = await createTestTable('chat-bench');
  await mapBounded(
    Array.from({ length: TASKS }, (_, i) => i),
    16,
    (i) =>
      seedChatTask(table.db, {
        party: i % 2 ? 'partner' : 'creditor',
        orgId: `org-${i % 50}`,
        texts: ['We received the case file.', 'Please confirm the claim amount.', lastMessages[i % 4] as string],
      }),
  );
}, 900_000);
afterAll(async () => table?.drop());

it(`cleans ${TASKS} overdue chat tasks with the offline judge and reports time and capacity per task`, async () => {
  // Prepare: a separate client so only the job's requests are metered.
  const db = createDb(table.tableName, localClientConfig(table.endpoint));
  const meter = attachCapacityMeter(db.client);
  const { judge, calls } = countingJudge(offlineJudge);
  // Act
  const started = performance.now();
  const summary = await runChatCleanup({ now: NOW }, deps(db, judge, {}, { concurrency: CONCURRENCY }));
  const seconds = (performance.now() - started) / 1000;
  // Assess
  expect(summary.counts).toEqual({ evaluated: TASKS, resolved: TASKS / 2, kept: TASKS / 2, failed: 0 });
  expect(summary.checkpoint).toBeUndefined();
  expect([...calls.values()].every((n) => n === 1)).toBe(true);
  const { read, write, calls: requests } = meter.snapshot();
  const report = {
    tasks: TASKS,
    concurrency: CONCURRENCY,
    seconds: Number(seconds.toFixed(2)),
    tasksPerSecond: Math.round(TASKS / seconds),
    rcuPerTask: Number((read / TASKS).toFixed(3)),
    wcuPerTask: Number((write / TASKS).toFixed(3)),
    wcuPerResolvedTask: Number((write / (TASKS / 2)).toFixed(3)),
    requestsPerTask: Number((requests / TASKS).toFixed(3)),
  };
  console.info(`chat-cleanup benchmark ${JSON.stringify(report)}`);
  expect(read).toBeGreaterThan(0);
  db.client.destroy();
}, 900_000);
