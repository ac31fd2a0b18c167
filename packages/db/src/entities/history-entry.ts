// Audit history entries: in the task's own partition (`task#{id}` / `h#{version}`), ordered by version.
import { type HistoryEntry, historyEntrySchema } from '@casetasks/core';
import type { Db } from '../client.js';
import { VersionConflictError } from '../errors.js';
import { partitionItems } from '../partition-pages.js';
import { readStoredItems } from '../stored-items.js';
import type { Transaction } from '../transaction.js';
import { taskPartitionKey } from './task/task-item.js';

const historyPrefix = 'h#';

export const historyKey = (taskId: string, version: number) => ({
  pk: taskPartitionKey(taskId),
  sk: `${historyPrefix}${String(version).padStart(8, '0')}`,
});

const toHistoryItem = (entry: HistoryEntry) => ({
  ...historyKey(entry.taskId, entry.version),
  kind: 'history',
  ...entry,
});

const fromHistoryItem = (item: Record<string, unknown>): HistoryEntry => historyEntrySchema.parse(item);

/**
 * Adds the entry of a new version; a second writer of the same version fails. `conflict` names the
 * task whose change then lost (a bare create has no meaning of its own for the failure).
 */
export const addHistoryEntry = (tx: Transaction, entry: HistoryEntry, conflict?: 'version'): Transaction =>
  tx.put(
    toHistoryItem(entry),
    { expression: 'attribute_not_exists(pk)' },
    conflict ? () => new VersionConflictError(entry.taskId) : undefined,
  );

/** The task's history, oldest first; an entry that no longer parses is reported and left out. */
export const listHistory = async (db: Db, taskId: string): Promise<HistoryEntry[]> =>
  readStoredItems(
    db,
    await partitionItems(db, { pk: taskPartitionKey(taskId), prefix: historyPrefix }),
    fromHistoryItem,
  );
