// Publishes outbox items (written in the same transaction as the task change) to the service's bus.

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { withRetry } from '@casetasks/core';
import { type OutboxEntry, outboxEntryOf } from '@casetasks/db';
import { OUTGOING_EVENT_SOURCE, publishedDetail } from '@casetasks/events';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { config, eventBridgeClient, logger, metrics } from '../runtime/index.js';

/** PutEvents takes at most 10 entries per call. */
const BATCH = 10;
const ATTEMPTS = 3;

/**
 * The entry as it goes on the bus: `eventId` (the outbox id) lets consumers drop redeliveries, and
 * `correlationId` joins the event to the logs of the change that wrote it (docs/events.md, "Events out").
 */
export const toPutEventsEntry = (entry: OutboxEntry, busName: string): PutEventsRequestEntry => ({
  EventBusName: busName,
  Source: OUTGOING_EVENT_SOURCE,
  DetailType: entry.detailType,
  Detail: JSON.stringify(publishedDetail(entry.detail, { eventId: entry.id, correlationId: entry.correlationId })),
  Time: new Date(entry.createdAt),
});

/** How the relay names an entry in its log lines: `correlation_id` is the key every other line of the change uses. */
const logKeysOf = (entry: OutboxEntry) => ({
  outboxId: entry.id,
  detailType: entry.detailType,
  ...(entry.correlationId === undefined ? {} : { correlation_id: entry.correlationId }),
});

/** Some entries of the batch were rejected (FailedEntryCount): only those are sent again. */
class EntriesRejectedError extends Error {
  constructor(readonly count: number) {
    super(`${count} entries rejected by PutEvents`);
    this.name = 'EntriesRejectedError';
  }
}

/** One batch, sent until every entry is accepted or the attempts are spent; returns the entries still unsent. */
const sendBatch = async <T>(
  batch: readonly T[],
  toEntry: (item: T) => PutEventsRequestEntry,
  backoffMs: number,
): Promise<T[]> => {
  let pending = [...batch];
  const attempt = async (n: number) => {
    try {
      const result = await eventBridgeClient().send(new PutEventsCommand({ Entries: pending.map(toEntry) }));
      pending = pending.filter((_, i) => result.Entries?.[i]?.ErrorCode !== undefined || !result.Entries?.[i]?.EventId);
    } catch (error) {
      logger.warn('PutEvents failed', { error, attempt: n, entries: pending.length });
      throw error;
    }
    if (pending.length > 0) throw new EntriesRejectedError(pending.length);
  };
  try {
    // Every failure is worth the next attempt: what is still unsent afterwards goes back to the stream.
    await withRetry(attempt, () => true, { maxAttempts: ATTEMPTS, baseDelayMs: backoffMs, maxDelayMs: backoffMs * 4 });
  } catch {
    // `pending` holds what the last attempt left unsent.
  }
  return pending;
};

/**
 * Sends entries, retrying only the ones EventBridge rejected (FailedEntryCount) or the whole batch on
 * a thrown error. Returns the entries still unsent after the last attempt.
 */
export const publishEntries = async <T>(
  items: readonly T[],
  toEntry: (item: T) => PutEventsRequestEntry,
  backoffMs = 100,
): Promise<T[]> => {
  const unsent: T[] = [];
  // One batch after the other, in stream order.
  for (let start = 0; start < items.length; start += BATCH) {
    unsent.push(...(await sendBatch(items.slice(start, start + BATCH), toEntry, backoffMs)));
  }
  return unsent;
};

/** The outbox entry a stream record inserted; undefined for any other record. */
const insertedEntryOf = (record: DynamoDBRecord): OutboxEntry | undefined => {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return undefined;
  return outboxEntryOf(unmarshall(image as Record<string, AttributeValue>));
};

/**
 * Stream batch → bus. A record that could not be published is reported as a batch item failure, so
 * Lambda retries from it (and, after the retries, sends it to the on-failure queue): none is lost.
 */
export const relayOutbox = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const busName = config().EVENT_BUS_NAME;
  const records = event.Records.flatMap((record) => {
    const entry = insertedEntryOf(record);
    return entry ? [{ record, entry }] : [];
  });
  const unsent = await publishEntries(records, ({ entry }) => toPutEventsEntry(entry, busName));
  metrics.addMetric('outboxPublished', 'Count', records.length - unsent.length);
  // One line per entry, with the entry's correlation id: a batch mixes the entries of many requests and events.
  const failed = new Set(unsent.map(({ entry }) => entry.id));
  for (const { entry } of records) {
    if (failed.has(entry.id)) logger.error('outbox entry not published; the stream will retry', logKeysOf(entry));
    else logger.info('outbox entry published', logKeysOf(entry));
  }
  if (unsent.length > 0) metrics.addMetric('outboxUnsent', 'Count', unsent.length);
  return {
    batchItemFailures: unsent.map(({ record }) => ({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' })),
  };
};
