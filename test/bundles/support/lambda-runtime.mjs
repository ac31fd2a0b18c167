// A stand-in for Lambda's Node.js runtime, run as a child process: loads `_HANDLER` from LAMBDA_TASK_ROOT once,
// then runs the invocations its parent sends over IPC one at a time, as one warm execution environment would.
// Plain JavaScript on purpose: the bundle must run on bare Node, with no loader of the test runner in between.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const env = process.env;
const send = (message) => process.send?.(message);

/** `index.handler` → the module `index.mjs` (or .js/.cjs) and its export `handler`, as Lambda resolves it. */
const resolveHandler = (root, handler) => {
  const dot = handler.lastIndexOf('.');
  const base = handler.slice(0, dot);
  const file = ['.mjs', '.js', '.cjs'].map((extension) => join(root, base + extension)).find(existsSync);
  if (!file) throw new Error(`Runtime.ImportModuleError: no module ${base} in ${root}`);
  return { file, name: handler.slice(dot + 1) };
};

const errorOf = (error) =>
  error instanceof Error
    ? { errorType: error.name, errorMessage: error.message, trace: (error.stack ?? '').split('\n') }
    : { errorType: 'Error', errorMessage: String(error), trace: [] };

/** An X-Ray trace header as Lambda sets it per invocation (active tracing: sampled). */
const traceHeader = () => {
  const epoch = Math.floor(Date.now() / 1000).toString(16);
  return `Root=1-${epoch}-${randomBytes(12).toString('hex')};Parent=${randomBytes(8).toString('hex')};Sampled=1`;
};

// Lambda's runtime crashes the environment on an unhandled rejection; so does this one, loudly.
process.on('unhandledRejection', (reason) => {
  send({ type: 'crash', error: errorOf(reason) });
  process.exit(128);
});

const initStarted = performance.now();
let handler;
try {
  const { file, name } = resolveHandler(env.LAMBDA_TASK_ROOT ?? process.cwd(), env._HANDLER ?? 'index.handler');
  const loaded = await import(pathToFileURL(file).href);
  handler = loaded[name];
  if (typeof handler !== 'function') throw new Error(`Runtime.HandlerNotFound: ${env._HANDLER} is not a function`);
  send({ type: 'ready', initMs: performance.now() - initStarted });
} catch (error) {
  send({ type: 'init-error', error: errorOf(error) });
  process.exit(1);
}

const region = env.AWS_REGION ?? 'eu-west-1';
const functionName = env.AWS_LAMBDA_FUNCTION_NAME ?? 'function';

process.on('message', async (message) => {
  if (message?.type !== 'invoke') return;
  const requestId = randomUUID();
  const deadline = Date.now() + message.timeoutMs;
  env._X_AMZN_TRACE_ID = traceHeader();
  const context = {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION ?? '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${message.account}:function:${functionName}`,
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE ?? '128',
    awsRequestId: requestId,
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME ?? '',
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME ?? '',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  const started = performance.now();
  try {
    const result = await handler(message.event, context);
    send({ type: 'result', id: message.id, ok: true, result, durationMs: performance.now() - started });
  } catch (error) {
    send({ type: 'result', id: message.id, ok: false, error: errorOf(error), durationMs: performance.now() - started });
  }
});
