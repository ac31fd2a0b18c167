// The ends of a task's SLA clock (issue 19): a task born on a paused case starts with its pauses; a task
// completed keeps only the pauses of its life.
import {
  clockAtCompletion,
  clockPausesApply,
  type OrgPolicy,
  type Task,
  type TaskChange,
  withCaseClock,
} from '@casetasks/core';
import { type Db, getCaseState } from '@casetasks/db';
import type { PolicyLookup } from '../../policies/index.js';

/** The task with its case's pauses applied (clipped to its life); unchanged for types no pause stops. */
export const startCaseClock = async (db: Db, policy: OrgPolicy, task: Task): Promise<Task> =>
  task.caseId !== null && clockPausesApply(task)
    ? withCaseClock(policy, task, await getCaseState(db, task.caseId))
    : task;

/** A completing change with the task's pauses clipped to its end (clock-pauses.ts `clockAtCompletion`). */
export const endCaseClock = async (policies: PolicyLookup, change: TaskChange): Promise<TaskChange> =>
  change.after.status === 'completed' && change.after.clockPauses?.length
    ? clockAtCompletion((await policies.of(change.after.accessLevel, change.after.orgId)).calendar, change)
    : change;
