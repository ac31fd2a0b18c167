// Chat tasks derived from the conversation itself, so messages delivered in any order give the same tasks.
import type { Party } from '../task.js';

export interface ChatMessageFact {
  messageId: string;
  senderParty: Party;
  senderUserId: string;
  text: string;
  sentAt: string;
}

export interface PendingReplies {
  /** The first unanswered message: the task's clock starts here. */
  firstAt: string;
  count: number;
  latest: ChatMessageFact;
}

export const EXCERPT_LENGTH = 200;

const chronological = (messages: readonly ChatMessageFact[]) =>
  [...messages].sort((a, b) =>
    a.sentAt === b.sentAt ? a.messageId.localeCompare(b.messageId) : a.sentAt.localeCompare(b.sentAt),
  );

/** The other party's messages after the receiver's own last message; undefined when the receiver spoke last. */
export const pendingReplies = (messages: readonly ChatMessageFact[], receiver: Party): PendingReplies | undefined => {
  const sorted = chronological(messages);
  const lastOwn = sorted.findLastIndex((message) => message.senderParty === receiver);
  const pending = sorted.slice(lastOwn + 1);
  const [first] = pending;
  const latest = pending.at(-1);
  if (!first || !latest) return undefined;
  return { firstAt: first.sentAt, count: pending.length, latest };
};

/** When the receiver answered: its first message at or after `since`. */
export const answeredAt = (messages: readonly ChatMessageFact[], receiver: Party, since: string): string | undefined =>
  chronological(messages).find((message) => message.senderParty === receiver && message.sentAt >= since)?.sentAt;

/** The task's reference to its latest message (an excerpt: the full text stays in the message item). */
export const latestMessageRef = (message: ChatMessageFact) => ({
  messageId: message.messageId,
  senderUserId: message.senderUserId,
  sentAt: message.sentAt,
  excerpt: message.text.slice(0, EXCERPT_LENGTH),
});
