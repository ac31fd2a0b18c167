// Task items: the task itself plus the sparse index keys derived from its state (the only place they are
// built); which views a task belongs to is core's rule (countsForSla, isChatTask, the catalogue's tab).
import {
  type CaseDetails,
  caseSortKeys,
  catalogue,
  countsForSla,
  isChatTask,
  type Party,
  type Task,
  type TaskStatus,
  taskSchema,
} from '@casetasks/core';
import { instantSortKey } from '../../keys/instant-key.js';
import { shardOf } from '../../keys/shard.js';
import { indexes } from '../../table-definition.js';

/** The task's own partition: the task item (`task`) and its history entries (`h#{version}`). */
export const taskPartitionKey = (id: string) => `task#${id}`;
export const taskKey = (id: string) => ({ pk: taskPartitionKey(id), sk: 'task' });

const orgPrefix = (party: Party, orgId: string) => `${party}#${orgId}`;

/** Partition keys of the list indexes, shared by writers (below) and readers (queries). */
export const taskPartitions = {
  openByDeadline: (party: Party, orgId: string) => `${orgPrefix(party, orgId)}#open`,
  openByTab: (party: Party, orgId: string, tab: string) => `${orgPrefix(party, orgId)}#open#${tab}`,
  openByAssignee: (party: Party, orgId: string, assigneeId: string | null) =>
    `${orgPrefix(party, orgId)}#open#@${assigneeId ?? '-'}`,
  completedByOrg: (party: Party, orgId: string) => `${orgPrefix(party, orgId)}#completed`,
  byCase: (caseId: string) => `case#${caseId}`,
  dueForReminder: (shard: number) => `remind#${shard}`,
  openChatByDeadline: (party: Party, shard: number) => `chat#${party}#${shard}`,
  slaByOrg: (orgId: string) => `sla#${orgId}`,
  openEscalated: (shard: number) => `escalated#${shard}`,
} as const;

/** Sort-key prefix of a case's tasks for one party and org (action items, case closing). */
export const byCasePrefix = (status: TaskStatus, party?: Party, orgId?: string) =>
  party === undefined ? `${status}#` : `${status}#${orgPrefix(party, orgId ?? '')}#`;

type Keys = Record<string, string>;
const put = (keys: Keys, index: keyof typeof indexes, pk: string, sk: string) => {
  keys[indexes[index].partitionKey] = pk;
  keys[indexes[index].sortKey] = sk;
};

/** Fixed width of an amount in the openByAmount sort key: MAX_MINOR_AMOUNT has 15 digits. */
const AMOUNT_DIGITS = 16;
/** A task whose case has no known amount: `-` sorts before every digit, so last when sorted descending. */
const NO_AMOUNT = '-';

/**
 * The sort keys an open task takes from its case's details (case-details.ts sets them on a change, with
 * undefined = remove); their partition is openByDeadline's attribute, which every open task has. Every open
 * task is in openByAmount; the search indexes hold those with a key.
 */
export const caseKeyAttributes = (id: string, details: CaseDetails | undefined): Record<string, string | undefined> => {
  const keys = caseSortKeys(details);
  const amount = keys.amount === undefined ? NO_AMOUNT : String(keys.amount).padStart(AMOUNT_DIGITS, '0');
  return {
    [indexes.openByAmount.sortKey]: `${amount}#${id}`,
    [indexes.openByReference.sortKey]: keys.reference === undefined ? undefined : `${keys.reference}#${id}`,
    [indexes.openByDebtor.sortKey]: keys.debtor === undefined ? undefined : `${keys.debtor}#${id}`,
  };
};

/**
 * The stored item of a task: its fields plus exactly the index keys its state calls for. Every instant
 * in a sort key goes through instantSortKey: a task whose instant has no fixed-width key is refused
 * (InstantOutOfRangeError naming the field) and nothing is written.
 */
export const toTaskItem = (task: Task): Record<string, unknown> => {
  const keys: Keys = {};
  const { accessLevel: party, orgId, id } = task;
  if (task.status === 'open') {
    const byDeadline = instantSortKey(task.deadline, id, 'deadline');
    put(keys, 'openByDeadline', taskPartitions.openByDeadline(party, orgId), byDeadline);
    const tab = catalogue[task.type].tab;
    if (tab) put(keys, 'openByTab', taskPartitions.openByTab(party, orgId, tab), byDeadline);
    put(keys, 'openByAssignee', taskPartitions.openByAssignee(party, orgId, task.assigneeId), byDeadline);
    put(
      keys,
      'openByCreated',
      taskPartitions.openByDeadline(party, orgId),
      instantSortKey(task.createdAt, id, 'createdAt'),
    );
    for (const [name, value] of Object.entries(caseKeyAttributes(id, task.caseDetails))) {
      if (value !== undefined) keys[name] = value;
    }
    if (task.reminder) {
      const sk = instantSortKey(task.reminder.nextAt, id, 'reminder.nextAt');
      put(keys, 'dueForReminder', taskPartitions.dueForReminder(shardOf(id)), sk);
    }
    if (task.escalatedAt) {
      const sk = instantSortKey(task.escalatedAt, id, 'escalatedAt');
      put(keys, 'openEscalated', taskPartitions.openEscalated(shardOf(id)), sk);
    }
    if (isChatTask(task)) {
      put(keys, 'openChatByDeadline', taskPartitions.openChatByDeadline(party, shardOf(id)), byDeadline);
    }
  } else {
    const sk = instantSortKey(task.completedAt ?? '', id, 'completedAt');
    put(keys, 'completedByOrg', taskPartitions.completedByOrg(party, orgId), sk);
  }
  if (task.caseId) {
    const sk = `${byCasePrefix(task.status, party, orgId)}${instantSortKey(task.deadline, id, 'deadline')}`;
    put(keys, 'byCase', taskPartitions.byCase(task.caseId), sk);
  }
  if (countsForSla(task)) {
    const sk = instantSortKey(task.originalDeadline, id, 'originalDeadline');
    put(keys, 'slaByOrg', taskPartitions.slaByOrg(orgId), sk);
  }
  return { ...taskKey(id), kind: 'task', ...task, ...keys };
};

/** Parses a stored task; zod drops the key attributes. */
export const fromTaskItem = (item: Record<string, unknown>): Task => taskSchema.parse(item);
