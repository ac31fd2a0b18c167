// OpenAPI documentation and example of POST /cases/{caseId}/update-extension (issue 19), spread into the extension docs.
import * as sample from './example-values.js';
import { doc, type OperationDoc } from './operation-tags.js';

export const caseExtensionDocs: Record<string, OperationDoc> = {
  'POST /cases/{caseId}/update-extension': doc(
    'requestCaseUpdateExtension',
    'SLA',
    "Asks the case's creditor for 1-30 more calendar days before the next status update is due.",
  ),
};

const reason = 'The debtor’s lawyer answers after the court hearing on 30 November';
const requested = {
  ...{ id: '01JD8X3K5Q7M2N4P6R8T0V2W6C', forUpdateAt: '2026-11-16T09:00:00.000Z', days: 5, reason },
  ...{ status: 'requested' as const, requestedAt: '2026-11-24T10:00:00.000Z', requestedBy: sample.USER_ID },
  approvalTaskId: '01JD8X3K5Q7M2N4P6R8T0V2W6D',
};

export const caseExtensionExamples: Record<string, sample.OperationExample> = {
  'POST /cases/{caseId}/update-extension': {
    request: { days: 5, reason },
    response: { caseId: sample.CASE_ID, currentUpdateAt: '2026-11-16T09:00:00.000Z', updateExtensions: [requested] },
  },
};
