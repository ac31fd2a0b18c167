// OpenAPI examples of the chat cleanup's routes (issue 23): reopen, shadow report, examples, mode.
import * as sample from './example-values.js';

const reopened = {
  ...sample.openTask,
  deadline: '2026-11-20T16:00:00.000Z',
  originalDeadline: '2026-11-20T16:00:00.000Z',
  version: 3,
};
const reason = 'The debtor asked for the payment plan in the last message';

export const chatCleanupExamples: Record<string, sample.OperationExample> = {
  'POST /tasks/{id}/reopen': { request: { reason }, response: reopened },
  'GET /chat-cleanup/shadow-report': {
    response: {
      night: '2026-11-24',
      judged: 12,
      replyNeeded: 8,
      unsure: 2,
      wouldClose: [
        {
          taskId: sample.TASK_ID,
          reason: 'The creditor thanked the partner; nothing is asked.',
          modelId: 'eu.anthropic.claude-haiku-4-5-20251001-v1:0',
          promptVersion: '2',
          judgedAt: '2026-11-24T02:10:00.000Z',
        },
      ],
    },
  },
  'GET /chat-cleanup/examples': {
    response: {
      examples: [
        {
          id: `reopened-${sample.TASK_ID}`,
          language: 'unknown',
          messages: [{ direction: 'inbound', text: 'Kan vi aftale en afdragsordning?', ageHours: 30.5 }],
          label: 'reply_needed',
          mustKeep: true,
          category: 'reopened',
          source: 'reopened',
          taskId: sample.TASK_ID,
          reopenedAt: '2026-11-25T08:30:00.000Z',
          reopenedBy: sample.USER_ID,
          reason,
          modelId: 'eu.anthropic.claude-haiku-4-5-20251001-v1:0',
        },
      ],
    },
  },
  'GET /settings/chat-cleanup': { response: { mode: 'shadow', ...sample.meta } },
  'PUT /settings/chat-cleanup': { request: { mode: 'shadow' }, response: { mode: 'shadow', ...sample.meta } },
};
