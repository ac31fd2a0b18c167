// Publishes outbox items (written in the same transaction as the task change) to the service's bus.

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { config, eventBridgeClient, logger, metrics } from '@casetasks/app/runtime';
import { fromOutboxItem, isOutboxItem, type OutboxEntry } from '@casetasks/db';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { streamHandler } from '../middleware/stream-handler.js';

export const OUTGOING_SOURCE = 'casetasks';
/** PutEvents takes at most 10 entries per call. */
const BATCH = 10;
const ATTEMPTS = 3;

/** The entry as it goes on the bus; `eventId` (the outbox id) lets consumers drop redeliveries. */
export const toPutEventsEntry = (entry: OutboxEntry, busName: string): PutEventsRequestEntry => ({
  EventBusName: busName,
  Source: OUTGOING_SOURCE,
  DetailType: entry.detailType,
  Detail: JSON.stringify({ ...entry.detail, eventId: entry.id }),
  Time: new Date(entry.createdAt),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
  for (let start = 0; start < items.length; start += BATCH) {
    let pending = items.slice(start, start + BATCH);
    for (let attempt = 1; pending.length > 0 && attempt <= ATTEMPTS; attempt++) {
      try {
        const result = await eventBridgeClient().send(new PutEventsCommand({ Entries: pending.map(toEntry) }));
        pending = pending.filter(
          (_, i) => result.Entries?.[i]?.ErrorCode !== undefined || !result.Entries?.[i]?.EventId,
        );
      } catch (error) {
        logger.warn('PutEvents failed', { error, attempt, entries: pending.length });
      }
      if (pending.length > 0 && attempt < ATTEMPTS) await sleep(backoffMs * 2 ** (attempt - 1));
    }
    unsent.push(...pending);
  }
  return unsent;
};

const outboxEntryOf = (record: DynamoDBRecord): OutboxEntry | undefined => {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return undefined;
  const item = unmarshall(image as Record<string, AttributeValue>);
  return isOutboxItem(item) ? fromOutboxItem(item) : undefined;
};

/**
 * Stream batch → bus. A record that could not be published is reported as a batch item failure, so
 * Lambda retries from it (and, after the retries, sends it to the on-failure queue): none is lost.
 */
export const relayOutbox = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const busName = config().EVENT_BUS_NAME;
  const records = event.Records.flatMap((record) => {
    const entry = outboxEntryOf(record);
    return entry ? [{ record, entry }] : [];
  });
  const unsent = await publishEntries(records, ({ entry }) => toPutEventsEntry(entry, busName));
  metrics.addMetric('outboxPublished', 'Count', records.length - unsent.length);
  if (unsent.length > 0) {
    metrics.addMetric('outboxUnsent', 'Count', unsent.length);
    logger.error('outbox entries not published; the stream will retry', { ids: unsent.map((u) => u.entry.id) });
  }
  return {
    batchItemFailures: unsent.map(({ record }) => ({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' })),
  };
};

export const handler = streamHandler('outbox-relay', relayOutbox);
