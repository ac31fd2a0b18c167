// Daily job: one `update_case_status` task per active case and month, never two, then the case's next survey a month on.
import {
  type Calendar,
  type CaseState,
  creationEntry,
  newTask,
  nextSurveyAfter,
  platformActor,
  scheduleReminder,
  surveyMonth,
  surveyTaskInput,
} from '@casetasks/core';
import {
  addCaseChange,
  addMarker,
  addOutbox,
  addTaskCreate,
  type Db,
  DuplicateEventError,
  fromCaseItem,
  getCaseState,
  ScopeTakenError,
  surveyMarker,
  surveyPartition,
  Transaction,
  taskCreatedEvent,
  VersionConflictError,
} from '@casetasks/db';
import { ulid } from 'ulid';
import { scheduledHandler } from '../middleware/scheduled-handler.js';
import { serviceCalendar, tasksDb } from '../shared/clients.js';
import type { JobInput, JobSummary } from '../shared/jobs.js';
import { type JobRunOptions, runDueItemsJob } from './due-items-job.js';

const JOB = 'monthly-surveys';

type Outcome = 'created' | 'alreadyOpen' | 'noPartner' | 'alreadyDone' | 'notDue';

/**
 * One transaction: the month's marker, the survey task (claiming the case's scope) with its
 * `Task Created`, and the case's next survey time conditional on the case version read. Either all
 * of it happens once, or none of it.
 */
const surveyCase = async (db: Db, calendar: Calendar, state: CaseState, now: Date): Promise<Outcome> => {
  const at = now.toISOString();
  if (state.status !== 'active' || !state.nextSurveyAt || Date.parse(state.nextSurveyAt) > now.getTime()) {
    return 'notDue';
  }
  const month = surveyMonth(calendar, state.nextSurveyAt);
  const advance = { nextSurveyAt: nextSurveyAfter(calendar, state.nextSurveyAt, at) };
  const commit = async (withTask: boolean) => {
    const tx = new Transaction(db);
    addMarker(tx, surveyMarker(state.caseId, month), now);
    if (withTask && state.partnerOrgId) {
      // The survey task is reminded like any other: approaching 3 business days before its deadline.
      const task = scheduleReminder(
        calendar,
        newTask(
          surveyTaskInput(calendar, {
            id: ulid(),
            caseId: state.caseId,
            partnerOrgId: state.partnerOrgId,
            createdAt: at,
          }),
        ),
      );
      addTaskCreate(tx, task, creationEntry(task, platformActor));
      addOutbox(tx, [taskCreatedEvent(task)], now);
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
const surveyDueCase = async (db: Db, calendar: Calendar, state: CaseState, now: Date): Promise<Outcome> => {
  try {
    return await surveyCase(db, calendar, state, now);
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
    const current = await getCaseState(db, state.caseId);
    return current ? surveyCase(db, calendar, current, now) : 'notDue';
  }
};

export const run = async (input: JobInput = {}, options: JobRunOptions = {}): Promise<JobSummary> => {
  const started = Date.now();
  const now = new Date(input.now ?? Date.now());
  const db = tasksDb();
  const calendar = await serviceCalendar();
  return runDueItemsJob({
    job: JOB,
    item: 'survey',
    runKey: now.toISOString().slice(0, 10),
    index: 'surveyDue',
    partition: surveyPartition,
    parse: fromCaseItem,
    handle: (state) => surveyDueCase(db, calendar, state, now),
    input,
    options,
    now,
    started,
  });
};

export const handler = scheduledHandler(JOB, (input) => run(input));
