// Chat messages: in the case's partition (`casestate#{id}` / `msg#{sentAt}#{messageId}`), ordered by time,
// kept 180 days; the open chat tasks and the nightly cleanup read the conversation's tail from them.
import type { Db } from '../client.js';
import { instantSortKey } from '../keys/instant-key.js';
import { partitionPages } from '../partition-pages.js';
import { ttlAttribute } from '../table-definition.js';
import { type StepWrite, stepTransaction } from './applied-marker.js';
import { casePartitionKey } from './case-state.js';

export const MESSAGE_TTL_DAYS = 180;

export interface StoredMessage {
  caseId: string;
  messageId: string;
  senderParty: 'partner' | 'creditor';
  senderUserId: string;
  text: string;
  sentAt: string;
}

const messagePrefix = 'msg#';
/** Ordered by `sentAt` in its fixed-width key form, so the conversation tail reads in time order. */
const messageKey = (caseId: string, sentAt: string, messageId: string) => ({
  pk: casePartitionKey(caseId),
  sk: `${messagePrefix}${instantSortKey(sentAt, messageId, 'sentAt')}`,
});

export const toMessageItem = (message: StoredMessage) => ({
  ...messageKey(message.caseId, message.sentAt, message.messageId),
  kind: 'message',
  ...message,
  [ttlAttribute]: Math.floor(Date.parse(message.sentAt) / 1000) + MESSAGE_TTL_DAYS * 86_400,
});

const fromMessageItem = (item: Record<string, unknown>): StoredMessage => ({
  caseId: String(item.caseId),
  messageId: String(item.messageId),
  senderParty: item.senderParty === 'partner' ? 'partner' : 'creditor',
  senderUserId: String(item.senderUserId),
  text: String(item.text),
  sentAt: String(item.sentAt),
});

/** Newest first, page by page. */
const newestMessages = (db: Db, caseId: string, read: { pageSize: number; consistent?: boolean }) =>
  partitionPages(db, { pk: casePartitionKey(caseId), prefix: messagePrefix, descending: true, ...read });

/** Stores one chat message once (the nightly cleanup reads the conversation from these). */
export const putMessage = async (db: Db, message: StoredMessage, options: StepWrite = {}): Promise<void> => {
  const [tx] = stepTransaction(db, options);
  await tx.put(toMessageItem(message), { expression: 'attribute_not_exists(pk)' }).commit();
};

/**
 * The conversation's tail, newest first: pages back until a message of each party has been seen (or
 * `maxMessages`), which is all that decides the open chat tasks.
 */
export const conversationTail = async (db: Db, caseId: string, maxMessages = 500): Promise<StoredMessage[]> => {
  const messages: StoredMessage[] = [];
  for await (const page of newestMessages(db, caseId, { pageSize: 50, consistent: true })) {
    messages.push(...page.map(fromMessageItem));
    const parties = new Set(messages.map((message) => message.senderParty));
    if (parties.size === 2 || messages.length >= maxMessages) break;
  }
  return messages;
};

/** The case's latest `limit` chat messages, returned oldest first (the order a reader follows). */
export const recentMessages = async (db: Db, caseId: string, limit: number): Promise<StoredMessage[]> => {
  const { value: page = [] } = await newestMessages(db, caseId, { pageSize: limit }).next();
  return page.map(fromMessageItem).reverse();
};
