// The bench's DynamoDB Local: one instance per group, fresh tables dropped when done, the service pointed at one,
// bulk seeding.
import { DeleteTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { resetClients, resetConfig } from '@casetasks/app/runtime';
import { mapBounded } from '@casetasks/core';
import { createDb, type Db } from '@casetasks/db';
import {
  type DynamoDbLocal,
  ensureTable,
  localClientConfig,
  startDynamoDbLocal,
} from '../../infra/local/dynamodb-local.js';
import { check } from './checks.js';

export interface BenchTable {
  name: string;
  /** A client of the bench's own (seeding, bare queries); the service uses `tasksDb()`. */
  db: Db;
}

export interface BenchDatabase {
  endpoint: string;
  table(name: string): Promise<BenchTable>;
  /** Points `tasksDb()` and the config at this table, exactly as the integration tests do. */
  useForService(table: BenchTable): void;
  /** DeleteTable of one table this database created (a scenario done with it). */
  drop(table: BenchTable): Promise<void>;
  /** Drops every table still there, checks none is left, then stops the instance and destroys every client. */
  stop(): Promise<{ dropped: number }>;
}

/** Starts DynamoDB Local and sets the environment every integration test sets; `stop` destroys every client. */
export const startBenchDatabase = async (): Promise<BenchDatabase> => {
  const local: DynamoDbLocal = await startDynamoDbLocal();
  process.env.DYNAMODB_ENDPOINT = local.endpoint;
  process.env.AWS_REGION = 'eu-west-1';
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
  const clients: Db[] = [];
  const admin = createDb('(admin)', localClientConfig(local.endpoint)).client;
  const drop = (name: string) => admin.send(new DeleteTableCommand({ TableName: name }));
  return {
    endpoint: local.endpoint,
    table: async (name) => {
      await ensureTable(local.endpoint, name);
      const db = createDb(name, localClientConfig(local.endpoint));
      clients.push(db);
      return { name, db };
    },
    useForService: (table) => {
      process.env.TABLE_NAME = table.name;
      resetConfig();
      resetClients();
    },
    drop: async (table) => {
      await drop(table.name);
    },
    stop: async () => {
      resetClients();
      let dropped = 0;
      try {
        const { TableNames = [] } = await admin.send(new ListTablesCommand({}));
        for (const name of TableNames) await drop(name);
        dropped = TableNames.length;
        const left = (await admin.send(new ListTablesCommand({}))).TableNames ?? [];
        check(left.length === 0, `every bench table dropped (left: ${left.join(', ') || 'none'})`);
      } finally {
        for (const db of clients) db.client.destroy();
        admin.destroy();
        await local.stop();
      }
      return { dropped };
    },
  };
};

/** Writes items 25 per BatchWrite, 16 batches in flight, resending what DynamoDB Local leaves unprocessed. */
export const seedItems = async (db: Db, items: readonly Record<string, unknown>[]): Promise<void> => {
  const batches = Array.from({ length: Math.ceil(items.length / 25) }, (_, i) => items.slice(i * 25, i * 25 + 25));
  await mapBounded(batches, 16, async (batch) => {
    let requests: NonNullable<BatchWriteCommandOutput['UnprocessedItems']>[string] = batch.map((Item) => ({
      PutRequest: { Item },
    }));
    while (requests.length > 0) {
      const output: BatchWriteCommandOutput = await db.client.send(
        new BatchWriteCommand({ RequestItems: { [db.tableName]: requests } }),
      );
      requests = output.UnprocessedItems?.[db.tableName] ?? [];
    }
  });
};

/** Seconds since `started` (a `performance.now()` value), two decimals. */
export const secondsSince = (started: number): number => Number(((performance.now() - started) / 1000).toFixed(2));

/** Progress lines go to stderr so stdout keeps only the summary. */
export const progress = (message: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
};
