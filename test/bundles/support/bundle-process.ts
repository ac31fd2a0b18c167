// One deployed bundle running in its own Node 24 child process (lambda-runtime.mjs): invoke it, read its logs, stop it.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { type DeployedFunction, LOCAL_ACCOUNT } from './cloud-assembly.js';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
/** Node from the lockfile (npm package `node`), the runtime the functions deploy on; never the machine's own. */
export const lockfileNode = join(repoRoot, 'node_modules', '.bin', 'node');
const runtimeScript = join(import.meta.dirname, 'lambda-runtime.mjs');

export type Invocation =
  | { ok: true; result: unknown; durationMs: number }
  | { ok: false; error: { errorType: string; errorMessage: string; trace: string[] }; durationMs: number };

export interface BundleProcess {
  fn: DeployedFunction;
  /** Module load time inside the child (the `import()` of the bundle), once it is ready. */
  initMs: number;
  /** One invocation with the function's own timeout, as Lambda would run it. */
  invoke(event: unknown): Promise<Invocation>;
  /** Every line the bundle wrote to stdout or stderr, parsed when it is JSON (Powertools logs, EMF metrics). */
  readonly logs: unknown[];
  /** The last lines of stderr, for failure messages. */
  readonly stderr: string;
  stop(): Promise<void>;
}

const messageOf = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

const parseLine = (line: string): unknown => {
  try {
    return JSON.parse(line);
  } catch {
    return line;
  }
};

/** Starts the bundle with exactly `environment` and resolves once its module has loaded (its init). */
export const startBundle = async (
  fn: DeployedFunction,
  environment: Record<string, string>,
): Promise<BundleProcess> => {
  const child: ChildProcess = spawn(lockfileNode, [runtimeScript], {
    cwd: fn.assetDir,
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const logs: unknown[] = [];
  let stderr = '';
  // Powertools writes warnings and errors to stderr, the rest (and EMF metrics) to stdout: both are the log.
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.setEncoding('utf8').on('data', (chunk: string) => {
      if (stream === child.stderr) stderr = (stderr + chunk).slice(-4_000);
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      logs.push(...lines.filter((line) => line.trim() !== '').map(parseLine));
    });
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const describe = () =>
    `${fn.name} (exit ${child.exitCode ?? child.signalCode ?? 'running'}; stderr: ${stderr.trim() || '-'})`;

  const pending = new Map<number, (invocation: Invocation) => void>();
  let crash: string | undefined;
  const initMs = await new Promise<number>((resolve, reject) => {
    child.on('message', (raw) => {
      const message = messageOf(raw);
      if (message.type === 'ready') resolve(Number(message.initMs));
      if (message.type === 'init-error')
        reject(new Error(`${fn.name} failed to initialise: ${JSON.stringify(message.error)}`));
      if (message.type === 'crash') crash = JSON.stringify(message.error);
      if (message.type === 'result') pending.get(Number(message.id))?.(message as unknown as Invocation);
    });
    child.once('exit', () => reject(new Error(`${describe()} exited during init`)));
  });
  child.once('exit', () => {
    for (const [id, settle] of pending) {
      pending.delete(id);
      settle({
        ok: false,
        error: { errorType: 'Runtime.ExitError', errorMessage: `${describe()}; ${crash ?? ''}`, trace: [] },
        durationMs: 0,
      });
    }
  });

  let nextId = 0;
  return {
    fn,
    initMs,
    logs,
    get stderr() {
      return stderr;
    },
    invoke: (event) =>
      new Promise<Invocation>((resolve) => {
        const id = nextId++;
        const timeoutMs = fn.timeoutSeconds * 1000;
        // Lambda ends an invocation at the function's timeout; so does this, and the environment with it.
        const timer = setTimeout(() => {
          pending.delete(id);
          child.kill('SIGKILL');
          resolve({
            ok: false,
            error: { errorType: 'Sandbox.Timedout', errorMessage: `${fn.name} timed out`, trace: [] },
            durationMs: timeoutMs,
          });
        }, timeoutMs + 1_000);
        pending.set(id, (invocation) => {
          clearTimeout(timer);
          pending.delete(id);
          resolve(invocation);
        });
        child.send({ type: 'invoke', id, event, timeoutMs, account: LOCAL_ACCOUNT });
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
};
