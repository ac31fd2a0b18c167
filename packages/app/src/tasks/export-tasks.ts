// The caller's filtered task list as one CSV file: every page of the list use case, bounded in rows and bytes.
import { csvRecord, DomainError, formulaSafe, type Principal } from '@casetasks/core';
import * as z from 'zod';
import { checkCombinations, listQuerySchema, listTasks } from './list-tasks.js';
import type { TaskView } from './task-view.js';

// The list's filters (whatever GET /tasks takes), without its paging: the export reads every page itself.
const { limit: _limit, cursor: _cursor, ...filterShape } = listQuerySchema.shape;
export const exportQuerySchema = z.strictObject(filterShape).superRefine(checkCombinations);
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** The fixed columns, in this order (docs/api.md); an absent value is an empty field. */
export const taskExportColumns = [
  'id',
  'type',
  'title',
  'status',
  'caseId',
  'assigneeId',
  'createdAt',
  'deadline',
  'originalDeadline',
  'slaDeadline',
  'completedAt',
  'resolution',
  'caseReference',
  'debtorName',
  'currency',
  'outstandingAmount',
  'overdueAmount',
  'invoiceCount',
] as const;

/** The case's details, flattened into the export's last columns (amounts in minor units, as the API gives them). */
const caseColumns = (task: TaskView): Record<string, string | number | undefined> => ({
  caseReference: task.caseDetails?.reference,
  debtorName: task.caseDetails?.debtorName,
  currency: task.caseDetails?.currency,
  outstandingAmount: task.caseDetails?.outstandingAmount,
  overdueAmount: task.caseDetails?.overdueAmount,
  invoiceCount: task.caseDetails?.invoiceCount,
});

/**
 * At most 10,000 rows, and at most 5 MB of response once JSON-encoded for Lambda (its limit is 6 MB):
 * a typical row is ~300 bytes (3 MB for 10,000), but a worst-case row (200-character title of quotes
 * or 3-byte characters, 128-character ids) is ~1.3 KB, so the byte bound is what holds the limit.
 */
export const TASK_EXPORT_BOUNDS = { maxRows: 10_000, maxBytes: 5_000_000 };
export type TaskExportBounds = typeof TASK_EXPORT_BOUNDS;

/** Pages of the list's largest size: 100 Queries for 10,000 rows, well inside the function's 10 s. */
const EXPORT_PAGE_SIZE = 100;

/** A list beyond the bounds: 413, all or nothing, since a silently cut file reads as complete in a spreadsheet. */
export class TaskExportTooLargeError extends DomainError {
  override readonly statusCode = 413;
  override readonly code = 'payload_too_large';
}

const cells = (task: TaskView) => {
  const row: Record<string, unknown> = { ...task, ...caseColumns(task) };
  return taskExportColumns.map((column) => {
    const value = row[column];
    if (typeof value === 'number') return String(value);
    return formulaSafe(typeof value === 'string' ? value : null);
  });
};

/** Length of the record inside Lambda's JSON response: quotes, CR and LF are escaped there. */
const encodedBytes = (record: string): number => Buffer.byteLength(JSON.stringify(record)) - 2;

export interface TaskExport {
  csv: string;
  rows: number;
}

/** Every task the list shows for `query` (its order, access and filters); `cursor` and `limit` are not taken. */
export const exportTasks = async (
  principal: Principal,
  query: ExportQuery,
  bounds: TaskExportBounds = TASK_EXPORT_BOUNDS,
): Promise<TaskExport> => {
  const records = [csvRecord(taskExportColumns)];
  let bytes = encodedBytes(records[0] ?? '');
  let cursor: string | null = null;
  do {
    const page = await listTasks(principal, { ...query, limit: EXPORT_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    for (const task of page.items) {
      const record = csvRecord(cells(task));
      bytes += encodedBytes(record);
      if (records.length > bounds.maxRows || bytes > bounds.maxBytes) throw tooLarge(bounds);
      records.push(record);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return { csv: records.join(''), rows: records.length - 1 };
};

const tooLarge = (bounds: TaskExportBounds) =>
  new TaskExportTooLargeError(
    `more than ${bounds.maxRows} tasks or ${bounds.maxBytes} bytes: narrow the filters (status, tab, type, dueFrom/dueTo)`,
  );
