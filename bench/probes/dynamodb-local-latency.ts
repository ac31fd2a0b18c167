// Per-transaction latency of DynamoDB Local, one at a time vs 8 and 16 in flight (PERFORMANCE.md §5: its ceiling
// under the event throughput figure). A transaction here is a service write's shape: a task, its history, an outbox entry.
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mapBounded, newTask } from '@casetasks/core';
import type { Db } from '@casetasks/db';
import { storedItems } from '@casetasks/db/testing';
import { ulid } from 'ulid';
import { progress, startBenchDatabase } from '../support/local-table.js';
import { type Probe, ruleBook } from '../support/probe.js';
import { percentile } from '../support/stats.js';

const WARM_UP = 50;
const TRANSACTIONS = 300;

const transaction = (db: Db) => {
  const id = ulid();
  const task = storedItems.task(
    newTask({
      id,
      type: 'update_case_status',
      party: 'partner',
      orgId: 'p-latency',
      scopeKey: `case#c-${id}`,
      caseId: `c-${id}`,
      createdAt: '2026-11-23T10:00:00.000Z',
      deadline: '2026-11-30T10:00:00.000Z',
    }),
  );
  const history = { pk: `probe#${id}`, sk: 'history#1', action: 'created', at: '2026-11-23T10:00:00.000Z' };
  const outbox = { pk: `probe#${id}`, sk: 'outbox#1', detailType: 'Task Created', detail: JSON.stringify({ id }) };
  return () =>
    db.client.send(
      new TransactWriteCommand({
        TransactItems: [task, history, outbox].map((Item) => ({ Put: { TableName: db.tableName, Item } })),
      }),
    );
};

interface Row {
  'in flight': number;
  transactions: number;
  seconds: number;
  'transactions/s': number;
  'p50 ms': number;
  'p99 ms': number;
}

const measure = async (db: Db, inFlight: number, count: number): Promise<Row> => {
  const latencies: number[] = [];
  const started = performance.now();
  await mapBounded(
    Array.from({ length: count }, () => transaction(db)),
    inFlight,
    async (send) => {
      const at = performance.now();
      await send();
      latencies.push(performance.now() - at);
    },
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    'in flight': inFlight,
    transactions: count,
    seconds: Number(seconds.toFixed(2)),
    'transactions/s': Number((count / seconds).toFixed(1)),
    'p50 ms': Number(percentile(latencies, 50).toFixed(2)),
    'p99 ms': Number(percentile(latencies, 99).toFixed(2)),
  };
};

/** DynamoDB Local's ItemCount is exact and current (the service's is refreshed every ~6 hours). */
const countItems = async (db: Db): Promise<number> => {
  const { Table } = await db.client.send(new DescribeTableCommand({ TableName: db.tableName }));
  return Table?.ItemCount ?? 0;
};

export const probe: Probe = async () => {
  const rules = ruleBook();
  const database = await startBenchDatabase();
  try {
    const { db } = await database.table('probe-latency');
    progress(`${WARM_UP} warm-up transactions`);
    await measure(db, 1, WARM_UP);
    const rows: Row[] = [];
    for (const inFlight of [1, 8, 16]) {
      progress(`${TRANSACTIONS} transactions, ${inFlight} in flight`);
      rows.push(await measure(db, inFlight, TRANSACTIONS));
    }
    const [sequential, , sixteen] = rows as [Row, Row, Row];
    console.log('\nDynamoDB Local, TransactWriteItems of 3 items (a task, its history, an outbox entry):');
    console.table(rows);
    const speedUp = sixteen['transactions/s'] / sequential['transactions/s'];
    console.log(
      `one at a time: ${sequential['p50 ms']} ms per warm transaction (p50), ${sequential['transactions/s']}/s; ` +
        `16 in flight: ${sixteen['transactions/s']}/s (${speedUp.toFixed(2)}× the sequential rate), p50 ${sixteen['p50 ms']} ms`,
    );
    const written = await countItems(db);
    const expected = 3 * (WARM_UP + 3 * TRANSACTIONS);
    rules.rule(written === expected, `every transaction committed all 3 items (${written} of ${expected} items)`);
    rules.rule(
      sixteen['p50 ms'] > sequential['p50 ms'],
      `16 in flight wait for each other: p50 ${sixteen['p50 ms']} ms > ${sequential['p50 ms']} ms one at a time`,
    );
    rules.rule(
      speedUp < 4,
      `16 in flight do not run 16 at once: ${speedUp.toFixed(2)}× the sequential rate (< 4×; a service scaling ` +
        `with concurrency would approach 16×)`,
    );
    return rules.report();
  } finally {
    await database.stop();
  }
};
