// OpenAPI operation docs and examples of the SLA terms routes (functions/http/sla-terms.ts).
import type { OperationExample } from './example-values.js';
import { CASE_ID, ORG_ID, USER_ID } from './example-values.js';
import { doc, type OperationDoc } from './operation-tags.js';

export const slaTermsDocs: Record<string, OperationDoc> = {
  'PUT /sla/terms': doc('setSlaTerms', 'SLA', 'Sets a new version of the creditor terms, effective now (owners).'),
  'GET /sla/terms': doc('getSlaTerms', 'SLA', "The creditor's terms in force and its newest versions."),
  'GET /cases/{caseId}/sla-terms': doc('getCaseSlaTerms', 'SLA', 'The terms in force for a case, to both parties.'),
};

const CREDITOR = 'org-acme-energy';
const at = '2026-11-20T09:15:00.000Z';
const terms = { taskDeadlines: { review_new_case: 4 }, updateIntervals: { contact_attempted: 10 } };
const version = {
  creditorOrgId: CREDITOR,
  partnerOrgId: null,
  version: 2,
  effectiveFrom: at,
  terms,
  setBy: USER_ID,
  setAt: at,
};
const view = { creditorOrgId: CREDITOR, partnerOrgId: null, latestVersion: 2, inForce: version, versions: [version] };
const catalogue = { source: 'catalogue', version: 0 } as const;
const creditor = { source: 'creditor', version: 2 } as const;

export const slaTermsExamples: Record<string, OperationExample> = {
  'PUT /sla/terms': { request: { ...terms, expectedVersion: 1 }, response: view },
  'GET /sla/terms': { response: view },
  'GET /cases/{caseId}/sla-terms': {
    response: {
      ...{ caseId: CASE_ID, creditorOrgId: CREDITOR, partnerOrgId: ORG_ID, asOf: '2026-11-24T12:00:00.000Z' },
      terms: creditor,
      taskDeadlines: { review_new_case: { days: 4, from: creditor }, provide_quote: { days: 3, from: catalogue } },
      updateIntervals: {
        contact_attempted: { days: 10, from: creditor },
        investigating: { days: 14, from: catalogue },
      },
      defaultUpdateInterval: { days: 14, from: catalogue },
    },
  },
};
