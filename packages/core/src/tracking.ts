// Which tasks and cases each view of the product follows: the Partner Score, the one-open-task guard, the
// nightly chat cleanup, the monthly survey and the partner's case dashboard. The table keeps one sparse
// index per view and asks these rules what belongs in it.
import type { CaseState } from './case-state.js';
import { catalogue, slaWeightFor } from './catalogue.js';
import type { Task } from './task.js';

/** Counts for the Partner Score: a weighted partner type, not resolved by the AI judge nor cancelled. */
export const countsForSla = (task: Task): boolean =>
  slaWeightFor(task.type, task.accessLevel) !== null && task.resolution !== 'ai' && task.resolution !== 'cancelled';

/** At most one open task per scope; manual tasks have no scope, so each create is its own task. */
export const isGuarded = (task: Task): boolean => catalogue[task.type].scope !== 'none';

/** The nightly chat cleanup judges open `new_message` tasks only. */
export const isChatTask = (task: Task): boolean => task.type === 'new_message';

/** Only an active case is surveyed monthly. */
export const awaitsMonthlySurvey = (state: CaseState): state is CaseState & { nextSurveyAt: string } =>
  state.status === 'active' && Boolean(state.nextSurveyAt);

/** The partner's case-update dashboard lists its active cases. */
export const isActivePartnerCase = (state: CaseState): state is CaseState & { partnerOrgId: string } =>
  state.status === 'active' && Boolean(state.partnerOrgId);
