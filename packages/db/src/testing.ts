// @casetasks/db/testing: stored items as the entities write them (to seed benchmarks and fixtures in bulk),
// items planted as older writers or hand edits left them (to test corrupt-item skipping), and one page of
// an index as stored (to weigh a list's capacity against its items). The service never imports this: it
// writes and reads through the entities.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Party } from '@casetasks/core';
import type { Db } from './client.js';
import { detailsKey, type StoredCaseDetails } from './entities/case-details.js';
import { caseKey, surveyPartition, toCaseItem } from './entities/case-state.js';
import { toMessageItem } from './entities/chat-message.js';
import { historyKey } from './entities/history-entry.js';
import { checkpointKey } from './entities/job-checkpoint.js';
import { toOutboxItem } from './entities/outbox-entry.js';
import { byCasePrefix, taskKey, taskPartitions, toTaskItem } from './entities/task/task-item.js';
import { shardOf } from './keys/shard.js';
import { type IndexName, indexes } from './table-definition.js';

/** One index Query as the entities send it, and its page as stored: capacity tests and the list bench. */
export { indexQueryInput, queryIndex } from './index-query.js';

/** The item each entity writes for a value: what a bulk seed puts, and what capacity arithmetic sizes. */
export const storedItems = {
  task: toTaskItem,
  caseState: toCaseItem,
  message: toMessageItem,
  /** An outbox item as the stream relay receives it (its detail as given: tests plant untyped ones). */
  outbox: toOutboxItem,
  /** A case's details item as saveCaseDetails leaves it (no open-task members: a seed writes those it needs). */
  caseDetails: ({ caseId, details, stamp }: StoredCaseDetails): Record<string, unknown> => ({
    ...detailsKey(caseId),
    kind: 'case-details',
    caseId,
    details,
    stamp,
  }),
};

/** Writes one item as it is (a raw PutItem, no condition, no marker, no outbox). */
export const plantItem = async (db: Db, item: Record<string, unknown>): Promise<void> => {
  await db.client.send(new PutCommand({ TableName: db.tableName, Item: item }));
};

const indexEntry = (index: IndexName, partition: string, sortKey: string) => ({
  [indexes[index].partitionKey]: partition,
  [indexes[index].sortKey]: sortKey,
});

/** Where a planted task is listed; every instant is keyed as given, as writers before the instant encoder did. */
export interface PlantedTaskIndexes {
  /** Open and unassigned in the org's lists (deadline, `tab`), on the case, and scored for SLA, at `deadline`. */
  open?: { party: Party; orgId: string; tab: string; caseId: string; deadline: string };
  /** Due for its next reminder at this instant. */
  reminderAt?: string;
  /** An open chat task of `party`, due at `deadline`. */
  chat?: { party: Party; deadline: string };
}

/** Items as older writers or hand edits left them: only what the test names, under the entity's key. */
export const plantedItems = {
  task: (id: string, attributes: Record<string, unknown>, listed: PlantedTaskIndexes = {}) => {
    const { open, reminderAt, chat } = listed;
    const byDeadline = open ? `${open.deadline}#${id}` : '';
    return {
      ...taskKey(id),
      ...attributes,
      ...(open
        ? {
            ...indexEntry('openByDeadline', taskPartitions.openByDeadline(open.party, open.orgId), byDeadline),
            ...indexEntry('openByTab', taskPartitions.openByTab(open.party, open.orgId, open.tab), byDeadline),
            ...indexEntry('openByAssignee', taskPartitions.openByAssignee(open.party, open.orgId, null), byDeadline),
            ...indexEntry(
              'byCase',
              taskPartitions.byCase(open.caseId),
              `${byCasePrefix('open', open.party, open.orgId)}${byDeadline}`,
            ),
            ...indexEntry('slaByOrg', taskPartitions.slaByOrg(open.orgId), byDeadline),
          }
        : {}),
      ...(reminderAt
        ? indexEntry('dueForReminder', taskPartitions.dueForReminder(shardOf(id)), `${reminderAt}#${id}`)
        : {}),
      ...(chat
        ? indexEntry(
            'openChatByDeadline',
            taskPartitions.openChatByDeadline(chat.party, shardOf(id)),
            `${chat.deadline}#${id}`,
          )
        : {}),
    };
  },
  /** A history entry of the task at `version`. */
  history: (taskId: string, version: number, attributes: Record<string, unknown>) => ({
    ...historyKey(taskId, version),
    ...attributes,
  }),
  /** The checkpoint of a job's run. */
  checkpoint: (job: string, runKey: string, attributes: Record<string, unknown>) => ({
    ...checkpointKey(job, runKey),
    ...attributes,
  }),
  /** A case state, due for its monthly survey at `surveyAt` (keyed as given) when set. */
  caseState: (caseId: string, attributes: Record<string, unknown>, surveyAt?: string) => ({
    ...caseKey(caseId),
    ...attributes,
    ...(surveyAt ? indexEntry('surveyDue', surveyPartition(shardOf(caseId)), `${surveyAt}#${caseId}`) : {}),
  }),
};
