// Chat verdicts: the latest AI verdict on a chat task (`chatverdict#{taskId}` / `latest`), with its reason;
// the verdict cache (an unchanged chat is not judged again) and the only place the model's reason is kept,
// expiring with the conversation it is about (180 days after the latest message).
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client.js';
import { readItem } from '../item-reads.js';
import { ttlAttribute } from '../table-definition.js';
import { MESSAGE_TTL_DAYS } from './chat-message.js';

export interface ChatVerdict {
  taskId: string;
  /** Cache key: the latest message judged, the model and the prompt version. */
  lastMessageId: string;
  /** When the latest message was sent: the reason expires with it. */
  lastMessageSentAt: string;
  modelId: string;
  promptVersion: string;
  decision: 'reply_needed' | 'no_reply_needed' | 'unsure';
  reason: string;
  judgedAt: string;
}

const verdictKey = (taskId: string) => ({ pk: `chatverdict#${taskId}`, sk: 'latest' });

const decisions = new Set<string>(['reply_needed', 'no_reply_needed', 'unsure']);

const fromVerdictItem = (item: Record<string, unknown>): ChatVerdict | undefined => {
  const decision = String(item.decision);
  if (!decisions.has(decision)) return undefined;
  return {
    taskId: String(item.taskId),
    lastMessageId: String(item.lastMessageId),
    lastMessageSentAt: String(item.lastMessageSentAt),
    modelId: String(item.modelId),
    promptVersion: String(item.promptVersion),
    decision: decision as ChatVerdict['decision'],
    reason: String(item.reason),
    judgedAt: String(item.judgedAt),
  };
};

/** Last writer wins: the newest verdict replaces the one before (the cache only needs the latest). */
export const putChatVerdict = async (db: Db, verdict: ChatVerdict): Promise<void> => {
  await db.client.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        ...verdictKey(verdict.taskId),
        kind: 'chat-verdict',
        ...verdict,
        [ttlAttribute]: Math.floor(Date.parse(verdict.lastMessageSentAt) / 1000) + MESSAGE_TTL_DAYS * 86_400,
      },
    }),
  );
};

/** The task's latest verdict (eventually consistent: a stale read only costs one more judge call). */
export const getChatVerdict = async (db: Db, taskId: string): Promise<ChatVerdict | undefined> => {
  const item = await readItem(db, verdictKey(taskId), false);
  return item ? fromVerdictItem(item) : undefined;
};
