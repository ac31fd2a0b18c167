// The document client: created once per process (module scope in Lambda), shared by every repository call.
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
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ ...config, requestHandler }), {
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
