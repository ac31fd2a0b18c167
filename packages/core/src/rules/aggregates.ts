// Per-creditor aggregate tasks: one open task covers every pending case, its title shows the live count.
import { aggregateTitle } from '../lifecycle.js';
import type { Task, TaskType } from '../task.js';

export const aggregateTypes = ['assign_bank_account', 'sign_contract'] as const satisfies readonly TaskType[];
export type AggregateType = (typeof aggregateTypes)[number];

export interface AggregateView {
  title: string;
  caseIds: string[];
  details: { coveredCount: number };
}

/**
 * How many case ids an aggregate task lists. A creditor may have thousands of pending cases: the task
 * item (and the history entry of each change, which holds the list before and after) must stay far
 * below DynamoDB's 400 KB item limit even with 128-character ids. `coveredCount` stays exact.
 */
export const MAX_LISTED_CASE_IDS = 500;

export const aggregateView = (type: AggregateType, caseIds: readonly string[]): AggregateView => {
  const sorted = [...new Set(caseIds)].sort();
  return {
    title: aggregateTitle(type, sorted.length),
    caseIds: sorted.slice(0, MAX_LISTED_CASE_IDS),
    details: { coveredCount: sorted.length },
  };
};

/** The patch that brings an open aggregate task to the view; undefined when it already shows it. */
export const aggregatePatch = (task: Task, view: AggregateView): Partial<Task> | undefined => {
  const same =
    task.title === view.title &&
    JSON.stringify(task.caseIds ?? []) === JSON.stringify(view.caseIds) &&
    task.details?.coveredCount === view.details.coveredCount;
  return same ? undefined : { title: view.title, caseIds: view.caseIds, details: { ...task.details, ...view.details } };
};
