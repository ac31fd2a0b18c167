// First step of the paused-case follow-up: open the follow-up task once and compute the times the Wait states use.
import { approachingAt, escalationAt } from '@casetasks/core';
import { ensurePausedCaseTask } from '../events/lifecycle/paused-case.js';
import { serviceCalendar, tasksDb } from '../shared/clients.js';
import { type FollowUpStart, type FollowUpState, followUpStartSchema } from './follow-up-contract.js';
import { stepHandler } from './step-handler.js';

/**
 * The events code creates the same task (ensurePausedCaseTask is idempotent per pause), so a
 * retried step, or a start that raced the event handler, finds the existing task.
 */
export const createFollowUpTask = async (input: FollowUpStart, _now: Date): Promise<FollowUpState> => {
  const calendar = await serviceCalendar();
  const task = await ensurePausedCaseTask(tasksDb(), calendar, input);
  const base = { caseId: input.caseId, surveyId: input.surveyId };
  if (task?.status !== 'open') return { ...base, open: false, ...(task ? { taskId: task.id } : {}) };
  return {
    ...base,
    open: true,
    taskId: task.id,
    approachingAt: approachingAt(calendar, task.deadline),
    deadline: task.deadline,
    escalateAt: escalationAt(task.deadline),
  };
};

export const handler = stepHandler('create-follow-up-task', followUpStartSchema, createFollowUpTask);
