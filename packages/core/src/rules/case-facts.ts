// What each platform event teaches the case state: newest status wins, facts that arrive early are kept.
import { addMonths } from 'date-fns';
import type { CaseState, CaseStatus } from '../case-state.js';

export type CaseFact =
  | {
      kind: 'submitted';
      at: string;
      creditorOrgId: string;
      partnerOrgId?: string;
      hasBankAccount: boolean;
      contractSigned: boolean;
    }
  | { kind: 'status'; at: string; status: CaseStatus }
  | { kind: 'status-update'; at: string; statusType: string; promisedDate?: string }
  | { kind: 'bank-account' }
  | { kind: 'contract-signed' }
  | { kind: 'partner'; partnerOrgId: string };

/** First monthly survey of a newly active case: one calendar month after activation. */
export const firstSurveyAt = (activatedAt: string): string => addMonths(new Date(activatedAt), 1).toISOString();

const withStatus = (state: CaseState, status: CaseStatus, at: string): CaseState => {
  // An older status event never overwrites a newer one.
  if (state.statusAt !== undefined && at <= state.statusAt) return state;
  const next: CaseState = { ...state, status, statusAt: at };
  if (status === 'active' && next.nextSurveyAt === undefined) next.nextSurveyAt = firstSurveyAt(at);
  return next;
};

/** The next case state; the same object when the fact changes nothing. */
export const applyCaseFact = (current: CaseState | undefined, caseId: string, fact: CaseFact): CaseState => {
  const state: CaseState = current ?? { caseId, version: 0 };
  switch (fact.kind) {
    case 'submitted': {
      const next: CaseState = {
        ...state,
        creditorOrgId: fact.creditorOrgId,
        partnerOrgId: state.partnerOrgId ?? fact.partnerOrgId ?? null,
        // A later "assigned"/"signed" that arrived first stays true.
        hasBankAccount: state.hasBankAccount === true || fact.hasBankAccount,
        contractSigned: state.contractSigned === true || fact.contractSigned,
      };
      return withStatus(next, 'submitted', fact.at);
    }
    case 'status':
      return withStatus(state, fact.status, fact.at);
    case 'status-update': {
      if (state.lastStatusUpdate !== undefined && fact.at <= state.lastStatusUpdate.at) return state;
      return {
        ...state,
        lastStatusUpdate: {
          statusType: fact.statusType,
          at: fact.at,
          ...(fact.promisedDate === undefined ? {} : { promisedDate: fact.promisedDate }),
        },
      };
    }
    case 'bank-account':
      return state.hasBankAccount === true ? state : { ...state, hasBankAccount: true };
    case 'contract-signed':
      return state.contractSigned === true ? state : { ...state, contractSigned: true };
    case 'partner':
      return state.partnerOrgId ? state : { ...state, partnerOrgId: fact.partnerOrgId };
  }
};

/** When the case was closed, if its newest status is `closed`. */
export const caseClosedAt = (state: CaseState | undefined): string | undefined =>
  state?.status === 'closed' ? state.statusAt : undefined;
