// The document client: created once per process (module scope in Lambda), shared by every repository call.
// Also holds the invocation's correlation id, which every outbox item written under it stores.
import { AsyncLocalStorage } from 'node:async_hooks';
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { TimeBudgetExceededError, timeLeftMs } from './time-budget.js';

/** What is reported of an unreadable item: its key and why, never its content (it may hold personal data). */
export interface CorruptItem {
  pk: string;
  sk: string;
  /** The item's `kind` attribute, when it has a string one. */
  kind?: string;
  reason: string;
}

/** Where a Db reports unreadable items: the functions log and count them; stored-items.ts calls it. */
export type CorruptItemSink = (item: CorruptItem) => void;

export interface Db {
  client: DynamoDBDocumentClient;
  tableName: string;
  /** Told of every stored item a read skipped because it no longer parses (stored-items.ts). */
  onCorruptItem?: CorruptItemSink;
}

export interface DbOptions {
  /** Bound of one attempt of any call, also outside a time budget (a stalled socket ends here). */
  requestTimeoutMs?: number;
  connectionTimeoutMs?: number;
  /**
   * What a connection failure (after the SDK's retries) means to the caller, e.g. "DynamoDB Local is
   * not running". Unset (deployed): the SDK error is rethrown as is.
   */
  unreachableMessage?: string;
  /**
   * Applied to the DynamoDB client before the document client wraps it, e.g. X-Ray tracing
   * (`tracer.captureAWSv3Client`): the app instruments the client without this package importing Powertools.
   */
  instrumentClient?: (client: DynamoDBClient) => DynamoDBClient;
}

/** DynamoDB answers in milliseconds; these only end stalls (each attempt, then the SDK retries). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
export const DEFAULT_CONNECTION_TIMEOUT_MS = 3_000;

/** The table cannot be reached at all: 503 for the API, retryable for events and jobs. */
export class DatabaseUnavailableError extends Error {
  readonly statusCode = 503;
  readonly code = 'unavailable';
  readonly retryable = true;
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

const CONNECTION_FAILURES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

export const isConnectionFailure = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && CONNECTION_FAILURES.has(String(error.code));

type HandlerRequest = Parameters<NodeHttpHandler['handle']>[0];
type HandlerOptions = NonNullable<Parameters<NodeHttpHandler['handle']>[1]>;

/** `DynamoDB_20120810.TransactWriteItems` → `TransactWriteItems`. */
const operationOf = (request: HandlerRequest): string =>
  String(request.headers['x-amz-target'] ?? 'DynamoDB call').replace(/^.*\./, '');

/**
 * Every attempt of every call (reads, writes, SDK retries) reads the invocation's time budget: none
 * starts once it is spent, and one in flight is aborted at the deadline, so no write is sent after
 * the caller was answered.
 */
class BudgetedHttpHandler extends NodeHttpHandler {
  override async handle(request: HandlerRequest, options: HandlerOptions = {}) {
    const left = timeLeftMs();
    if (left === Number.POSITIVE_INFINITY) return super.handle(request, options);
    const operation = operationOf(request);
    if (left <= 0) throw new TimeBudgetExceededError(operation);
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), left);
    const given = options.abortSignal;
    const abortSignal = given instanceof AbortSignal ? AbortSignal.any([given, deadline.signal]) : deadline.signal;
    try {
      return await super.handle(request, { ...options, abortSignal });
    } catch (error) {
      if (deadline.signal.aborted) throw new TimeBudgetExceededError(operation);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}

export const createDb = (tableName: string, config: DynamoDBClientConfig = {}, options: DbOptions = {}): Db => {
  const requestHandler = new BudgetedHttpHandler({
    requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    connectionTimeout: options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
    // Without it the SDK only logs a warning when requestTimeout passes.
    throwOnRequestTimeout: true,
  });
  const base = new DynamoDBClient({ ...config, requestHandler });
  // The document client shares the base client's middleware stack, so instrumenting `base` covers every call.
  const client = DynamoDBDocumentClient.from(options.instrumentClient?.(base) ?? base, {
    marshallOptions: { removeUndefinedValues: true },
  });
  const { unreachableMessage } = options;
  if (unreachableMessage) {
    // Outermost (initialize, high): sees the error after the SDK's own retries gave up.
    client.middlewareStack.add(
      (next) => async (args) => {
        try {
          return await next(args);
        } catch (error) {
          if (!isConnectionFailure(error)) throw error;
          throw new DatabaseUnavailableError(`${unreachableMessage}: ${(error as Error).message}`);
        }
      },
      { step: 'initialize', priority: 'high', name: 'casetasksUnreachable' },
    );
  }
  return { client, tableName };
};

/**
 * The correlation id of the running invocation (the caller's request or the triggering event; see
 * docs/observability.md). Held per async context, like the time budget, rather than passed through
 * every write: outbox items are built deep inside the entity modules, and local mode serves
 * concurrent requests in one process, so a module-level variable would mix them up.
 */
const correlation = new AsyncLocalStorage<string>();

/** Runs `work` with `correlationId` as the id every outbox item written inside stores. */
export const withCorrelationId = <R>(correlationId: string, work: () => R): R => correlation.run(correlationId, work);

/** The id set by the innermost withCorrelationId; undefined outside one (tests and tools writing directly). */
export const currentCorrelationId = (): string | undefined => correlation.getStore();
