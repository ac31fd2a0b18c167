// Every read of tasks: by id, one page of a list plan, every page of a case or an owner, the sharded job
// indexes (reminders, escalations, overdue chat tasks), the SLA index and COUNTs. Unreadable items are
// reported and left out (stored-items.ts).
import { paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { AssignmentRule, Party, Task } from '@casetasks/core';
import * as z from 'zod';
import type { Db } from '../../client.js';
import {
  type IndexQuery,
  indexItems,
  indexItemsWithStats,
  indexPages,
  indexQueryInput,
  type Page,
  queryIndex,
  type ReadOptions,
  type ReadStats,
} from '../../index-query.js';
import { readItem } from '../../item-reads.js';
import { instantKey, instantKeyThrough } from '../../keys/instant-key.js';
import { allShards, JOB_SHARDS } from '../../keys/shard.js';
import { readStoredItem, readStoredItems } from '../../stored-items.js';
import { indexes, tableKeys } from '../../table-definition.js';
import { byCasePrefix, fromTaskItem, taskKey, taskPartitions } from './task-item.js';
import type { TaskListQuery } from './task-list.js';

/** The task, or undefined when there is none or it no longer parses (reported): an unreadable task reads as missing. */
export const getTask = async (db: Db, id: string, consistent = false): Promise<Task | undefined> => {
  const item = await readItem(db, taskKey(id), consistent);
  return item ? readStoredItem(db, item, fromTaskItem) : undefined;
};

/**
 * One page of a task query, parsed into tasks. A task that no longer parses is reported and left out,
 * so a page may hold fewer than `limit` tasks; `lastKey` still continues after everything read.
 */
export const queryTasks = async (db: Db, query: IndexQuery): Promise<Page<Task>> => {
  const page = await queryIndex(db, query);
  return { ...page, items: readStoredItems(db, page.items, fromTaskItem) };
};

/** Every task a query selects, all pages read. */
export const allTasksOf = async (db: Db, query: IndexQuery): Promise<Task[]> =>
  readStoredItems(db, await indexItems(db, query), fromTaskItem);

/** Every open task of a case (case closing, leaving paused): Query byCase, `open#` prefix. */
export const openTasksOfCase = (db: Db, caseId: string): Promise<Task[]> =>
  allTasksOf(db, { index: 'byCase', partition: taskPartitions.byCase(caseId), prefix: byCasePrefix('open') });

/** A party's completed tasks on a case: Query byCase, `completed#{party}#{org}#` prefix. */
export const completedTasksOfCase = (db: Db, caseId: string, party: Party, orgId: string): Promise<Task[]> =>
  allTasksOf(db, {
    index: 'byCase',
    partition: taskPartitions.byCase(caseId),
    prefix: byCasePrefix('completed', party, orgId),
  });

/** Every completed task of a case, both parties (a clock pause that reached tasks already done): `completed#` prefix. */
export const allCompletedTasksOfCase = (db: Db, caseId: string): Promise<Task[]> =>
  allTasksOf(db, { index: 'byCase', partition: taskPartitions.byCase(caseId), prefix: byCasePrefix('completed') });

/** Every open task of an owner (an assignee, or null: the org's unassigned tasks) due through `through`. */
export const openTasksOfAssigneeThrough = (
  db: Db,
  owner: { party: Party; orgId: string; assigneeId: string | null },
  through: string,
): Promise<Task[]> =>
  allTasksOf(db, {
    index: 'openByAssignee',
    partition: taskPartitions.openByAssignee(owner.party, owner.orgId, owner.assigneeId),
    to: instantKeyThrough(through),
  });

/** Reads every page of one sharded index up to `through`, all shards at once; `visit` sees each task as read. */
const acrossShards = async (
  db: Db,
  index: 'dueForReminder' | 'openEscalated',
  through: string,
  visit: (task: Task) => void,
): Promise<void> => {
  await Promise.all(
    allShards().map(async (shard) => {
      const query = { index, partition: taskPartitions[index](shard), to: instantKeyThrough(through) };
      for await (const page of indexPages(db, query)) readStoredItems(db, page.items, fromTaskItem).forEach(visit);
    }),
  );
};

/** Open tasks whose next reminder is due through `through` (every shard, every page). */
export const dueForReminder = (db: Db, through: string, visit: (task: Task) => void): Promise<void> =>
  acrossShards(db, 'dueForReminder', through, visit);

/** Open tasks escalated through `through` (every shard, every page). */
export const escalatedThrough = (db: Db, through: string, visit: (task: Task) => void): Promise<void> =>
  acrossShards(db, 'openEscalated', through, visit);

// ---- overdue chat tasks: one party's shards read in turn, resumable after any task ------------------

/** An opaque position in an index: the ExclusiveStartKey that continues right after one item. */
export type IndexPosition = Record<string, unknown>;

export interface OverdueChatTask {
  task: Task;
  /** Resuming here continues after this task, so a run can stop between any two tasks. */
  position: IndexPosition;
}

export interface OverdueChatPage {
  tasks: OverdueChatTask[];
  /** Absent when the shard has nothing more that is overdue. */
  lastKey?: IndexPosition;
}

const chatIndex = indexes.openChatByDeadline;

/** The key attributes DynamoDB needs to continue after an item of the openChatByDeadline index. */
const positionOf = (item: Record<string, unknown>): IndexPosition => ({
  [tableKeys.partitionKey]: item[tableKeys.partitionKey],
  [tableKeys.sortKey]: item[tableKeys.sortKey],
  [chatIndex.partitionKey]: item[chatIndex.partitionKey],
  [chatIndex.sortKey]: item[chatIndex.sortKey],
});

/**
 * One page of a party's open `new_message` tasks in one shard whose deadline is before `before`, oldest
 * deadline first. The sort key is `{deadline}#{id}`, so `<= before` (a bare instant key) means deadline < before.
 */
export const overdueChatTasks = async (
  db: Db,
  query: { party: Party; shard: number; before: string; after?: IndexPosition; limit: number },
): Promise<OverdueChatPage> => {
  const page = await queryIndex(db, {
    index: 'openChatByDeadline',
    partition: taskPartitions.openChatByDeadline(query.party, query.shard),
    to: instantKey(query.before, 'before'),
    limit: query.limit,
    ...(query.after ? { startKey: query.after } : {}),
  });
  return {
    // A task that no longer parses is reported and passed over; the next position still moves past it.
    tasks: page.items.flatMap((item) => {
      const task = readStoredItem(db, item, fromTaskItem);
      return task ? [{ task, position: positionOf(item) }] : [];
    }),
    ...(page.lastKey ? { lastKey: page.lastKey } : {}),
  };
};

/**
 * Where a party's read of its overdue chat tasks stands: the shard being read (shards are read in
 * turn; past the last one the read is finished) and the position after the last task handled.
 */
export interface ChatReadPoint {
  shard: number;
  after?: IndexPosition;
}

const chatReadPointSchema = z.object({
  shard: z.number().int().min(0),
  after: z.record(z.string(), z.unknown()).optional(),
});

/** The read points of the overdue chat tasks: where a read starts, when it is finished, and their stored form. */
export const chatReadPoints = {
  start: (): ChatReadPoint => ({ shard: 0 }),
  finished: (point: ChatReadPoint): boolean => point.shard >= JOB_SHARDS,
  /** The form a checkpoint stores (`{"shard":n,"after":{…}}`). */
  stringify: (point: ChatReadPoint): string => JSON.stringify(point),
  /** The stored form read back: '' is the start; undefined when it is no read point. */
  parse: (stored: string): ChatReadPoint | undefined => {
    if (!stored) return { shard: 0 };
    try {
      const parsed = chatReadPointSchema.safeParse(JSON.parse(stored));
      if (!parsed.success) return undefined;
      const { shard, after } = parsed.data;
      return after ? { shard, after } : { shard };
    } catch {
      return undefined;
    }
  },
};

/**
 * One page of a party's overdue chat tasks from `from`, each with the point right after it, and the point
 * after the whole page (the next shard when this one has no more overdue tasks).
 */
export const overdueChatPage = async (
  db: Db,
  query: { party: Party; before: string; from: ChatReadPoint; limit: number },
): Promise<{ tasks: { task: Task; resumeAt: ChatReadPoint }[]; next: ChatReadPoint }> => {
  const { shard, after } = query.from;
  if (chatReadPoints.finished(query.from)) return { tasks: [], next: query.from };
  const page = await overdueChatTasks(db, {
    party: query.party,
    shard,
    before: query.before,
    limit: query.limit,
    ...(after ? { after } : {}),
  });
  return {
    tasks: page.tasks.map(({ task, position }) => ({ task, resumeAt: { shard, after: position } })),
    next: page.lastKey ? { shard, after: page.lastKey } : { shard: shard + 1 },
  };
};

// ---- SLA and counts ---------------------------------------------------------------------------------

/**
 * Tasks of the org whose originalDeadline is in [from, to): the sort key is `{originalDeadline}#{id}`, so
 * BETWEEN the two bare instant keys includes every key of `from` and none of `to`. Tasks that no longer
 * parse are reported and left out of the score.
 */
export const slaTasksInPeriod = async (
  db: Db,
  orgId: string,
  period: { from: Date; to: Date },
  options: ReadOptions = {},
): Promise<{ tasks: Task[]; stats: ReadStats }> => {
  const { items, stats } = await indexItemsWithStats(
    db,
    {
      index: 'slaByOrg',
      partition: taskPartitions.slaByOrg(orgId),
      from: instantKey(period.from, 'from'),
      to: instantKey(period.to, 'to'),
    },
    options,
  );
  return { tasks: readStoredItems(db, items, fromTaskItem), stats };
};

export interface TaskCount {
  count: number;
  /** Read capacity of every page, for PERFORMANCE.md. */
  capacityUnits: number;
}

/**
 * Counts the items a list plan selects (partition, sort-key range, filter), paging until done, or
 * until `cap` are counted: a COUNT still pays for every item it reads, so callers that only compare
 * small counts stop early.
 */
export const countTasks = async (db: Db, query: TaskListQuery, cap = Number.POSITIVE_INFINITY): Promise<TaskCount> => {
  const capped = Number.isFinite(cap);
  // paginateQuery re-reads `Limit` from this input before each page: each page asks only for what is left.
  const input = { ...indexQueryInput(db, query), Select: 'COUNT' as const, ...(capped ? { Limit: cap } : {}) };
  let count = 0;
  let capacityUnits = 0;
  for await (const page of paginateQuery({ client: db.client }, input)) {
    count += page.Count ?? 0;
    capacityUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
    if (count >= cap) break;
    if (capped) input.Limit = cap - count;
  }
  return { count, capacityUnits };
};

const FIRST_COUNT_CAP = 32;

/** Open tasks of each user in the org (all types), by COUNT queries on openByAssignee; users above the smallest count may read as capped. */
export const openTaskCounts = async (db: Db, party: Party, orgId: string, rule: AssignmentRule): Promise<number[]> => {
  // Only the smallest count matters: count everyone up to a cap, and raise the cap only while even the
  // least loaded user reaches it. A COUNT pays for every index item it reads, so the reads stay
  // proportional to the lightest load, not to the heaviest.
  for (let cap = FIRST_COUNT_CAP; ; cap *= 4) {
    const counts = await Promise.all(
      rule.userIds.map(
        async (userId) =>
          (
            await countTasks(
              db,
              { index: 'openByAssignee', partition: taskPartitions.openByAssignee(party, orgId, userId) },
              cap,
            )
          ).count,
      ),
    );
    if (Math.min(...counts) < cap) return counts;
  }
};
