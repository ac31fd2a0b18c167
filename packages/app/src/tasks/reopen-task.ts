// Undo of the nightly chat cleanup (issue 23): a person reopens an AI-closed task, and the conversation
// becomes a labelled evaluation example (`reply_needed`) for the corpus.
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { type Principal, reopenAiClosedTask, type Task, TaskStateError, wellFormedTextSchema } from '@casetasks/core';
import {
  type ChatVerdict,
  getChatVerdict,
  putChatVerdict,
  type ReopenExample,
  recentMessages,
  ScopeTakenError,
  saveReopen,
} from '@casetasks/db';
import * as z from 'zod';
import { defaultChatCleanupSettings } from '../jobs/chat-cleanup-settings.js';
import { tasksDb } from '../runtime/clients.js';
import { logger, metrics } from '../runtime/observability.js';
import { changeableTask } from './task-access.js';
import { type TaskView, taskView } from './task-view.js';

export const REOPENED_AFTER_AI_METRIC = 'ChatCleanupReopenedAfterAi';

export const reopenBodySchema = z.strictObject({
  reason: wellFormedTextSchema.trim().min(1).max(500).describe('Why a reply is still needed: kept in history'),
});
export type ReopenBody = z.infer<typeof reopenBodySchema>;

/**
 * The messages the judge saw: the case's newest ones sent by the time the task closed, as the corpus
 * stores them (the task's own party's messages are outbound; ages as of the close).
 */
const judgedConversation = async (task: Task): Promise<ReopenExample['messages']> => {
  if (!task.caseId || task.completedAt === undefined) return [];
  const closedAt = Date.parse(task.completedAt);
  const messages = await recentMessages(tasksDb(), task.caseId, defaultChatCleanupSettings.messages);
  return messages
    .filter((message) => Date.parse(message.sentAt) <= closedAt)
    .map((message) => ({
      direction: message.senderParty === task.accessLevel ? 'outbound' : 'inbound',
      text: message.text,
      ageHours: Math.round((closedAt - Date.parse(message.sentAt)) / 360_000) / 10,
    }));
};

/**
 * The verdict cache now answers "reply needed" for the same latest message, model and prompt: the next
 * night keeps the task instead of closing it again, until a new message comes. Best effort, after the
 * reopen: if it fails, the task is judged again (and may close again) — logged.
 */
const keepReopened = async (verdict: ChatVerdict, now: Date) => {
  const label = { decision: 'reply_needed' as const, reason: 'reopened by a person', judgedAt: now.toISOString() };
  await putChatVerdict(tasksDb(), { ...verdict, ...label }).catch((error: unknown) =>
    logger.warn('reopened task may be judged again: its verdict was not updated', { taskId: verdict.taskId, error }),
  );
};

/** Same access as marking a task done; 409 unless the AI closed it within the window, and for a second reopen. */
export const reopenTask = async (principal: Principal, id: string, body: ReopenBody, now: Date): Promise<TaskView> => {
  const task = await changeableTask(principal, id);
  const change = reopenAiClosedTask(task, principal, now.toISOString(), body.reason);
  // The closing verdict: its reason goes with the example, and it becomes the person's label below.
  const verdict = await getChatVerdict(tasksDb(), task.id);
  const example: ReopenExample = {
    id: `reopened-${task.id}`,
    // Not detected here: set by whoever adds the example to the corpus (docs/chat-cleanup.md).
    language: 'unknown',
    messages: await judgedConversation(task),
    label: 'reply_needed',
    mustKeep: true,
    category: 'reopened',
    source: 'reopened',
    taskId: task.id,
    party: task.accessLevel,
    orgId: task.orgId,
    reopenedAt: now.toISOString(),
    reopenedBy: principal.userId,
    reason: body.reason,
    ...(task.completedBy === undefined ? {} : { modelId: task.completedBy }),
    ...(verdict === undefined ? {} : { aiReason: verdict.reason }),
  };
  try {
    const saved = await saveReopen(tasksDb(), change, example);
    metrics.addMetric(REOPENED_AFTER_AI_METRIC, MetricUnit.Count, 1);
    if (verdict) await keepReopened(verdict, now);
    return await taskView(saved);
  } catch (error) {
    if (error instanceof ScopeTakenError) {
      throw new TaskStateError('another open task of the same kind exists, or the platform closed it since', 'id');
    }
    throw error;
  }
};
