// Audit history entries: in the task's own partition, ordered by version.
import { type HistoryEntry, historyEntrySchema } from '@casetasks/core';

export const historyKey = (taskId: string, version: number) => ({
  pk: `task#${taskId}`,
  sk: `h#${String(version).padStart(8, '0')}`,
});
export const historyPrefix = 'h#';

export const toHistoryItem = (entry: HistoryEntry) => ({
  ...historyKey(entry.taskId, entry.version),
  kind: 'history',
  ...entry,
});

export const fromHistoryItem = (item: Record<string, unknown>): HistoryEntry => historyEntrySchema.parse(item);
