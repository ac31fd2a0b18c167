// One webhook delivery: sign, POST to the checked address only, and classify the answer for the retry decision.

import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { OutgoingDetailType } from '@casetasks/events';
import { Webhook } from 'standardwebhooks';
import {
  type CheckedWebhookTarget,
  checkWebhookTarget,
  type WebhookTargetOptions,
  type WebhookTargetRefusal,
  WebhookTargetRefusedError,
} from './target-guard.js';

/** Connect, send, answer and the kept part of the body, all within this (a slow receiver holds a consumer slot). */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** The part of the response body kept for the delivery log; the rest is never read. */
export const WEBHOOK_RESPONSE_KEEP_BYTES = 4096;
/** Error texts are cut to this many characters for the log. */
const ERROR_TEXT_CHARS = 500;
export const WEBHOOK_USER_AGENT = 'casetasks-webhooks/1';

/** One message, identical on every attempt (only the signing time changes): receivers drop a `webhook-id` they have seen. */
export interface WebhookMessage {
  id: string;
  /** The JSON body, signed byte for byte as sent. */
  payload: string;
}

/** One id per (outgoing event, endpoint): stable across retries, different for two endpoints of one event. */
export const webhookMessageId = (outboxId: string, endpointId: string): string => `msg_${outboxId}_${endpointId}`;

/** The envelope `type` of a test ping (`POST /settings/webhooks/{id}/test`): no outgoing event has it. */
export const WEBHOOK_TEST_TYPE = 'Webhook Test';

/** The Standard Webhooks envelope of an outgoing event (or of a test ping). */
export const webhookPayload = (
  type: OutgoingDetailType | typeof WEBHOOK_TEST_TYPE,
  timestamp: Date,
  data: unknown,
): string => JSON.stringify({ type, timestamp: timestamp.toISOString(), data });

/**
 * The three Standard Webhooks headers, signed at `signedAt` (each attempt's own time: receivers refuse a timestamp
 * more than 5 min off, so a retry hours later must not reuse the first one). During a secret rotation both secrets
 * sign and the signatures go space-separated in one header (the spec's form): either secret verifies.
 */
export const webhookHeaders = (
  message: WebhookMessage,
  secrets: readonly string[],
  signedAt: Date,
): Record<string, string> => ({
  'webhook-id': message.id,
  'webhook-timestamp': String(Math.floor(signedAt.getTime() / 1000)),
  'webhook-signature': secrets
    .map((secret) => new Webhook(secret).sign(message.id, signedAt, message.payload))
    .join(' '),
});

interface Answered {
  status: number;
  latencyMs: number;
  /** The first 4 KB of the body, as text. */
  responseBody: string;
}

/**
 * `delivered`: 2xx. `gone`: 410, the receiver asks us to stop (disable the endpoint). `retry`: every other status
 * (3xx included: redirects are not followed), a timeout, a connection or TLS error. `refused`: the target failed
 * the SSRF guard and nothing was sent; `retryable` says whether DNS could change that.
 */
export type WebhookDeliveryOutcome =
  | ({ kind: 'delivered' } & Answered)
  | ({ kind: 'gone' } & Answered)
  | ({ kind: 'retry'; error: string } & (Answered | { status?: undefined; latencyMs: number }))
  | { kind: 'refused'; reason: WebhookTargetRefusal; error: string; retryable: boolean };

export interface SendWebhookOptions extends WebhookTargetOptions {
  /** The current secret first; the previous one too while a rotation overlaps. */
  secrets: readonly string[];
  timeoutMs?: number;
  /** The signing time (`webhook-timestamp`); tests inject one. */
  clock?: () => Date;
  /** Milliseconds for the latency; tests inject one. */
  now?: () => number;
}

const bounded = (text: string): string => text.slice(0, ERROR_TEXT_CHARS);

/** A `lookup` that answers every question with the checked address: the socket cannot go anywhere else. */
const pinnedLookup =
  ({ pinned }: CheckedWebhookTarget): LookupFunction =>
  (_hostname, options, callback) => {
    if (options.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };

/** Reads at most `limit` bytes, then drops the connection instead of draining the rest. */
const readBounded = (response: IncomingMessage, limit: number): Promise<Buffer> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      response.destroy();
      resolve(Buffer.concat(chunks).subarray(0, limit));
    };
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= limit) done();
    });
    // A timeout or reset mid-body ends the read with what came: the status already decided the outcome.
    response.on('end', done);
    response.on('close', done);
    response.on('error', done);
  });

const post = (target: CheckedWebhookTarget, headers: Record<string, string>, body: string, timeoutMs: number) =>
  new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
    const https = target.url.protocol === 'https:';
    const options: RequestOptions = {
      method: 'POST',
      hostname: target.host,
      port: target.port,
      path: `${target.url.pathname}${target.url.search}`,
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)), connection: 'close' },
      lookup: pinnedLookup(target),
      // One connection per delivery: a pooled socket could have been opened to another address.
      agent: false,
      signal: AbortSignal.timeout(timeoutMs),
    };
    const onResponse = (response: IncomingMessage) => {
      readBounded(response, WEBHOOK_RESPONSE_KEEP_BYTES).then(
        (kept) => resolve({ status: response.statusCode ?? 0, body: kept }),
        reject,
      );
    };
    const req = https
      ? httpsRequest(isIP(target.host) ? options : { ...options, servername: target.host }, onResponse)
      : httpRequest(options, onResponse);
    req.on('error', reject);
    req.end(body);
  });

const errorText = (error: unknown): string => {
  if (error instanceof Error && error.name === 'AbortError') return 'timed out';
  if (error instanceof Error) return 'code' in error ? `${String(error.code)}: ${error.message}` : error.message;
  return String(error);
};

/** Sends one message to one endpoint URL and says what happened; never throws for a receiver's behaviour. */
export const sendWebhook = async (
  url: string,
  message: WebhookMessage,
  {
    secrets,
    timeoutMs = WEBHOOK_TIMEOUT_MS,
    clock = () => new Date(),
    now = () => performance.now(),
    ...guard
  }: SendWebhookOptions,
): Promise<WebhookDeliveryOutcome> => {
  let target: CheckedWebhookTarget;
  try {
    target = await checkWebhookTarget(url, guard);
  } catch (error) {
    if (!(error instanceof WebhookTargetRefusedError)) throw error;
    return { kind: 'refused', reason: error.reason, error: bounded(error.message), retryable: error.retryable };
  }
  const headers = {
    ...webhookHeaders(message, secrets, clock()),
    'content-type': 'application/json',
    'user-agent': WEBHOOK_USER_AGENT,
  };
  const started = now();
  try {
    const answer = await post(target, headers, message.payload, timeoutMs);
    const answered = {
      status: answer.status,
      latencyMs: now() - started,
      responseBody: answer.body.toString('utf8'),
    };
    if (answer.status >= 200 && answer.status < 300) return { kind: 'delivered', ...answered };
    if (answer.status === 410) return { kind: 'gone', ...answered };
    const why = answer.status >= 300 && answer.status < 400 ? ' (redirects are not followed)' : '';
    return { kind: 'retry', error: `HTTP ${answer.status}${why}`, ...answered };
  } catch (error) {
    return { kind: 'retry', error: bounded(errorText(error)), latencyMs: now() - started };
  }
};
