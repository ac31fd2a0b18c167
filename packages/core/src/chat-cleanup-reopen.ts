// Undo of the nightly chat cleanup (issue 23): a task the AI closed may be reopened by a person within a window.
import { TaskStateError } from './errors.js';
import { type Principal, type TaskChange, userActor } from './lifecycle.js';
import type { Task } from './task.js';

/** How long after the AI closed a task a person may still reopen it (docs/chat-cleanup.md). */
export const REOPEN_WINDOW_DAYS = 7;

/**
 * Reopens a task the nightly cleanup closed: open again with its deadline as it was, so a deadline
 * already passed shows overdue (the person said a reply was needed, and it still is). Refused (409)
 * for any other task, an open one (a second reopen), or after the window.
 */
export const reopenAiClosedTask = (task: Task, principal: Principal, now: string, reason: string): TaskChange => {
  if (task.status !== 'completed' || task.resolution !== 'ai' || task.completedAt === undefined) {
    throw new TaskStateError('only a task closed by the chat cleanup can be reopened', 'status');
  }
  const windowEnd = Date.parse(task.completedAt) + REOPEN_WINDOW_DAYS * 86_400_000;
  if (Date.parse(now) > windowEnd) {
    throw new TaskStateError(`the chat cleanup closed it more than ${REOPEN_WINDOW_DAYS} days ago`, 'completedAt');
  }
  const { resolution: _resolution, completedAt: _completedAt, completedBy: _completedBy, ...rest } = task;
  const after: Task = { ...rest, status: 'open', version: task.version + 1 };
  const changes: Record<string, [unknown, unknown]> = {
    status: [task.status, 'open'],
    resolution: [task.resolution, null],
    completedAt: [task.completedAt, null],
    completedBy: [task.completedBy ?? null, null],
  };
  return {
    before: task,
    after,
    entry: {
      taskId: task.id,
      version: after.version,
      at: now,
      action: 'reopened',
      actor: userActor(principal),
      changes,
      reason,
    },
  };
};
