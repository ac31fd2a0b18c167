// Scope guards: "at most one open task per (type, party, org, scope)", and closures that arrived first.
// One item per scope (`scope#{type}#{party}#{org}#{scope}` / `scope`); tasks claim and release it.
import type { Party, Task, TaskType } from '@casetasks/core';
import type { Db } from '../client.js';
import { ScopeTakenError, VersionConflictError } from '../errors.js';
import { readItem } from '../item-reads.js';
import type { Transaction } from '../transaction.js';
import { type StepWrite, stepTransaction } from './applied-marker.js';
import { getTask } from './task/task-reads.js';

export interface ScopeRef {
  type: TaskType;
  party: Party;
  orgId: string;
  scopeKey: string;
}

/**
 * openTaskId: the open task of the scope, if any. closedThrough: the latest `time` of a closing event
 * seen for the scope, so a creating event older than it (delivered late) does not reopen the scope.
 */
export interface ScopeState extends ScopeRef {
  openTaskId?: string;
  closedThrough?: string;
}

const scopeKey = (scope: ScopeRef) => ({
  pk: `scope#${scope.type}#${scope.party}#${scope.orgId}#${scope.scopeKey}`,
  sk: 'scope',
});

/** How errors name a scope. */
const scopeName = (scope: ScopeRef) => scopeKey(scope).pk;

export const scopeOf = (task: Task): ScopeRef => ({
  type: task.type,
  party: task.accessLevel,
  orgId: task.orgId,
  scopeKey: task.scopeKey,
});

/** The scope's identifying attributes, set on every write so the item reads on its own. */
const scopeAttributes = (scope: ScopeRef) => ({
  names: { '#kind': 'kind', '#type': 'type' },
  set: '#kind = :kind, #type = :type, party = :party, orgId = :org, scopeKey = :scope',
  values: {
    ':kind': 'scope',
    ':type': scope.type,
    ':party': scope.party,
    ':org': scope.orgId,
    ':scope': scope.scopeKey,
  },
});

/**
 * The task claims its scope: the scope must have no open task, and no closing event at or after the
 * task's creating time.
 */
export const addScopeClaim = (tx: Transaction, task: Task): Transaction => {
  const scope = scopeOf(task);
  const { names, set, values } = scopeAttributes(scope);
  return tx.add(
    {
      Update: {
        TableName: '',
        Key: scopeKey(scope),
        UpdateExpression: `SET openTaskId = :id, ${set}`,
        ConditionExpression:
          'attribute_not_exists(openTaskId) AND (attribute_not_exists(closedThrough) OR closedThrough < :at)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':id': task.id, ...values, ':at': task.createdAt },
      },
    },
    () => new ScopeTakenError(scopeName(scope)),
  );
};

/** The closing task gives its scope back, iff it still holds it. */
export const addScopeRelease = (tx: Transaction, task: Task): Transaction =>
  tx.add(
    {
      Update: {
        TableName: '',
        Key: scopeKey(scopeOf(task)),
        UpdateExpression: 'REMOVE openTaskId',
        ConditionExpression: 'openTaskId = :id',
        ExpressionAttributeValues: { ':id': task.id },
      },
    },
    () => new VersionConflictError(task.id),
  );

/** The write applies only if no closing event at or after `at` was seen for the scope. */
export const addNotClosedSince = (tx: Transaction, scope: ScopeRef, at: string): Transaction =>
  tx.add(
    {
      ConditionCheck: {
        TableName: '',
        Key: scopeKey(scope),
        ConditionExpression: 'attribute_not_exists(closedThrough) OR closedThrough < :at',
        ExpressionAttributeValues: { ':at': at },
      },
    },
    () => new ScopeTakenError(scopeName(scope)),
  );

/**
 * Remembers that a closing event at `time` happened for the scope. `previous` is the closedThrough
 * read earlier: the write applies only if nobody moved it meanwhile (no lost max()).
 */
export const addScopeClosure = (
  tx: Transaction,
  scope: ScopeRef,
  time: string,
  previous: string | undefined,
): Transaction => {
  const { names, set, values } = scopeAttributes(scope);
  return tx.add(
    {
      Update: {
        TableName: '',
        Key: scopeKey(scope),
        UpdateExpression: `SET closedThrough = :time, ${set}`,
        ConditionExpression:
          previous === undefined ? 'attribute_not_exists(closedThrough)' : 'closedThrough = :previous',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: {
          ':time': time,
          ...values,
          ...(previous === undefined ? {} : { ':previous': previous }),
        },
      },
    },
    () => new VersionConflictError(scopeName(scope)),
  );
};

/** Remembers a closing event for the scope (see addScopeClosure), as one marked step. */
export const recordScopeClosure = async (
  db: Db,
  scope: ScopeRef,
  time: string,
  previous: string | undefined,
  options: StepWrite = {},
): Promise<void> => {
  const [tx] = stepTransaction(db, options);
  await addScopeClosure(tx, scope, time, previous).commit();
};

export const getScope = async (db: Db, scope: ScopeRef): Promise<ScopeState | undefined> => {
  const item = await readItem(db, scopeKey(scope), true);
  if (!item) return undefined;
  return {
    ...scope,
    ...(typeof item.openTaskId === 'string' ? { openTaskId: item.openTaskId } : {}),
    ...(typeof item.closedThrough === 'string' ? { closedThrough: item.closedThrough } : {}),
  };
};

/** The open task of a scope, read consistently (event handlers decide on it). */
export const getOpenTaskOfScope = async (db: Db, scope: ScopeRef): Promise<{ scope?: ScopeState; task?: Task }> => {
  const state = await getScope(db, scope);
  const task = state?.openTaskId ? await getTask(db, state.openTaskId, true) : undefined;
  return { ...(state ? { scope: state } : {}), ...(task ? { task } : {}) };
};
