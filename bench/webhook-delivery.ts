// Webhook delivery benchmark: deliveries per second through fan-out + the local delivery queue to a slow receiver.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { processPlatformEvent } from '@casetasks/app/events';
import { resetConfig, setWorkflowStarter, tasksDb } from '@casetasks/app/runtime';
import { deliverWebhook, fanOutWebhooks, newWebhookSecret, type WebhookQueueMessage } from '@casetasks/app/webhooks';
import { createWebhookEndpoint, listOutboxSince, type OutboxEntry } from '@casetasks/db';
import { Webhook } from 'standardwebhooks';
import { ulid } from 'ulid';
import { busEventOf } from '../infra/local/local-delivery.js';
import { LocalDeliveryQueue } from '../infra/local/local-webhooks.js';
import { check } from './support/checks.js';
import { progress } from './support/local-table.js';

export interface WebhookDeliveryRow {
  endpoints: number;
  concurrency: number;
  events: number;
  deliveries: number;
  seconds: number;
  /** Events per second actually offered (the fan-out paced at the target rate). */
  offeredEventsPerSecond: number;
  deliveriesPerSecond: number;
  /** deliveries/s ÷ (offered events/s × endpoints): 1.00 = the queue keeps up with the events. */
  ratioToOffered: number;
  /** deliveries/s ÷ (concurrency ÷ receiver latency): the ceiling a slow receiver allows. */
  ratioToIdeal: number;
  /** p50 / max of (arrival at the receiver − fan-out of its event), ms. */
  lagP50Ms: number;
  lagMaxMs: number;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

interface Arrival {
  webhookId: string;
  at: number;
}

/** A receiver that answers 200 after `latencyMs`, verifies each signature and records each arrival. */
const slowReceiver = async (latencyMs: number, secrets: Map<string, string>) => {
  const arrivals: Arrival[] = [];
  const badSignatures: string[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const webhookId = String(request.headers['webhook-id']);
      const secret = secrets.get(request.url ?? '');
      try {
        new Webhook(secret ?? 'whsec_AAAA').verify(Buffer.concat(chunks).toString('utf8'), {
          'webhook-id': webhookId,
          'webhook-timestamp': String(request.headers['webhook-timestamp']),
          'webhook-signature': String(request.headers['webhook-signature']),
        });
      } catch {
        badSignatures.push(webhookId);
      }
      setTimeout(() => {
        arrivals.push({ webhookId, at: performance.now() });
        response.writeHead(200).end();
      }, latencyMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    arrivals,
    badSignatures,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

/** `events` Case Submitted events for a fresh partner org → one `Task Created` outbox entry each. */
const taskCreatedEntries = async (orgId: string, events: number): Promise<OutboxEntry[]> => {
  for (let i = 0; i < events; i++) {
    const caseId = `wh-${orgId}-${i}`;
    await processPlatformEvent({
      id: ulid(),
      source: 'platform',
      'detail-type': 'Case Submitted',
      time: new Date().toISOString(),
      detail: {
        caseId,
        creditorOrgId: `c-${orgId}`,
        partnerOrgId: orgId,
        hasBankAccount: true,
        contractSigned: true,
        requiresQuote: false,
      },
    });
  }
  const entries = (await listOutboxSince(tasksDb())).filter(
    (entry) => entry.detailType === 'Task Created' && JSON.stringify(entry.detail).includes(`"orgId":"${orgId}"`),
  );
  check(entries.length === events, `webhooks: ${events} Task Created entries for ${orgId} (got ${entries.length})`);
  return entries;
};

const registerEndpoints = async (orgId: string, count: number, url: (path: string) => string) => {
  const secrets = new Map<string, string>();
  const now = new Date().toISOString();
  for (let k = 0; k < count; k++) {
    const path = `/${orgId}/${k}`;
    const secret = newWebhookSecret();
    secrets.set(path, secret);
    await createWebhookEndpoint(tasksDb(), {
      id: ulid().toLowerCase(),
      party: 'partner',
      orgId,
      url: url(path),
      eventTypes: ['Task Created'],
      description: null,
      enabled: true,
      disabledReason: null,
      disabledAt: null,
      consecutiveFailures: 0,
      secret,
      previousSecret: null,
      previousSecretExpiresAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
  }
  return secrets;
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/**
 * One configuration: `events` Task Created entries fanned out at `offeredRate` events/s to `endpoints` endpoints,
 * delivered by the local queue with `concurrency` attempts in flight to a receiver answering after `latencyMs`.
 * Fails unless every (event, endpoint) arrived exactly once, signed verifiably, with no retry.
 */
const measure = async (options: {
  events: number;
  endpoints: number;
  concurrency: number;
  latencyMs: number;
  offeredRate: number;
}): Promise<WebhookDeliveryRow> => {
  const { events, endpoints, concurrency, latencyMs, offeredRate } = options;
  const orgId = `p-wh-${endpoints}-${concurrency}-${ulid().slice(-6).toLowerCase()}`;
  const secretsByPath = new Map<string, string>();
  const receiver = await slowReceiver(latencyMs, secretsByPath);
  try {
    for (const [path, secret] of await registerEndpoints(orgId, endpoints, receiver.url))
      secretsByPath.set(path, secret);
    const entries = await taskCreatedEntries(orgId, events);
    const fannedOutAt = new Map<string, number>();
    const queue = new LocalDeliveryQueue<WebhookQueueMessage>({
      deliver: (message, attempt) => deliverWebhook(message, attempt),
      concurrency,
    });
    const started = performance.now();
    let deliveries = 0;
    for (const [i, entry] of entries.entries()) {
      const due = started + (i * 1000) / offeredRate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      fannedOutAt.set(entry.id, performance.now());
      deliveries += (await fanOutWebhooks(busEventOf(entry), queue)).deliveries;
    }
    const offeredSeconds = (performance.now() - started) / 1000;
    await queue.idle();
    const seconds = (Math.max(...receiver.arrivals.map((arrival) => arrival.at)) - started) / 1000;

    // The behaviour behind the figure: each (event, endpoint) exactly once, none lost, none retried, all verifiable.
    const ids = receiver.arrivals.map((arrival) => arrival.webhookId);
    const distinct = new Set(ids);
    const expected = events * endpoints;
    check(
      deliveries === expected && ids.length === expected && distinct.size === expected,
      `webhooks: ${expected} deliveries once each (fan-out ${deliveries}, arrived ${ids.length}, distinct ${distinct.size})`,
    );
    check(
      receiver.badSignatures.length === 0,
      `webhooks: every signature verifies (${receiver.badSignatures.length} bad)`,
    );
    check(
      queue.counts.retries === 0 && queue.counts.attempts === expected,
      `webhooks: one attempt per delivery, no retry (${JSON.stringify(queue.counts)})`,
    );
    const lags = receiver.arrivals.map((arrival) => {
      const outboxId = /^msg_(.+)_[^_]+$/.exec(arrival.webhookId)?.[1] ?? '';
      return arrival.at - (fannedOutAt.get(outboxId) ?? Number.NaN);
    });
    check(!lags.some(Number.isNaN), 'webhooks: every webhook-id names a fanned-out event');

    const deliveriesPerSecond = expected / seconds;
    const offeredEventsPerSecond = events / offeredSeconds;
    return {
      endpoints,
      concurrency,
      events,
      deliveries: expected,
      seconds: round(seconds),
      offeredEventsPerSecond: round(offeredEventsPerSecond, 1),
      deliveriesPerSecond: round(deliveriesPerSecond, 1),
      ratioToOffered: round(deliveriesPerSecond / (offeredEventsPerSecond * endpoints)),
      ratioToIdeal: round(deliveriesPerSecond / (concurrency / (latencyMs / 1000))),
      lagP50Ms: Math.round(percentile(lags, 50)),
      lagMaxMs: Math.round(Math.max(...lags)),
    };
  } finally {
    await receiver.close();
  }
};

/** Every (endpoints, concurrency) pair against one table; the receiver answers after `latencyMs`. */
export const webhookDeliveryThroughput = async (options: {
  events: number;
  latencyMs: number;
  offeredRate: number;
  endpointCounts: number[];
  concurrencies: number[];
}): Promise<WebhookDeliveryRow[]> => {
  // Local receivers are loopback http: allowed only in local mode (the bench runs as local mode does).
  process.env.WEBHOOK_ALLOW_LOOPBACK_HTTP = '1';
  resetConfig();
  setWorkflowStarter({ startPausedCaseFollowUp: async () => undefined, stopPausedCaseFollowUp: async () => undefined });
  const rows: WebhookDeliveryRow[] = [];
  for (const endpoints of options.endpointCounts) {
    for (const concurrency of options.concurrencies) {
      const row = await measure({ ...options, endpoints, concurrency });
      progress(
        `webhooks: ${endpoints} endpoint(s), ${concurrency} in flight: ${row.deliveriesPerSecond} deliveries/s ` +
          `(${row.ratioToOffered}× offered, ${row.ratioToIdeal}× ideal)`,
      );
      rows.push(row);
    }
  }
  return rows;
};
