// Portal list plans: which index serves a task list filter, its key range and the remaining filter (keys built here only).
import type { Party, PortalTab, TaskStatus, TaskType } from '@casetasks/core';
import { typesInTab } from '@casetasks/core';
import type { IndexQuery } from '../../index-query.js';
import { instantKey, instantKeyThrough } from '../../keys/instant-key.js';
import { indexes } from '../../table-definition.js';
import { byCasePrefix, taskPartitions } from './task-item.js';

export interface TaskListFilter {
  party: Party;
  orgId: string;
  status: TaskStatus;
  /** `all` (or absent) = every tab. */
  tab?: PortalTab | 'all';
  types?: readonly TaskType[];
  /** Resolved assignee: a user id, null = unassigned, undefined = anyone. */
  assignee?: string | null;
  caseId?: string;
  /** Inclusive bounds on the working deadline: ISO instants, keyed through instantKey like the stored deadlines. */
  dueFrom?: string;
  dueTo?: string;
  /** Open lists only: the order (default `deadline`); `-created` and `-amount` take no caseId or due bounds. */
  order?: TaskListOrder;
  /** Open lists only: a search key (core's searchKey) that a case reference or debtor name starts with. */
  search?: string;
  /** Which of the search's two indexes this plan reads (listPlans gives both, reference first). */
  searchIn?: SearchIndex;
}

export const taskListOrders = ['deadline', '-deadline', '-created', '-amount'] as const;
export type TaskListOrder = (typeof taskListOrders)[number];
type SearchIndex = 'openByReference' | 'openByDebtor';

export type TaskListQuery = Omit<IndexQuery, 'limit' | 'startKey'> & {
  /** What every sort key of the plan starts with before its `{instant}#{id}` (byCase: `open#{party}#{org}#`). */
  sortKeyPrefix?: string;
};

/** Sorts after every `{deadline}#{id}` rest of a byCase key (they start with a digit). */
const AFTER_ALL = '~';

interface FilterParts {
  clauses: string[];
  names: Record<string, string>;
  values: Record<string, unknown>;
}

const addTypes = (parts: FilterParts, types: readonly TaskType[]) => {
  parts.names['#type'] = 'type';
  const placeholders = types.map((type, i) => {
    parts.values[`:type${i}`] = type;
    return `:type${i}`;
  });
  parts.clauses.push(`#type IN (${placeholders.join(', ')})`);
};

const addAssignee = (parts: FilterParts, assignee: string | null) => {
  if (assignee === null) {
    parts.values[':nullType'] = 'NULL';
    parts.clauses.push('(attribute_not_exists(assigneeId) OR attribute_type(assigneeId, :nullType))');
  } else {
    parts.values[':assignee'] = assignee;
    parts.clauses.push('assigneeId = :assignee');
  }
};

const addDue = (parts: FilterParts, dueFrom: string | undefined, dueTo: string | undefined) => {
  if (dueFrom !== undefined) {
    parts.values[':dueFrom'] = instantKey(dueFrom, 'dueFrom');
    parts.clauses.push('deadline >= :dueFrom');
  }
  if (dueTo !== undefined) {
    parts.values[':dueTo'] = instantKey(dueTo, 'dueTo');
    parts.clauses.push('deadline <= :dueTo');
  }
};

/** Types the tab and the `types` filter both allow; undefined = no type restriction. */
const allowedTypes = (filter: TaskListFilter): readonly TaskType[] | undefined => {
  const tabTypes = filter.tab && filter.tab !== 'all' ? typesInTab(filter.tab) : undefined;
  if (!tabTypes) return filter.types;
  if (!filter.types) return tabTypes;
  return filter.types.filter((type) => tabTypes.includes(type));
};

/**
 * A search reads the reference index, then the debtor index; a task found by its reference is not listed
 * again for its debtor name (the second plan filters those out), so each task appears once.
 */
const searchPlan = (filter: TaskListFilter, search: string): TaskListQuery => {
  const index = filter.searchIn ?? 'openByReference';
  const query: TaskListQuery = {
    index,
    partition: taskPartitions.openByDeadline(filter.party, filter.orgId),
    prefix: search,
  };
  if (index === 'openByReference') return query;
  return {
    ...query,
    filter: {
      // The task's openByReference sort key (`{reference key}#{id}`): a match there was listed by the first plan.
      FilterExpression: 'NOT begins_with(#reference, :search)',
      ExpressionAttributeNames: { '#reference': indexes.openByReference.sortKey },
      ExpressionAttributeValues: { ':search': search },
    },
  };
};

/** The plans one list reads in turn: both search indexes for `search`, else the one of planTaskList. */
export const listPlans = (filter: TaskListFilter): TaskListQuery[] =>
  filter.search === undefined
    ? [planTaskList(filter)]
    : (['openByReference', 'openByDebtor'] as const).map((searchIn) => planTaskList({ ...filter, searchIn }));

/** Merges the plan's own filter (the debtor search's) with the list's. */
const withFilter = (query: TaskListQuery, parts: FilterParts): TaskListQuery => {
  const own = query.filter;
  const clauses = [...(own?.FilterExpression ? [own.FilterExpression] : []), ...parts.clauses];
  if (clauses.length === 0) return query;
  const names = { ...own?.ExpressionAttributeNames, ...parts.names };
  return {
    ...query,
    filter: {
      FilterExpression: clauses.join(' AND '),
      ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: { ...own?.ExpressionAttributeValues, ...parts.values },
    },
  };
};

/**
 * ONE index per request: open lists use byCase (caseId), else openByAssignee (assignee), else
 * openByTab (tab), else openByDeadline, with dueFrom/dueTo in the key condition, ascending by deadline
 * or descending for `-deadline`; `-created`, `-amount` and a search read their own index (the API refuses
 * caseId and due bounds with them). Completed lists use completedByOrg newest first. Whatever the key
 * does not serve becomes the FilterExpression.
 */
export const planTaskList = (filter: TaskListFilter): TaskListQuery => {
  const { party, orgId } = filter;
  const parts: FilterParts = { clauses: [], names: {}, values: {} };
  const served = { caseId: false, assignee: false, tab: false, due: false };
  let query: TaskListQuery;

  if (filter.status === 'open' && filter.search !== undefined) {
    query = searchPlan(filter, filter.search);
  } else if (filter.status === 'open' && (filter.order === '-created' || filter.order === '-amount')) {
    const index = filter.order === '-created' ? 'openByCreated' : 'openByAmount';
    query = { index, partition: taskPartitions.openByDeadline(party, orgId), descending: true };
  } else if (filter.status === 'completed') {
    query = { index: 'completedByOrg', partition: taskPartitions.completedByOrg(party, orgId), descending: true };
  } else if (filter.caseId !== undefined) {
    const prefix = byCasePrefix('open', party, orgId);
    query = {
      index: 'byCase',
      partition: taskPartitions.byCase(filter.caseId),
      sortKeyPrefix: prefix,
      from: `${prefix}${filter.dueFrom === undefined ? '' : instantKey(filter.dueFrom, 'dueFrom')}`,
      to: `${prefix}${filter.dueTo === undefined ? AFTER_ALL : instantKeyThrough(filter.dueTo, 'dueTo')}`,
    };
    served.caseId = true;
    served.due = true;
  } else {
    const range = {
      ...(filter.dueFrom === undefined ? {} : { from: instantKey(filter.dueFrom, 'dueFrom') }),
      ...(filter.dueTo === undefined ? {} : { to: instantKeyThrough(filter.dueTo, 'dueTo') }),
    };
    served.due = true;
    if (filter.assignee !== undefined) {
      query = {
        index: 'openByAssignee',
        partition: taskPartitions.openByAssignee(party, orgId, filter.assignee),
        ...range,
      };
      served.assignee = true;
    } else if (filter.tab !== undefined && filter.tab !== 'all') {
      query = { index: 'openByTab', partition: taskPartitions.openByTab(party, orgId, filter.tab), ...range };
      served.tab = true;
    } else {
      query = { index: 'openByDeadline', partition: taskPartitions.openByDeadline(party, orgId), ...range };
    }
  }

  const types = served.tab ? filter.types : allowedTypes(filter);
  if (types) addTypes(parts, types);
  if (filter.assignee !== undefined && !served.assignee) addAssignee(parts, filter.assignee);
  if (filter.caseId !== undefined && !served.caseId) {
    parts.values[':caseId'] = filter.caseId;
    parts.clauses.push('caseId = :caseId');
  }
  if (!served.due) addDue(parts, filter.dueFrom, filter.dueTo);
  if (filter.order === '-deadline' && query.index !== 'completedByOrg') query = { ...query, descending: true };
  return withFilter(query, parts);
};

/** True when `types` and the tab leave nothing to list (e.g. `tab=messages&type=generic`). */
export const planIsEmpty = (filter: TaskListFilter): boolean => allowedTypes(filter)?.length === 0;

/**
 * Whether a client-supplied start key (from a cursor) is a task key of exactly this plan's
 * partition and key range: anything else would read outside the caller's data.
 */
export const startKeyFits = (query: TaskListQuery, key: Record<string, unknown>): boolean => {
  const index = indexes[query.index];
  const expected = ['pk', 'sk', index.partitionKey, index.sortKey].sort();
  const actual = Object.keys(key).sort();
  if (actual.length !== expected.length || actual.some((name, i) => name !== expected[i])) return false;
  if (!Object.values(key).every((value) => typeof value === 'string')) return false;
  const sortKey = key[index.sortKey] as string;
  return (
    key[index.partitionKey] === query.partition &&
    (key.pk as string).startsWith('task#') &&
    key.sk === 'task' &&
    (query.from === undefined || sortKey >= query.from) &&
    (query.to === undefined || sortKey <= query.to) &&
    (query.prefix === undefined || sortKey.startsWith(query.prefix))
  );
};

export interface TaskCountPlans {
  tabs: Record<PortalTab | 'all', TaskListQuery>;
  overdue: TaskListQuery;
  dueToday: TaskListQuery;
}

/** The open-index ranges behind `GET /tasks/summary`; `dayStart`/`dayEnd` bound today in the service zone. */
export const planTaskCounts = (
  party: Party,
  orgId: string,
  at: { now: string; dayStart: string; dayEnd: string },
): TaskCountPlans => {
  const all = taskPartitions.openByDeadline(party, orgId);
  const tab = (name: PortalTab): TaskListQuery => ({
    index: 'openByTab',
    partition: taskPartitions.openByTab(party, orgId, name),
  });
  return {
    tabs: {
      'new-cases': tab('new-cases'),
      'case-updates': tab('case-updates'),
      messages: tab('messages'),
      all: { index: 'openByDeadline', partition: all },
    },
    // A bare instant key as upper bound: `{deadline}#{id}` < now exactly when deadline < now.
    overdue: { index: 'openByDeadline', partition: all, to: instantKey(at.now) },
    dueToday: { index: 'openByDeadline', partition: all, from: instantKey(at.dayStart), to: instantKey(at.dayEnd) },
  };
};
