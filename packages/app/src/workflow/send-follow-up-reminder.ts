// Later steps of the paused-case follow-up: re-read the task and, while it is open, emit the stage's event once.

import { reminderEvent } from '@casetasks/core';
import { DuplicateEventError, emitOnce, followUpMarker, getTask } from '@casetasks/db';
import { tasksDb } from '../runtime/index.js';
import type { FollowUpReminderInput, FollowUpStage, FollowUpState } from './follow-up-contract.js';

const detailTypes = {
  approaching: 'Task Deadline Approaching',
  overdue: 'Task Overdue',
  escalated: 'Paused Case Escalated',
} as const satisfies Record<FollowUpStage, string>;

/**
 * A closed task ends the execution quietly (a missed StopExecution is harmless). The marker makes a
 * retried step, or a second execution of the same pause, emit nothing twice.
 */
export const sendFollowUpReminder = async (
  { state, stage }: FollowUpReminderInput,
  now: Date,
): Promise<FollowUpState> => {
  const db = tasksDb();
  const task = state.taskId ? await getTask(db, state.taskId, true) : undefined;
  if (task?.status !== 'open') return { ...state, open: false };
  try {
    await emitOnce(
      db,
      followUpMarker(task.id, stage),
      [reminderEvent(detailTypes[stage], task, now.toISOString())],
      now,
    );
  } catch (error) {
    if (!(error instanceof DuplicateEventError)) throw error;
  }
  return { ...state, open: true };
};
