// The SLA clock of a case's tasks (issue 19): after a status or a status update changed the case's logs,
// each task the pauses stop gets its clock recomputed from the whole logs, one marked step per task.
import {
  type CaseState,
  type ClockPause,
  casePauses,
  clockChange,
  clockPausesApply,
  pausesChangedFrom,
  pausesHash,
  pausesOfTask,
  type Task,
} from '@casetasks/core';
import { allCompletedTasksOfCase, getTask, openTasksOfCase, saveChange } from '@casetasks/db';
import { type StepContext, step } from './steps.js';

/**
 * The case's logs changed with a fact at `at`: its open tasks, and those completed since the earliest
 * pause the fact may have changed, are brought in line (a no-op for tasks already so, e.g. on a retry).
 */
export const applyCaseClock = async (ctx: StepContext, state: CaseState, at: string): Promise<void> => {
  const pauses = casePauses(state);
  const from = pausesChangedFrom(state, at);
  const [open, completed] = await Promise.all([
    openTasksOfCase(ctx.db, state.caseId),
    allCompletedTasksOfCase(ctx.db, state.caseId),
  ]);
  const listed = [...open, ...completed.filter((task) => (task.completedAt ?? '') >= from)].filter(clockPausesApply);
  for (const { id } of listed) {
    // Re-read consistently: the byCase index may lag a write.
    const task = await getTask(ctx.db, id, true);
    if (task) await applyTaskClock(ctx, task, pauses);
  }
};

const applyTaskClock = async (ctx: StepContext, task: Task, pauses: readonly ClockPause[]) => {
  const policy = await ctx.policies.of(task.accessLevel, task.orgId);
  const change = clockChange(policy, task, pauses, ctx.now.toISOString(), ctx.eventId);
  if (!change) return;
  const name = `clock:${task.id}:${pausesHash(pausesOfTask(pauses, task))}`;
  const applied = await step(ctx, name, (options) => saveChange(ctx.db, change, options));
  if (applied) ctx.effects.push({ action: 'updated', taskId: task.id, type: task.type, note: change.entry.reason });
};
