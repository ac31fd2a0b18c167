// OpenAPI documentation and examples of the extension routes (issue 19), spread into operation-docs and operation-examples.
import { caseExtensionDocs, caseExtensionExamples } from './case-extension-docs.js';
import * as sample from './example-values.js';
import { doc, type OperationDoc } from './operation-tags.js';

export const extensionDocs: Record<string, OperationDoc> = {
  'POST /tasks/{id}/extension': doc(
    'requestTaskExtension',
    'Task actions',
    'Asks the creditor for 1-20 more business days; the creditor gets an approve_extension task.',
  ),
  'POST /tasks/{id}/approve': doc(
    'approveExtension',
    'Task actions',
    "Approves the request: the task's SLA deadline (or the case's next update due) moves.",
  ),
  'POST /tasks/{id}/reject': doc(
    'rejectExtension',
    'Task actions',
    "Rejects the request: the task's SLA deadline (or the case's next update due) stays.",
  ),
  ...caseExtensionDocs,
};

const EXTENSION_ID = '01JD8X3K5Q7M2N4P6R8T0V2W6A';
const APPROVAL_ID = '01JD8X3K5Q7M2N4P6R8T0V2W6B';
const reason = 'The debtor is abroad until 2 December';
const requested = {
  ...{
    id: EXTENSION_ID,
    businessDays: 2,
    reason,
    requestedAt: '2026-11-24T10:00:00.000Z',
    requestedBy: sample.USER_ID,
  },
  ...{ status: 'requested' as const, approvalTaskId: APPROVAL_ID },
};
const approvalTask = {
  ...{ ...sample.openTask, id: APPROVAL_ID, type: 'approve_extension' as const, accessLevel: 'creditor' as const },
  ...{ orgId: 'org-acme-credit', assigneeId: null, title: `Approve 2 more business days: ${sample.openTask.title}` },
  ...{ createdAt: '2026-11-24T10:00:00.000Z', deadline: '2026-11-27T10:00:00.000Z' },
  ...{ originalDeadline: '2026-11-27T10:00:00.000Z' },
};
const decided = {
  ...{ ...approvalTask, status: 'completed' as const, resolution: 'done' as const, version: 2 },
  ...{ completedAt: '2026-11-25T08:00:00.000Z', completedBy: 'user-clara' },
};

export const extensionExamples: Record<string, sample.OperationExample> = {
  ...caseExtensionExamples,
  'POST /tasks/{id}/extension': {
    request: { businessDays: 2, reason },
    response: { ...sample.openTask, extensions: [requested], version: 2 },
  },
  'POST /tasks/{id}/approve': { request: { note: 'Agreed' }, response: decided },
  'POST /tasks/{id}/reject': { request: { note: 'The debtor can be reached by e-mail' }, response: decided },
};
