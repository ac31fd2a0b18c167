// The follow-up task of a paused case, shared by the survey event and the state machine's first step.

import { type Party, scopeKeys, type Task, type TaskType } from '@casetasks/core';
import { type Db, getCaseState, type ScopeRef } from '@casetasks/db';
import type { PolicyLookup } from '../../policies/index.js';
import { retryRaces } from './context.js';
import { newStepContext, openTask, type StepContext, scopeRef } from './steps.js';

export interface PausedCaseTaskInput {
  caseId: string;
  /** The survey that paused the case: the pause's identity. */
  surveyId: string;
  unblockingParty: Party;
  creditorOrgId: string;
  partnerOrgId: string;
  /** `time` of the pausing event: the 14-business-day clock starts here. */
  pausedAt: string;
  eventId?: string;
}

const pauseTypeOf = (party: Party): TaskType =>
  party === 'creditor' ? 'client_input_required' : 'paused_case_follow_up';

/** Closure memory of "the case left paused" for one party's pause tasks (no task lives in these scopes). */
export const pauseClosureScope = (caseId: string, party: Party, orgId: string): ScopeRef =>
  scopeRef(pauseTypeOf(party), orgId, scopeKeys.casePauses(caseId));

export const pauseTaskTypes: readonly TaskType[] = ['client_input_required', 'paused_case_follow_up'];

/**
 * Where "the case left paused" is remembered for this pause: its own party's scope, and the creditor's,
 * which is recorded even while a quote case has no partner yet (a pause applied when the winner
 * arrives still sees that the case left paused meanwhile).
 */
const leftPausedScopes = (input: PausedCaseTaskInput, orgId: string): ScopeRef[] => {
  const own = pauseClosureScope(input.caseId, input.unblockingParty, orgId);
  return input.unblockingParty === 'creditor'
    ? [own]
    : [own, pauseClosureScope(input.caseId, 'creditor', input.creditorOrgId)];
};

/** As ensurePausedCaseTask, inside an event's step context (marker steps, effects). */
export const ensurePausedCaseTaskIn = async (
  ctx: StepContext,
  input: PausedCaseTaskInput,
): Promise<Task | undefined> => {
  const orgId = input.unblockingParty === 'creditor' ? input.creditorOrgId : input.partnerOrgId;
  const caseState = await getCaseState(ctx.db, input.caseId);
  return openTask(ctx, {
    type: pauseTypeOf(input.unblockingParty),
    orgId,
    scopeKey: scopeKeys.pause(input.caseId, input.surveyId),
    caseId: input.caseId,
    at: input.pausedAt,
    details: { surveyId: input.surveyId },
    recordLate: true,
    ...(caseState ? { caseState } : {}),
    closureScopes: leftPausedScopes(input, orgId),
  });
};

/**
 * Creates the client_input_required / paused_case_follow_up task once; returns the task (existing or
 * new; a completed one when the case had already left paused). Safe to call again: the scope allows
 * one open task per pause.
 */
export const ensurePausedCaseTask = async (
  db: Db,
  policies: PolicyLookup,
  input: PausedCaseTaskInput,
): Promise<Task | undefined> =>
  retryRaces(() => ensurePausedCaseTaskIn(newStepContext(db, policies, input.eventId), input));
