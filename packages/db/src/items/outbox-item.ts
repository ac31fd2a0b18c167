// Transactional outbox: outgoing events written with the change; the stream relay publishes them.
import { monotonicFactory } from 'ulid';
import { ttlAttribute } from '../table-definition.js';
import { JOB_SHARDS, shardOf } from './shard.js';

export const OUTBOX_TTL_DAYS = 3;
const nextId = monotonicFactory();

export interface OutgoingEvent {
  detailType: string;
  detail: Record<string, unknown>;
}

export interface OutboxEntry extends OutgoingEvent {
  id: string;
  createdAt: string;
}

export const outboxPartition = (shard: number) => `outbox#${shard}`;
export const outboxShards = JOB_SHARDS;

export const toOutboxItem = (event: OutgoingEvent, now: Date) => {
  const id = nextId(now.getTime());
  return {
    pk: outboxPartition(shardOf(id)),
    sk: id,
    kind: 'outbox',
    id,
    createdAt: now.toISOString(),
    detailType: event.detailType,
    detail: event.detail,
    [ttlAttribute]: Math.floor(now.getTime() / 1000) + OUTBOX_TTL_DAYS * 86_400,
  };
};

export const isOutboxItem = (item: Record<string, unknown>): boolean => item.kind === 'outbox';

export const fromOutboxItem = (item: Record<string, unknown>): OutboxEntry => ({
  id: String(item.id),
  createdAt: String(item.createdAt),
  detailType: String(item.detailType),
  detail: item.detail as Record<string, unknown>,
});
