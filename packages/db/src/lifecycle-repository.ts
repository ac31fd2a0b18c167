// Writes of the event-driven lifecycle: guarded creates, late records, closures, aggregates, parking,
// references and quote rounds. Each write carries the event step's marker in the same transaction.
import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { HistoryEntry, Party, QuoteRound, Task, TaskType } from '@casetasks/core';
import { markedTransaction } from './case-repository.js';
import type { Db } from './client.js';
import { ConditionFailedError, ScopeTakenError } from './errors.js';
import { aggregateMemberKey, aggregatePartition, toAggregateMemberItem } from './items/aggregate-item.js';
import type { AppliedMarker } from './items/applied-item.js';
import { toHistoryItem } from './items/history-item.js';
import {
  fromParkedItem,
  type ParkedEvent,
  parkedKey,
  parkedPartition,
  toParkedItem,
} from './items/parked-event-item.js';
import { fromQuoteItems, quoteInviteKey, quotePartition, quoteRoundKey } from './items/quote-item.js';
import {
  fromReferenceItem,
  type Reference,
  type ReferenceKind,
  referenceKey,
  toReferenceItem,
} from './items/reference-item.js';
import { type ScopeRef, scopeKey } from './items/scope-item.js';
import { byCasePrefix, taskPartitions, toTaskItem } from './items/task-item.js';
import { partitionItems } from './partition-pages.js';
import {
  addOutbox,
  addScopeClosure,
  addTaskCreate,
  queryTasks,
  taskCompletedEvent,
  taskCreatedEvent,
} from './task-repository.js';

export interface StepWrite {
  marker?: AppliedMarker;
  now?: Date;
}

const clock = (options: StepWrite) => options.now ?? new Date();

/**
 * Creates an open task (see addTaskCreate) on condition that none of `closureScopes` saw a closing
 * event at or after its creation (e.g. "the case left paused" for every pause of the case).
 */
export const createGuardedTask = async (
  db: Db,
  task: Task,
  entry: HistoryEntry,
  options: StepWrite & { closureScopes?: readonly ScopeRef[] } = {},
): Promise<Task> => {
  const now = clock(options);
  const tx = markedTransaction(db, options.marker, now);
  addOutbox(tx, [taskCreatedEvent(task)], now);
  addTaskCreate(tx, task, entry);
  for (const scope of options.closureScopes ?? []) {
    tx.add(
      {
        ConditionCheck: {
          TableName: '',
          Key: scopeKey(scope),
          ConditionExpression: 'attribute_not_exists(closedThrough) OR closedThrough < :at',
          ExpressionAttributeValues: { ':at': task.createdAt },
        },
      },
      () => new ScopeTakenError(scopeKey(scope).pk),
    );
  }
  await tx.commit();
  return task;
};

/** A task born completed (its closing event came first): task, both history entries, both outgoing events. */
export const recordLateTask = async (
  db: Db,
  late: { task: Task; entries: readonly HistoryEntry[] },
  options: StepWrite = {},
): Promise<Task> => {
  const now = clock(options);
  const tx = markedTransaction(db, options.marker, now);
  addOutbox(tx, [taskCreatedEvent(late.task), taskCompletedEvent(late.task)], now);
  tx.put(toTaskItem(late.task), { expression: 'attribute_not_exists(pk)' });
  for (const entry of late.entries) tx.put(toHistoryItem(entry), { expression: 'attribute_not_exists(pk)' });
  await tx.commit();
  return late.task;
};

/** Remembers a closing event for the scope (see addScopeClosure), as one marked step. */
export const recordScopeClosure = async (
  db: Db,
  scope: ScopeRef,
  time: string,
  previous: string | undefined,
  options: StepWrite = {},
): Promise<void> => {
  await addScopeClosure(markedTransaction(db, options.marker, clock(options)), scope, time, previous).commit();
};

// ---- reads on the case -----------------------------------------------------------------------

const tasksOfCase = async (db: Db, caseId: string, prefix: string): Promise<Task[]> => {
  const tasks: Task[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await queryTasks(db, {
      index: 'byCase',
      partition: taskPartitions.byCase(caseId),
      prefix,
      ...(startKey ? { startKey } : {}),
    });
    tasks.push(...page.items);
    startKey = page.lastKey;
  } while (startKey);
  return tasks;
};

/** Every open task of a case (case closing, leaving paused): Query byCase, `open#` prefix. */
export const openTasksOfCase = (db: Db, caseId: string): Promise<Task[]> =>
  tasksOfCase(db, caseId, byCasePrefix('open'));

/** A party's completed tasks on a case: Query byCase, `completed#{party}#{org}#` prefix. */
export const completedTasksOfCase = (db: Db, caseId: string, party: Party, orgId: string): Promise<Task[]> =>
  tasksOfCase(db, caseId, byCasePrefix('completed', party, orgId));

// ---- aggregates ------------------------------------------------------------------------------

export interface AggregateMember {
  caseId: string;
  addedAt: string;
}

export const listAggregateMembers = async (db: Db, type: TaskType, orgId: string): Promise<AggregateMember[]> =>
  (await partitionItems(db, { pk: aggregatePartition(type, orgId), consistent: true })).map((item) => ({
    caseId: String(item.caseId),
    addedAt: String(item.addedAt),
  }));

export const addAggregateMember = async (
  db: Db,
  type: TaskType,
  orgId: string,
  member: AggregateMember,
  options: StepWrite = {},
): Promise<void> => {
  await markedTransaction(db, options.marker, clock(options))
    .put(toAggregateMemberItem(type, orgId, member.caseId, member.addedAt), {
      expression: 'attribute_not_exists(pk)',
    })
    .commit();
};

export const removeAggregateMember = async (
  db: Db,
  type: TaskType,
  orgId: string,
  caseId: string,
  options: StepWrite = {},
): Promise<void> => {
  await markedTransaction(db, options.marker, clock(options))
    .add(
      {
        Delete: {
          TableName: '',
          Key: aggregateMemberKey(type, orgId, caseId),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
      () => new ConditionFailedError(aggregateMemberKey(type, orgId, caseId).pk),
    )
    .commit();
};

// ---- parked events ---------------------------------------------------------------------------

/** The fact a parked event waits for: the write fails if it appeared meanwhile (then apply instead). */
export interface AwaitedFact {
  key: { pk: string; sk: string };
  /** The attribute whose absence, or null, means "not there yet" (`pk` for a whole item). */
  attribute: string;
}

export const parkEvent = async (
  db: Db,
  parked: ParkedEvent,
  awaited: AwaitedFact,
  options: StepWrite = {},
): Promise<void> => {
  const now = clock(options);
  await markedTransaction(db, options.marker, now)
    .put(toParkedItem(parked, now), { expression: 'attribute_not_exists(pk)' })
    .add(
      {
        ConditionCheck: {
          TableName: '',
          Key: awaited.key,
          ConditionExpression: 'attribute_not_exists(#awaited) OR attribute_type(#awaited, :null)',
          ExpressionAttributeNames: { '#awaited': awaited.attribute },
          ExpressionAttributeValues: { ':null': 'NULL' },
        },
      },
      () => new ConditionFailedError(`${awaited.key.pk} arrived while parking`),
    )
    .commit();
};

/** Events waiting for `waitKey`, oldest `time` first. */
export const listParkedEvents = async (db: Db, waitKey: string): Promise<ParkedEvent[]> =>
  (await partitionItems(db, { pk: parkedPartition(waitKey), consistent: true })).map(fromParkedItem);

export const deleteParkedEvent = async (db: Db, parked: ParkedEvent): Promise<void> => {
  await db.client.send(
    new DeleteCommand({ TableName: db.tableName, Key: parkedKey(parked.waitKey, parked.time, parked.eventId) }),
  );
};

// ---- references ------------------------------------------------------------------------------

export const putReference = async (db: Db, reference: Reference, options: StepWrite = {}): Promise<void> => {
  await markedTransaction(db, options.marker, clock(options)).put(toReferenceItem(reference)).commit();
};

export const getReference = async (db: Db, kind: ReferenceKind, id: string): Promise<Reference | undefined> => {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: referenceKey(kind, id), ConsistentRead: true }),
  );
  return Item ? fromReferenceItem(Item) : undefined;
};

// ---- quote rounds ----------------------------------------------------------------------------

export const getQuoteRound = async (db: Db, caseId: string): Promise<QuoteRound | undefined> =>
  fromQuoteItems(await partitionItems(db, { pk: quotePartition(caseId), consistent: true }));

/** Opens (or widens) the round: the request keeps its first creditor and time; invitations are merged. */
export const recordQuoteRequest = async (
  db: Db,
  request: { caseId: string; creditorOrgId: string; requestedAt: string; partnerOrgIds: readonly string[] },
  options: StepWrite = {},
): Promise<void> => {
  const tx = markedTransaction(db, options.marker, clock(options));
  const { caseId } = request;
  tx.add(
    {
      Update: {
        TableName: '',
        Key: quoteRoundKey(caseId),
        UpdateExpression:
          'SET #kind = :kind, caseId = :case, creditorOrgId = if_not_exists(creditorOrgId, :creditor), requestedAt = if_not_exists(requestedAt, :at)',
        ExpressionAttributeNames: { '#kind': 'kind' },
        ExpressionAttributeValues: {
          ':kind': 'quote-round',
          ':case': caseId,
          ':creditor': request.creditorOrgId,
          ':at': request.requestedAt,
        },
      },
    },
    () => new ConditionFailedError(quoteRoundKey(caseId).pk),
  );
  for (const partnerOrgId of new Set(request.partnerOrgIds)) {
    tx.add(
      {
        Update: {
          TableName: '',
          Key: quoteInviteKey(caseId, partnerOrgId),
          UpdateExpression: 'SET #kind = :kind, caseId = :case, partnerOrgId = :partner',
          ExpressionAttributeNames: { '#kind': 'kind' },
          ExpressionAttributeValues: { ':kind': 'quote-invite', ':case': caseId, ':partner': partnerOrgId },
        },
      },
      () => new ConditionFailedError(quoteInviteKey(caseId, partnerOrgId).pk),
    );
  }
  await tx.commit();
};

/** The partner's quote time: the earliest quote counts, whatever order they arrive in. */
export const recordQuote = async (
  db: Db,
  caseId: string,
  partnerOrgId: string,
  at: string,
  options: StepWrite = {},
): Promise<void> => {
  await markedTransaction(db, options.marker, clock(options))
    .add(
      {
        Update: {
          TableName: '',
          Key: quoteInviteKey(caseId, partnerOrgId),
          UpdateExpression: 'SET quotedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(quotedAt) OR quotedAt > :at)',
          ExpressionAttributeValues: { ':at': at },
        },
      },
      () => new ConditionFailedError(quoteInviteKey(caseId, partnerOrgId).pk),
    )
    .commit();
};

/** The winner: the earliest selection counts. */
export const recordQuoteWinner = async (
  db: Db,
  caseId: string,
  partnerOrgId: string,
  at: string,
  options: StepWrite = {},
): Promise<void> => {
  await markedTransaction(db, options.marker, clock(options))
    .add(
      {
        Update: {
          TableName: '',
          Key: quoteRoundKey(caseId),
          UpdateExpression: 'SET winnerOrgId = :partner, winnerAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(winnerAt) OR winnerAt > :at)',
          ExpressionAttributeValues: { ':partner': partnerOrgId, ':at': at },
        },
      },
      () => new ConditionFailedError(quoteRoundKey(caseId).pk),
    )
    .commit();
};
