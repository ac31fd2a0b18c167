// Task persistence: conditional, transactional writes (task + history + guard + marker + outbox) and keyed reads.

import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { catalogue, type HistoryEntry, type Task, type TaskChange } from '@casetasks/core';
import type { Db } from './client.js';
import { DuplicateEventError, ScopeTakenError, VersionConflictError } from './errors.js';
import { type AppliedMarker, appliedKey, toAppliedItem } from './items/applied-item.js';
import { fromHistoryItem, historyPrefix, toHistoryItem } from './items/history-item.js';
import { type OutgoingEvent, toOutboxItem } from './items/outbox-item.js';
import { type ScopeRef, type ScopeState, scopeKey } from './items/scope-item.js';
import { fromTaskItem, taskKey, toTaskItem } from './items/task-item.js';
import { partitionItems } from './partition-pages.js';
import { readStoredItem, readStoredItems } from './stored-items.js';
import { type IndexName, indexes } from './table-definition.js';
import { Transaction } from './transaction.js';

export const scopeOf = (task: Task): ScopeRef => ({
  type: task.type,
  party: task.accessLevel,
  orgId: task.orgId,
  scopeKey: task.scopeKey,
});

/** Manual tasks have no uniqueness scope: each create is its own task. */
const isGuarded = (task: Task) => catalogue[task.type].scope !== 'none';

const scopeName = (scope: ScopeRef) => scopeKey(scope).pk;

// ---- transaction parts: composable so one event's whole effect commits atomically -------------

/** The event step has not been applied before (exactly once per event and step). */
export const addMarker = (tx: Transaction, marker: AppliedMarker, now: Date): Transaction =>
  tx.put(
    toAppliedItem(marker, now),
    { expression: 'attribute_not_exists(pk)' },
    () => new DuplicateEventError(marker.eventId),
  );

export const addOutbox = (tx: Transaction, events: readonly OutgoingEvent[], now: Date): Transaction => {
  for (const event of events) tx.put(toOutboxItem(event, now));
  return tx;
};

/**
 * Creates the task, its first history entry and (for scoped types) claims the scope: the scope must
 * have no open task, and no closing event at or after this task's creating time.
 */
export const addTaskCreate = (tx: Transaction, task: Task, entry: HistoryEntry): Transaction => {
  if (isGuarded(task)) {
    const scope = scopeOf(task);
    tx.add(
      {
        Update: {
          TableName: '',
          Key: scopeKey(scope),
          UpdateExpression:
            'SET openTaskId = :id, #kind = :kind, #type = :type, party = :party, orgId = :org, scopeKey = :scope',
          ConditionExpression:
            'attribute_not_exists(openTaskId) AND (attribute_not_exists(closedThrough) OR closedThrough < :at)',
          ExpressionAttributeNames: { '#kind': 'kind', '#type': 'type' },
          ExpressionAttributeValues: {
            ':id': task.id,
            ':kind': 'scope',
            ':type': task.type,
            ':party': task.accessLevel,
            ':org': task.orgId,
            ':scope': task.scopeKey,
            ':at': task.createdAt,
          },
        },
      },
      () => new ScopeTakenError(scopeName(scope)),
    );
  }
  tx.put(toTaskItem(task), { expression: 'attribute_not_exists(pk)' });
  tx.put(toHistoryItem(entry), { expression: 'attribute_not_exists(pk)' });
  return tx;
};

/** Writes the next version of a task iff nobody else did first; releases the scope when it closes. */
export const addTaskChange = (tx: Transaction, change: TaskChange): Transaction => {
  const { before, after, entry } = change;
  tx.put(
    toTaskItem(after),
    { expression: 'version = :expected', values: { ':expected': before.version } },
    () => new VersionConflictError(before.id),
  );
  tx.put(toHistoryItem(entry), { expression: 'attribute_not_exists(pk)' }, () => new VersionConflictError(before.id));
  if (before.status === 'open' && after.status === 'completed' && isGuarded(before)) {
    tx.add(
      {
        Update: {
          TableName: '',
          Key: scopeKey(scopeOf(before)),
          UpdateExpression: 'REMOVE openTaskId',
          ConditionExpression: 'openTaskId = :id',
          ExpressionAttributeValues: { ':id': before.id },
        },
      },
      () => new VersionConflictError(before.id),
    );
  }
  return tx;
};

/**
 * Remembers that a closing event at `time` happened for the scope. `previous` is the closedThrough
 * read earlier: the write applies only if nobody moved it meanwhile (no lost max()).
 */
export const addScopeClosure = (
  tx: Transaction,
  scope: ScopeRef,
  time: string,
  previous: string | undefined,
): Transaction =>
  tx.add(
    {
      Update: {
        TableName: '',
        Key: scopeKey(scope),
        UpdateExpression:
          'SET closedThrough = :time, #kind = :kind, #type = :type, party = :party, orgId = :org, scopeKey = :scope',
        ConditionExpression:
          previous === undefined ? 'attribute_not_exists(closedThrough)' : 'closedThrough = :previous',
        ExpressionAttributeNames: { '#kind': 'kind', '#type': 'type' },
        ExpressionAttributeValues: {
          ':time': time,
          ':kind': 'scope',
          ':type': scope.type,
          ':party': scope.party,
          ':org': scope.orgId,
          ':scope': scope.scopeKey,
          ...(previous === undefined ? {} : { ':previous': previous }),
        },
      },
    },
    () => new VersionConflictError(scopeName(scope)),
  );

// ---- whole operations -------------------------------------------------------------------------

export interface WriteOptions {
  now?: Date;
  marker?: AppliedMarker;
  outbox?: readonly OutgoingEvent[];
}

const begin = (db: Db, options: WriteOptions): [Transaction, Date] => {
  const now = options.now ?? new Date();
  const tx = new Transaction(db);
  if (options.marker) addMarker(tx, options.marker, now);
  if (options.outbox) addOutbox(tx, options.outbox, now);
  return [tx, now];
};

export const taskCreatedEvent = (task: Task): OutgoingEvent => ({ detailType: 'Task Created', detail: { task } });
export const taskCompletedEvent = (task: Task): OutgoingEvent => ({ detailType: 'Task Completed', detail: { task } });

/** Creates a task atomically with its history, scope claim, marker and `Task Created` outbox entry. */
export const createTask = async (
  db: Db,
  task: Task,
  entry: HistoryEntry,
  options: WriteOptions = {},
): Promise<Task> => {
  const [tx] = begin(db, { ...options, outbox: [taskCreatedEvent(task), ...(options.outbox ?? [])] });
  await addTaskCreate(tx, task, entry).commit();
  return task;
};

/** Saves one change conditionally on the version read; `Task Completed` goes out when it closes. */
export const saveChange = async (db: Db, change: TaskChange, options: WriteOptions = {}): Promise<Task> => {
  const closing = change.before.status === 'open' && change.after.status === 'completed';
  const [tx] = begin(db, {
    ...options,
    outbox: [...(closing ? [taskCompletedEvent(change.after)] : []), ...(options.outbox ?? [])],
  });
  await addTaskChange(tx, change).commit();
  return change.after;
};

// ---- reads ------------------------------------------------------------------------------------

/** The task, or undefined when there is none or it no longer parses (reported): an unreadable task reads as missing. */
export const getTask = async (db: Db, id: string, consistent = false): Promise<Task | undefined> => {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: taskKey(id), ConsistentRead: consistent }),
  );
  return Item ? readStoredItem(db, Item, fromTaskItem) : undefined;
};

export const getScope = async (db: Db, scope: ScopeRef): Promise<ScopeState | undefined> => {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: scopeKey(scope), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  return {
    ...scope,
    ...(typeof Item.openTaskId === 'string' ? { openTaskId: Item.openTaskId } : {}),
    ...(typeof Item.closedThrough === 'string' ? { closedThrough: Item.closedThrough } : {}),
  };
};

/** The open task of a scope, read consistently (event handlers decide on it). */
export const getOpenTaskOfScope = async (db: Db, scope: ScopeRef): Promise<{ scope?: ScopeState; task?: Task }> => {
  const state = await getScope(db, scope);
  const task = state?.openTaskId ? await getTask(db, state.openTaskId, true) : undefined;
  return { ...(state ? { scope: state } : {}), ...(task ? { task } : {}) };
};

export const wasApplied = async (db: Db, marker: AppliedMarker): Promise<boolean> => {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: appliedKey(marker), ConsistentRead: true }),
  );
  return Item !== undefined;
};

/** The task's history, oldest first; an entry that no longer parses is reported and left out. */
export const listHistory = async (db: Db, taskId: string): Promise<HistoryEntry[]> =>
  readStoredItems(db, await partitionItems(db, { pk: taskKey(taskId).pk, prefix: historyPrefix }), fromHistoryItem);

export interface IndexQuery {
  index: IndexName;
  partition: string;
  /** Sort-key condition: a prefix, or a range (inclusive) on the sort key. */
  prefix?: string;
  from?: string;
  to?: string;
  limit?: number;
  descending?: boolean;
  startKey?: Record<string, unknown>;
  filter?: Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>;
}

export interface Page<T> {
  items: T[];
  lastKey?: Record<string, unknown>;
  consumed?: ConsumedCapacity;
}

/** The Query input of an IndexQuery: partition and sort-key condition, built in one place. */
export const indexQueryInput = (db: Db, query: IndexQuery): QueryCommandInput => {
  const index = indexes[query.index];
  const names: Record<string, string> = { '#pk': index.partitionKey, ...query.filter?.ExpressionAttributeNames };
  const values: Record<string, unknown> = { ':pk': query.partition, ...query.filter?.ExpressionAttributeValues };
  let condition = '#pk = :pk';
  if (query.prefix !== undefined || query.from !== undefined || query.to !== undefined) names['#sk'] = index.sortKey;
  if (query.prefix !== undefined) {
    condition += ' AND begins_with(#sk, :prefix)';
    values[':prefix'] = query.prefix;
  } else if (query.from !== undefined && query.to !== undefined) {
    condition += ' AND #sk BETWEEN :from AND :to';
    values[':from'] = query.from;
    values[':to'] = query.to;
  } else if (query.from !== undefined) {
    condition += ' AND #sk >= :from';
    values[':from'] = query.from;
  } else if (query.to !== undefined) {
    condition += ' AND #sk <= :to';
    values[':to'] = query.to;
  }
  return {
    TableName: db.tableName,
    IndexName: index.name,
    KeyConditionExpression: condition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ...(query.filter?.FilterExpression ? { FilterExpression: query.filter.FilterExpression } : {}),
    ...(query.limit ? { Limit: query.limit } : {}),
    ScanIndexForward: !query.descending,
    ...(query.startKey ? { ExclusiveStartKey: query.startKey } : {}),
    ReturnConsumedCapacity: 'TOTAL',
  };
};

/** One Query on one named index: the only way lists and jobs read tasks. */
export const queryIndex = async (db: Db, query: IndexQuery): Promise<Page<Record<string, unknown>>> => {
  const page = await db.client.send(new QueryCommand(indexQueryInput(db, query)));
  return {
    items: page.Items ?? [],
    ...(page.LastEvaluatedKey ? { lastKey: page.LastEvaluatedKey } : {}),
    ...(page.ConsumedCapacity ? { consumed: page.ConsumedCapacity } : {}),
  };
};

/**
 * queryIndex for task indexes, parsed into tasks. A task that no longer parses is reported and left
 * out, so a page may hold fewer than `limit` tasks; `lastKey` still continues after everything read.
 */
export const queryTasks = async (db: Db, query: IndexQuery): Promise<Page<Task>> => {
  const page = await queryIndex(db, query);
  return { ...page, items: readStoredItems(db, page.items, fromTaskItem) };
};
