// Fixtures of the chat-cleanup tests and benchmark: overdue chat tasks with their stored conversation.
import { BatchWriteCommand, type BatchWriteCommandInput, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { type ChatJudge, offlineJudge } from '@casetasks/ai';
import {
  type ChatCleanupCounts,
  type ChatCleanupDeps,
  type ChatCleanupSettings,
  defaultChatCleanupSettings as defaultSettings,
  CHAT_CLEANUP_JOB as JOB,
  zeroCounts,
} from '@casetasks/app/jobs';
import { creationEntry, newTask, type Party, platformActor, type Task } from '@casetasks/core';
import { createTask, type Db, getCheckpoint, type JobCheckpoint, type StoredMessage } from '@casetasks/db';
import { storedItems } from '@casetasks/db/testing';
import { ulid } from 'ulid';

export const NIGHT = '2026-11-25';
export const NOW = `${NIGHT}T02:00:00.000Z`;
export const OVERDUE = '2026-11-24T09:00:00.000Z';
export const NOT_DUE = '2026-11-26T09:00:00.000Z';

const other = (party: Party): Party => (party === 'partner' ? 'creditor' : 'partner');

export interface ChatFixture {
  party: Party;
  /** What the other party wrote, in order; the task asks `party` to reply. */
  texts: string[];
  deadline?: string;
  orgId?: string;
}

/** Writes the conversation with the stream's own item function, then the open `new_message` task. */
export const seedChatTask = async (db: Db, fixture: ChatFixture): Promise<Task> => {
  const caseId = `c-${ulid()}`;
  const messages: StoredMessage[] = fixture.texts.map((text, i) => ({
    caseId,
    messageId: `m-${i}`,
    senderParty: other(fixture.party),
    senderUserId: 'u-sender',
    text,
    sentAt: `2026-11-23T1${i}:00:00.000Z`,
  }));
  await writeMessages(db, messages);
  const task = newTask({
    id: ulid(),
    type: 'new_message',
    party: fixture.party,
    orgId: fixture.orgId ?? `${fixture.party}-org`,
    scopeKey: `case#${caseId}`,
    caseId,
    createdAt: '2026-11-23T10:00:00.000Z',
    deadline: fixture.deadline ?? OVERDUE,
    details: { messageCount: messages.length },
  });
  return createTask(db, task, creationEntry(task, platformActor));
};

/** BatchWrite may leave items unprocessed: resend them until none are left. */
export const writeMessages = async (db: Db, messages: readonly StoredMessage[]) => {
  for (let i = 0; i < messages.length; i += 25) {
    let requests: BatchWriteCommandInput['RequestItems'] = {
      [db.tableName]: messages
        .slice(i, i + 25)
        .map((message) => ({ PutRequest: { Item: storedItems.message(message) } })),
    };
    while (requests && Object.keys(requests).length > 0) {
      const result: BatchWriteCommandOutput = await db.client.send(new BatchWriteCommand({ RequestItems: requests }));
      requests = result.UnprocessedItems;
    }
  }
};

/** Wraps a judge and counts its calls per task: the "never evaluated twice" evidence. */
export const countingJudge = (inner: ChatJudge = offlineJudge, onCall: () => void = () => {}) => {
  const calls = new Map<string, number>();
  const judge: ChatJudge = {
    name: inner.name,
    judge: async (input) => {
      calls.set(input.task.id, (calls.get(input.task.id) ?? 0) + 1);
      onCall();
      return inner.judge(input);
    },
  };
  return { judge, calls };
};

/** A clock that only moves when told: time budgets become deterministic. */
export const manualClock = (start = Date.parse(NOW)) => {
  let now = start;
  return { clock: () => now, advance: (ms: number) => (now += ms) };
};

export const deps = (
  db: Db,
  judge: ChatJudge,
  patch: Partial<ChatCleanupDeps> = {},
  settings: Partial<ChatCleanupSettings> = {},
): ChatCleanupDeps => ({
  db,
  judge,
  clock: Date.now,
  ...patch,
  settings: { ...defaultSettings, ...settings },
});

export const readCheckpoint = (db: Db, party: Party, night = NIGHT): Promise<JobCheckpoint | undefined> =>
  getCheckpoint(db, JOB, `${night}#${party}`);

/** A night's counts with every field: the named ones as given, the rest 0. */
export const counts = (given: Partial<ChatCleanupCounts>): ChatCleanupCounts => ({ ...zeroCounts(), ...given });
