// First step of the paused-case follow-up: open the follow-up task once and compute the times the Wait states use.

import { approachingAt, escalationAt } from '@casetasks/core';
import { ensurePausedCaseTask } from '../events/rules/paused-case.js';
import { servicePolicies } from '../policies/index.js';
import { tasksDb } from '../runtime/index.js';
import type { FollowUpStart, FollowUpState } from './follow-up-contract.js';

/**
 * The events code creates the same task (ensurePausedCaseTask is idempotent per pause), so a
 * retried step, or a start that raced the event handler, finds the existing task.
 */
export const createFollowUpTask = async (input: FollowUpStart, _now: Date): Promise<FollowUpState> => {
  const policies = await servicePolicies();
  const task = await ensurePausedCaseTask(tasksDb(), policies, input);
  const correlationId = input.correlationId ?? input.eventId;
  const base = { caseId: input.caseId, surveyId: input.surveyId, ...(correlationId ? { correlationId } : {}) };
  if (task?.status !== 'open') return { ...base, open: false, ...(task ? { taskId: task.id } : {}) };
  // SPEC §4's fixed schedule (3 business days before, 7 calendar days after), on the task org's calendar.
  const { calendar } = await policies.of(task.accessLevel, task.orgId);
  return {
    ...base,
    open: true,
    taskId: task.id,
    approachingAt: approachingAt(calendar, task.deadline),
    deadline: task.deadline,
    escalateAt: escalationAt(task.deadline),
  };
};
