// Scope guards: "at most one open task per (type, party, org, scope)", and closures that arrived first.
import type { Party, TaskType } from '@casetasks/core';

export interface ScopeRef {
  type: TaskType;
  party: Party;
  orgId: string;
  scopeKey: string;
}

export const scopeKey = (scope: ScopeRef) => ({
  pk: `scope#${scope.type}#${scope.party}#${scope.orgId}#${scope.scopeKey}`,
  sk: 'scope',
});

/**
 * openTaskId: the open task of the scope, if any. closedThrough: the latest `time` of a closing event
 * seen for the scope, so a creating event older than it (delivered late) does not reopen the scope.
 */
export interface ScopeState extends ScopeRef {
  openTaskId?: string;
  closedThrough?: string;
}
