// Transactional outbox: outgoing events written with the change (sharded by id); the stream relay publishes them.
import type { OutgoingEvent } from '@casetasks/events';
import { monotonicFactory } from 'ulid';
import { currentCorrelationId, type Db } from '../client.js';
import { allShards, JOB_SHARDS, shardOf } from '../keys/shard.js';
import { partitionItems } from '../partition-pages.js';
import { ttlAttribute } from '../table-definition.js';
import type { Transaction } from '../transaction.js';

export type { OutgoingEvent };

export const OUTBOX_TTL_DAYS = 3;
const nextId = monotonicFactory();

/** An event as the outbox item holds it: read back without its schema (older entries, tests' planted items). */
interface StoredEvent {
  detailType: string;
  detail: Record<string, unknown>;
}

/** An outgoing event as stored and read back (the relay, local mode, tests): its detail as written. */
export interface OutboxEntry extends StoredEvent {
  id: string;
  createdAt: string;
  /** The correlation id of the invocation that wrote it; absent on entries written before it was stored. */
  correlationId?: string;
}

const outboxPartition = (shard: number) => `outbox#${shard}`;
const outboxShards = JOB_SHARDS;

/** The item of one outgoing event; it stores the running invocation's correlation id (client.ts), if any. */
export const toOutboxItem = (event: StoredEvent, now: Date, correlationId = currentCorrelationId()) => {
  const id = nextId(now.getTime());
  return {
    pk: outboxPartition(shardOf(id)),
    sk: id,
    kind: 'outbox',
    id,
    createdAt: now.toISOString(),
    detailType: event.detailType,
    detail: event.detail,
    ...(correlationId === undefined ? {} : { correlationId }),
    [ttlAttribute]: Math.floor(now.getTime() / 1000) + OUTBOX_TTL_DAYS * 86_400,
  };
};

export const isOutboxItem = (item: Record<string, unknown>): boolean => item.kind === 'outbox';

export const fromOutboxItem = (item: Record<string, unknown>): OutboxEntry => ({
  id: String(item.id),
  createdAt: String(item.createdAt),
  detailType: String(item.detailType),
  detail: item.detail as Record<string, unknown>,
  ...(typeof item.correlationId === 'string' ? { correlationId: item.correlationId } : {}),
});

/** The outbox entry a stored item (e.g. a stream record's new image) is, or undefined for any other item. */
export const outboxEntryOf = (item: Record<string, unknown>): OutboxEntry | undefined =>
  isOutboxItem(item) ? fromOutboxItem(item) : undefined;

/** The events go out iff the transaction commits. */
export const addOutbox = (tx: Transaction, events: readonly OutgoingEvent[], now: Date): Transaction => {
  for (const event of events) tx.put(toOutboxItem(event, now));
  return tx;
};

/** Below every ULID: a key condition cannot compare with an empty string. */
const BEFORE_ALL = '0';

/** Outbox entries with an id after `afterId` (ULIDs sort by time), across all shards, oldest first. */
export const listOutboxSince = async (db: Db, afterId = BEFORE_ALL): Promise<OutboxEntry[]> => {
  const perShard = await Promise.all(
    allShards(outboxShards).map((shard) =>
      partitionItems(db, { pk: outboxPartition(shard), after: afterId || BEFORE_ALL, consistent: true }),
    ),
  );
  return perShard
    .flat()
    .map(fromOutboxItem)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
};
