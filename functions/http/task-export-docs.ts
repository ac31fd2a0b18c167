// OpenAPI doc and example of the task export (functions/http/task-export.ts).
import { CASE_ID, type OperationExample, TASK_ID, USER_ID } from './example-values.js';
import { doc, type OperationDoc } from './operation-tags.js';

export const taskExportDocs: Record<string, OperationDoc> = {
  'GET /tasks/export': doc('exportTasks', 'Tasks', 'Every task GET /tasks would list, as CSV; 413 over 10,000 rows.'),
};

/** One open task, exactly as the route renders it (fixed columns; a leading `=+-@` gets a `'`). */
export const taskExportCsvExample =
  'id,type,title,status,caseId,assigneeId,createdAt,deadline,originalDeadline,slaDeadline,completedAt,resolution\r\n' +
  `${TASK_ID},review_new_case,Review New Case,open,${CASE_ID},${USER_ID},2026-11-20T09:15:00.000Z,` +
  '2026-11-24T17:00:00.000Z,2026-11-24T17:00:00.000Z,,,\r\n';

export const taskExportExamples: Record<string, OperationExample> = {
  'GET /tasks/export': { response: taskExportCsvExample },
};
