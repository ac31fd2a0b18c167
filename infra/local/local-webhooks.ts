// Local webhook delivery: a receiver that records what endpoints would get, and the in-process delivery queue.
import type { IncomingHttpHeaders } from 'node:http';
import { MAX_WEBHOOK_ATTEMPTS } from '@casetasks/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { jsonResponse } from '../../functions/middleware/http-response.js';

/** The receiver keeps the last this many requests (a busy local run must not grow memory without end). */
export const RECEIVER_KEEP_REQUESTS = 200;
/** Of each request body, the first this many bytes are kept. */
export const RECEIVER_KEEP_BODY_BYTES = 64 * 1024;
export const RECEIVER_PATH = '/local/webhook-receiver';

export interface ReceivedWebhook {
  /** The `{name}` of `/local/webhook-receiver/{name}`: one receiver per name, so several endpoints can be told apart. */
  name: string;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  /** The body as text, cut at 64 KB (`truncated` then says so). */
  body: string;
  truncated: boolean;
  receivedAt: string;
  /** What the receiver answered (see the `status`/`times` query parameters). */
  answered: number;
}

const statusOf = (raw: string | null): number | undefined => {
  if (raw === null || !/^\d{3}$/.test(raw)) return undefined;
  const status = Number(raw);
  return status >= 200 && status <= 599 ? status : undefined;
};

/**
 * Records requests; answers 200, or `?status=500` (any 200–599) to every request, or with `&times=N` only to the
 * first N requests of each `webhook-id` and 200 afterwards: `?status=500&times=2` shows two retries, then a delivery.
 */
export class LocalWebhookReceiver {
  private readonly requests: ReceivedWebhook[] = [];
  /** Requests seen per `name webhook-id`, for `times`; bounded like the log. */
  private readonly seen = new Map<string, number>();

  receive(
    name: string,
    request: { method: string; url: URL; headers: IncomingHttpHeaders; body: Buffer },
    now = new Date(),
  ) {
    const { method, url, headers, body } = request;
    const status = statusOf(url.searchParams.get('status')) ?? 200;
    const times = Number(url.searchParams.get('times') ?? Number.POSITIVE_INFINITY);
    const messageKey = `${name} ${String(headers['webhook-id'] ?? '')}`;
    const count = (this.seen.get(messageKey) ?? 0) + 1;
    this.seen.delete(messageKey);
    this.seen.set(messageKey, count);
    if (this.seen.size > RECEIVER_KEEP_REQUESTS) this.seen.delete(this.seen.keys().next().value ?? '');
    const answered = Number.isFinite(times) && count > times ? 200 : status;
    this.requests.push({
      name,
      method,
      path: url.pathname,
      query: url.search,
      headers: Object.fromEntries(
        Object.entries(headers).map(([key, value]) => [key, Array.isArray(value) ? value.join(', ') : String(value)]),
      ),
      body: body.subarray(0, RECEIVER_KEEP_BODY_BYTES).toString('utf8'),
      truncated: body.length > RECEIVER_KEEP_BODY_BYTES,
      receivedAt: now.toISOString(),
      answered,
    });
    if (this.requests.length > RECEIVER_KEEP_REQUESTS)
      this.requests.splice(0, this.requests.length - RECEIVER_KEEP_REQUESTS);
    return answered;
  }

  /** Oldest first. */
  list(name?: string): ReceivedWebhook[] {
    return name === undefined ? [...this.requests] : this.requests.filter((request) => request.name === name);
  }

  clear(): void {
    this.requests.length = 0;
    this.seen.clear();
  }
}

/** `POST /local/webhook-receiver/{name}` records; `GET /local/webhook-receiver[?name=]` lists; `DELETE` clears. */
export const serveWebhookReceiver = (
  receiver: LocalWebhookReceiver,
  request: { method: string; url: URL; headers: IncomingHttpHeaders; body: Buffer },
): APIGatewayProxyStructuredResultV2 | undefined => {
  const { method, url } = request;
  if (url.pathname === RECEIVER_PATH) {
    if (method === 'GET') return jsonResponse(200, { items: receiver.list(url.searchParams.get('name') ?? undefined) });
    if (method === 'DELETE') {
      receiver.clear();
      return { statusCode: 204 };
    }
    return undefined;
  }
  const name = new RegExp(`^${RECEIVER_PATH}/([^/]+)$`).exec(url.pathname)?.[1];
  if (!name || method !== 'POST') return undefined;
  const status = receiver.receive(decodeURIComponent(name), request);
  return jsonResponse(status, { received: true, status });
};

// ---- the in-process delivery queue ------------------------------------------------------------------

/** What one attempt decided: `retryInSeconds` set = the message must come back that much later. */
export interface DeliveryAttemptResult {
  retryInSeconds?: number;
}

export interface LocalDeliveryQueueOptions<M> {
  /** One attempt (local mode: `deliverWebhook`). */
  deliver: (message: M, attempt: number) => Promise<DeliveryAttemptResult>;
  /** Attempts in flight at once (default 4; deployed: the consumer's maxConcurrency × batch size). */
  concurrency?: number;
  /** Multiplies every retry wait (default 1 = real time, e.g. 30 s; tests pass 0.001: 30 ms). */
  retryScale?: number;
  log?: (line: string) => void;
}

interface Pending<M> {
  message: M;
  attempt: number;
}

/** A thrown attempt (not an outcome: a bug, DynamoDB down) comes back after this, as SQS's visibility timeout would. */
const THROWN_RETRY_SECONDS = 30;

/**
 * Plays the SQS delivery queue and its consumer: bounded concurrency, and each retry re-queued after its wait
 * (timers unref'd: a pending retry never keeps the process alive; `stop` drops them).
 */
export class LocalDeliveryQueue<M> {
  private readonly pending: Pending<M>[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly waiters: (() => void)[] = [];
  private running = 0;
  private stopped = false;
  readonly counts = { enqueued: 0, attempts: 0, retries: 0, thrown: 0 };
  private readonly concurrency: number;
  private readonly retryScale: number;

  constructor(private readonly options: LocalDeliveryQueueOptions<M>) {
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.retryScale = options.retryScale ?? 1;
  }

  /** The WebhookQueue port: accepted at once, delivered in the background. */
  async enqueue(messages: readonly M[]): Promise<void> {
    if (this.stopped) return;
    this.counts.enqueued += messages.length;
    for (const message of messages) this.pending.push({ message, attempt: 1 });
    this.pump();
  }

  /** Resolves once nothing is queued, in flight or waiting for a retry. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Drops queued messages and pending retries; waits for the attempts in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.pending.length = 0;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.idle();
  }

  private isIdle() {
    return this.pending.length === 0 && this.running === 0 && this.timers.size === 0;
  }

  private pump() {
    while (!this.stopped && this.running < this.concurrency && this.pending.length > 0) {
      const next = this.pending.shift() as Pending<M>;
      this.running += 1;
      void this.attempt(next).finally(() => {
        this.running -= 1;
        this.pump();
        this.settle();
      });
    }
    this.settle();
  }

  private settle() {
    if (!this.isIdle()) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  private async attempt({ message, attempt }: Pending<M>) {
    this.counts.attempts += 1;
    let retryInSeconds: number | undefined;
    try {
      ({ retryInSeconds } = await this.options.deliver(message, attempt));
    } catch (error) {
      this.counts.thrown += 1;
      const last = attempt >= MAX_WEBHOOK_ATTEMPTS;
      this.options.log?.(`webhook delivery attempt ${attempt} failed${last ? ', giving up' : ''}: ${String(error)}`);
      retryInSeconds = last ? undefined : THROWN_RETRY_SECONDS;
    }
    if (retryInSeconds === undefined || this.stopped) return;
    this.counts.retries += 1;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.pending.push({ message, attempt: attempt + 1 });
        this.pump();
      },
      retryInSeconds * 1000 * this.retryScale,
    );
    timer.unref();
    this.timers.add(timer);
  }
}
