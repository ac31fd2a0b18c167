// A chat task the nightly cleanup closed: its conversation (and optionally a later message) and the AI's close.
import { closeTask, type Task } from '@casetasks/core';
import { saveChange } from '@casetasks/db';
import { ulid } from 'ulid';
import type { ApiHarness } from './api-client.js';
import { writeMessages } from './chat-cleanup-fixtures.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const AI_CLOSE_MODEL = 'eu.anthropic.claude-haiku-4-5-20251001-v1:0';

export interface AiClosedTaskOptions {
  orgId: string;
  /** How long ago the AI closed it (default 1 h: inside the reopen window). */
  closedAgo?: number;
  assigneeId?: string | null;
  /** A message written after the close (not what the judge saw). */
  later?: boolean;
}

/** An overdue partner chat task with a two-message conversation, closed by the AI `closedAgo` ago. */
export const plantAiClosedTask = async (
  api: ApiHarness,
  { orgId, closedAgo = HOUR, assigneeId = 'u-con', later = true }: AiClosedTaskOptions,
): Promise<Task> => {
  const caseId = `case-${ulid()}`;
  const closedAt = Date.now() - closedAgo;
  const at = (offset: number) => new Date(closedAt + offset).toISOString();
  const message = (messageId: string, senderParty: 'partner' | 'creditor', text: string, offset: number) => ({
    caseId,
    messageId,
    senderParty,
    senderUserId: senderParty === 'partner' ? 'u-con' : 'u-cred',
    text,
    sentAt: at(offset),
  });
  await writeMessages(api.db, [
    message('m-0', 'partner', 'We sent the plan.', -10 * HOUR),
    message('m-1', 'creditor', 'Danke. Bitte die Raten bestätigen', -2 * HOUR),
  ]);
  if (later) await writeMessages(api.db, [message('m-2', 'creditor', 'Hallo?', 60_000)]);
  const task = await api.plant({
    type: 'new_message',
    accessLevel: 'partner',
    orgId,
    caseId,
    scopeKey: `case#${caseId}`,
    assigneeId,
    createdAt: at(-2 * DAY),
    deadline: at(-DAY),
  });
  const closed = closeTask(task, 'ai', { kind: 'ai', id: AI_CLOSE_MODEL }, at(0), { modelId: AI_CLOSE_MODEL });
  return saveChange(api.db, closed, { now: new Date(at(0)) });
};
