// Chat cleanup records (issue 23): shadow verdicts (`chatshadow#{party}#{org}#{night}` / `task#{id}`), the
// deployment's first night (`chatshadow#deployment` / `first-night`) and reopen examples
// (`chatexample#{party}#{org}` / `{reopenedAt}#{taskId}`), kept 180 days like the messages they quote.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { isGuarded, type Party, type Task, type TaskChange } from '@casetasks/core';
import type { Db } from '../client.js';
import { readItem } from '../item-reads.js';
import { partitionItems } from '../partition-pages.js';
import { ttlAttribute } from '../table-definition.js';
import { Transaction } from '../transaction.js';
import { addCaseMember } from './case-details.js';
import { MESSAGE_TTL_DAYS } from './chat-message.js';
import { addScopeClaim } from './scope-guard.js';
import { addTaskChange, commitWithCaseDetails } from './task/task-writes.js';

const expiresAt = (at: string) => Math.floor(Date.parse(at) / 1000) + MESSAGE_TTL_DAYS * 86_400;

// ---- shadow verdicts ------------------------------------------------------------------------------

export interface ShadowVerdict {
  party: Party;
  orgId: string;
  /** The night's date (YYYY-MM-DD, UTC), as the run's key. */
  night: string;
  taskId: string;
  decision: 'reply_needed' | 'no_reply_needed' | 'unsure';
  reason: string;
  modelId: string;
  promptVersion?: string;
  judgedAt: string;
}

const shadowPartition = (party: Party, orgId: string, night: string) => `chatshadow#${party}#${orgId}#${night}`;

/** One item per task and night: a retried night overwrites its own verdict (last writer wins). */
export const putShadowVerdict = async (db: Db, verdict: ShadowVerdict): Promise<void> => {
  await db.client.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        pk: shadowPartition(verdict.party, verdict.orgId, verdict.night),
        sk: `task#${verdict.taskId}`,
        kind: 'chat-shadow-verdict',
        ...verdict,
        [ttlAttribute]: expiresAt(verdict.judgedAt),
      },
    }),
  );
};

const fromShadowItem = (item: Record<string, unknown>): ShadowVerdict => ({
  party: item.party === 'creditor' ? 'creditor' : 'partner',
  orgId: String(item.orgId),
  night: String(item.night),
  taskId: String(item.taskId),
  decision:
    item.decision === 'no_reply_needed' || item.decision === 'reply_needed' ? item.decision : ('unsure' as const),
  reason: String(item.reason ?? ''),
  modelId: String(item.modelId ?? ''),
  ...(typeof item.promptVersion === 'string' ? { promptVersion: item.promptVersion } : {}),
  judgedAt: String(item.judgedAt),
});

/** Every verdict the org's shadow run recorded that night (one Query of the night's partition). */
export const shadowVerdictsOfNight = async (
  db: Db,
  party: Party,
  orgId: string,
  night: string,
): Promise<ShadowVerdict[]> =>
  (await partitionItems(db, { pk: shadowPartition(party, orgId, night) })).map(fromShadowItem);

// ---- the deployment's first night ---------------------------------------------------------------

const firstNightKey = { pk: 'chatshadow#deployment', sk: 'first-night' };

/** The first night the cleanup ran on this table: set once (tonight, if none), read consistently. */
export const claimFirstCleanupNight = async (db: Db, night: string): Promise<string> => {
  try {
    await db.client.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...firstNightKey, kind: 'chat-first-night', night },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return night;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  const item = await readItem(db, firstNightKey, true);
  return typeof item?.night === 'string' ? item.night : night;
};

// ---- reopen examples ----------------------------------------------------------------------------

/** A conversation a person labelled by reopening an AI-closed task: the corpus format plus its origin. */
export interface ReopenExample {
  id: string;
  language: string;
  messages: { direction: 'inbound' | 'outbound'; text: string; ageHours: number }[];
  label: 'reply_needed';
  mustKeep: true;
  category: 'reopened';
  source: 'reopened';
  taskId: string;
  party: Party;
  orgId: string;
  reopenedAt: string;
  reopenedBy: string;
  reason: string;
  aiReason?: string;
  modelId?: string;
}

const examplePartition = (party: Party, orgId: string) => `chatexample#${party}#${orgId}`;

/** The org's examples, oldest first (one Query). */
export const reopenExamples = async (db: Db, party: Party, orgId: string): Promise<ReopenExample[]> =>
  (await partitionItems(db, { pk: examplePartition(party, orgId) })).map((item) => {
    const { pk: _pk, sk: _sk, kind: _kind, [ttlAttribute]: _ttl, ...example } = item;
    return example as unknown as ReopenExample;
  });

/**
 * Reopens an AI-closed task with its example, all or nothing: the task on condition of the version read
 * (of two racing reopens one wins), the scope claimed again for guarded types (no open task of the scope,
 * no closing event since the AI closed it), the case membership restored.
 */
export const saveReopen = async (db: Db, change: TaskChange, example: ReopenExample): Promise<Task> => {
  const closedAt = change.before.completedAt ?? change.before.createdAt;
  return commitWithCaseDetails(db, change.after, (keyed) => {
    const tx = new Transaction(db);
    addTaskChange(tx, { ...change, after: keyed });
    // The claim's "no closing event since" is measured from the AI close, not the task's creation.
    if (isGuarded(keyed)) addScopeClaim(tx, { ...keyed, createdAt: closedAt });
    addCaseMember(tx, keyed);
    return tx.put({
      pk: examplePartition(example.party, example.orgId),
      sk: `${example.reopenedAt}#${example.taskId}`,
      kind: 'chat-reopen-example',
      ...example,
      [ttlAttribute]: expiresAt(example.reopenedAt),
    });
  });
};
