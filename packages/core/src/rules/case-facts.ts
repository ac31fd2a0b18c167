// What each platform event teaches the case state: newest status wins, facts that arrive early are kept.
import { addMonths } from 'date-fns';
import { type CaseState, type CaseStatus, MAX_CASE_LOG } from '../case-state.js';

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
  | { kind: 'status-update'; at: string; statusType: string; promisedDate?: string; expectedDate?: string }
  | { kind: 'bank-account' }
  | { kind: 'contract-signed' }
  | { kind: 'partner'; partnerOrgId: string };

/** First monthly survey of a newly active case: one calendar month after activation. */
export const firstSurveyAt = (activatedAt: string): string => addMonths(new Date(activatedAt), 1).toISOString();

/**
 * `entry` added to a log kept as a set: deduplicated by `key`, oldest first (ties by key), the newest
 * MAX_CASE_LOG kept. Undefined when the entry is there already, so "nothing changed" stays visible.
 */
const addToLog = <E extends { at: string }>(log: readonly E[] | undefined, entry: E, key: (e: E) => string) => {
  if ((log ?? []).some((known) => key(known) === key(entry))) return undefined;
  const sorted = [...(log ?? []), entry].sort((a, b) => a.at.localeCompare(b.at) || key(a).localeCompare(key(b)));
  return sorted.slice(-MAX_CASE_LOG);
};

const withStatus = (current: CaseState, status: CaseStatus, at: string): CaseState => {
  const statusLog = addToLog(current.statusLog, { at, status }, (e) => `${e.at}#${e.status}`);
  const state = statusLog ? { ...current, statusLog } : current;
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
      const expected = fact.expectedDate === undefined ? {} : { expectedDate: fact.expectedDate };
      const entry = { at: fact.at, statusType: fact.statusType, ...expected };
      const statusUpdateLog = addToLog(state.statusUpdateLog, entry, (e) => `${e.at}#${e.statusType}`);
      const logged = statusUpdateLog ? { ...state, statusUpdateLog } : state;
      if (state.lastStatusUpdate !== undefined && fact.at <= state.lastStatusUpdate.at) return logged;
      return {
        ...logged,
        lastStatusUpdate: {
          statusType: fact.statusType,
          at: fact.at,
          ...(fact.promisedDate === undefined ? {} : { promisedDate: fact.promisedDate }),
          ...expected,
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
