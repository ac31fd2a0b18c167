// Manual tasks from the portal: created atomically with their Idempotency-Key record, so a retry never makes a second task.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { HistoryEntry, Task } from '@casetasks/core';
import type { Db } from './client.js';
import {
  fromRequestKeyItem,
  type RequestKeyRecord,
  type RequestKeyRef,
  requestKey,
  toRequestKeyItem,
} from './items/request-key-item.js';
import { ttlAttribute } from './table-definition.js';
import { addOutbox, addTaskCreate, taskCreatedEvent } from './task-repository.js';
import { Transaction } from './transaction.js';

/** The Idempotency-Key was already used (and has not expired): the caller replays or refuses. */
export class RequestKeyUsedError extends Error {
  constructor(readonly ref: RequestKeyRef) {
    super(`idempotency key ${ref.key} was already used`);
    this.name = 'RequestKeyUsedError';
  }
}

export interface ManualCreateOptions {
  now: Date;
  requestKey?: { ref: RequestKeyRef; fingerprint: string };
}

/** Task, history, `Task Created` outbox entry and (when given) the key record: all or nothing. */
export const createManualTask = async (
  db: Db,
  task: Task,
  entry: HistoryEntry,
  options: ManualCreateOptions,
): Promise<Task> => {
  const tx = new Transaction(db);
  addOutbox(tx, [taskCreatedEvent(task)], options.now);
  addTaskCreate(tx, task, entry);
  const key = options.requestKey;
  if (key) {
    tx.put(
      toRequestKeyItem(key.ref, task.id, key.fingerprint, options.now),
      // An expired record that TTL has not deleted yet no longer holds the key.
      {
        expression: 'attribute_not_exists(pk) OR #expires < :now',
        names: { '#expires': ttlAttribute },
        values: { ':now': Math.floor(options.now.getTime() / 1000) },
      },
      () => new RequestKeyUsedError(key.ref),
    );
  }
  await tx.commit();
  return task;
};

export const getRequestKey = async (db: Db, ref: RequestKeyRef): Promise<RequestKeyRecord | undefined> => {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: requestKey(ref), ConsistentRead: true }),
  );
  return Item ? fromRequestKeyItem(Item) : undefined;
};
