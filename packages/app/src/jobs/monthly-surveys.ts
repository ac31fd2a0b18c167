// Daily job: one `update_case_status` task per active case and month, never two, then the case's next survey a month on.

import {
  type CaseState,
  creationEntry,
  defaultPolicy,
  newTask,
  nextSurveyAfter,
  type OrgPolicy,
  platformActor,
  scheduleReminder,
  surveyMonth,
  surveyTaskInput,
  withCaseClock,
} from '@casetasks/core';
import {
  addCaseChange,
  addMarker,
  addOutbox,
  addTaskCreate,
  type Db,
  DuplicateEventError,
  getCaseState,
  refreshCaseDetailsOf,
  ScopeTakenError,
  surveyMarker,
  Transaction,
  VersionConflictError,
} from '@casetasks/db';
import { taskCreated } from '@casetasks/events';
import { ulid } from 'ulid';
import { autoAssign, orgPolicies, type PolicyLookup } from '../policies/org-policies.js';
import { serviceCalendar, tasksDb } from '../runtime/clients.js';
import { serviceNow } from '../runtime/clock.js';
import { taskTermsFor } from '../sla/sla-terms.js';
import { type JobRunOptions, runDueItemsJob } from './due-items-job.js';
import type { JobInput, JobSummary } from './job-contract.js';

const JOB = 'monthly-surveys';

type Outcome = 'created' | 'alreadyOpen' | 'noPartner' | 'alreadyDone' | 'notDue';

/** Partner orgs' policies for this run; a case without a partner uses the deployment default. */
interface SurveyPolicies {
  lookup: PolicyLookup;
  fallback: OrgPolicy;
  /** One per run: the SLA terms read for a (creditor, partner) are shared by the run's survey tasks. */
  terms: { db: Db };
}

/**
 * One transaction: the month's marker, the survey task (claiming the case's scope) with its
 * `Task Created`, and the case's next survey time conditional on the case version read. Either all
 * of it happens once, or none of it.
 */
const surveyCase = async (db: Db, policies: SurveyPolicies, state: CaseState, now: Date): Promise<Outcome> => {
  const at = now.toISOString();
  if (state.status !== 'active' || !state.nextSurveyAt || Date.parse(state.nextSurveyAt) > now.getTime()) {
    return 'notDue';
  }
  // The survey task is the partner's: its month, deadline, reminders and assignee follow the partner org.
  const policy = state.partnerOrgId ? await policies.lookup.of('partner', state.partnerOrgId) : policies.fallback;
  const { calendar } = policy;
  // Like an event-created task: the creditor's terms in force (issue 19), the case's running pauses, reminders
  // and auto-assignment; built only when it is about to be written.
  const surveyTask = async (partnerOrgId: string) => {
    const target = {
      type: 'update_case_status',
      party: 'partner',
      orgId: partnerOrgId,
      at,
      caseId: state.caseId,
    } as const;
    const terms = await taskTermsFor(policies.terms, target, state);
    const input = { id: ulid(), caseId: state.caseId, partnerOrgId, createdAt: at, days: terms.days };
    const planned = { ...newTask(surveyTaskInput(calendar, input)), ...terms.fields };
    return autoAssign(db, policy, withCaseClock(policy, scheduleReminder(policy, planned), state));
  };
  const month = surveyMonth(calendar, state.nextSurveyAt);
  const advance = { nextSurveyAt: nextSurveyAfter(calendar, state.nextSurveyAt, at) };
  const commit = async (withTask: boolean) => {
    const tx = new Transaction(db);
    addMarker(tx, surveyMarker(state.caseId, month), now);
    if (withTask && state.partnerOrgId) {
      const survey = await refreshCaseDetailsOf(db, await surveyTask(state.partnerOrgId));
      addTaskCreate(tx, survey, creationEntry(survey, platformActor));
      addOutbox(tx, [taskCreated(survey)], now);
    }
    addCaseChange(tx, state, advance);
    await tx.commit();
  };
  try {
    if (!state.partnerOrgId) {
      await commit(false);
      return 'noPartner';
    }
    try {
      await commit(true);
      return 'created';
    } catch (error) {
      // Last month's survey is still open: at most one open per case, so this month only moves on.
      if (!(error instanceof ScopeTakenError)) throw error;
      await commit(false);
      return 'alreadyOpen';
    }
  } catch (error) {
    if (error instanceof DuplicateEventError) return 'alreadyDone';
    throw error;
  }
};

/** The case may have changed since the index copy was read: re-read once and decide again. */
const surveyDueCase = async (db: Db, policies: SurveyPolicies, state: CaseState, now: Date): Promise<Outcome> => {
  try {
    return await surveyCase(db, policies, state, now);
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
    const current = await getCaseState(db, state.caseId);
    return current ? surveyCase(db, policies, current, now) : 'notDue';
  }
};

/** The daily run: every case whose survey is due by `now`, resumable from `input.checkpoint`. */
export const runMonthlySurveys = async (input: JobInput = {}, options: JobRunOptions = {}): Promise<JobSummary> => {
  const started = Date.now();
  const now = input.now ? new Date(input.now) : serviceNow();
  const db = tasksDb();
  const fallback = await serviceCalendar();
  const policies: SurveyPolicies = {
    lookup: orgPolicies(db, fallback),
    fallback: defaultPolicy(fallback),
    terms: { db },
  };
  return runDueItemsJob({
    job: JOB,
    item: 'survey',
    runKey: now.toISOString().slice(0, 10),
    queue: 'surveys',
    handle: (state) => surveyDueCase(db, policies, state, now),
    input,
    options,
    now,
    started,
  });
};
