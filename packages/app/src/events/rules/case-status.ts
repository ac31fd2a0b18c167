// A case's status changes: more info needed, leaving paused, and the case closing.

import { aggregateTypes, type CaseStatus, catalogue, scopeKeys } from '@casetasks/core';
import { getScope, getTask, openTasksOfCase, recordScopeClosure } from '@casetasks/db';
import { type WorkflowStarter, workflowStarter } from '../../runtime/index.js';
import { sfnWorkflowStarter } from '../../workflow/sfn-starter.js';
import { leaveAggregate } from './aggregates.js';
import { applyCaseClock } from './case-clock.js';
import { type KnownCase, updateCase } from './context.js';
import { pauseClosureScope, pauseTaskTypes } from './paused-case.js';
import { settleQuoteTasks } from './quote-settle.js';
import { closeScope, endTask, openTask, type StepContext, scopeRef, step } from './steps.js';

/** Local mode and tests install their starter; deployed, Step Functions. */
export const pausedCaseWorkflow = (): WorkflowStarter => workflowStarter() ?? sfnWorkflowStarter;

/** Every open task of the case, re-read consistently (the byCase index may lag a write). */
const openTasksNow = async (ctx: StepContext, caseId: string) => {
  const listed = await openTasksOfCase(ctx.db, caseId);
  const fresh = await Promise.all(listed.map((task) => getTask(ctx.db, task.id, true)));
  return fresh.filter((task) => task?.status === 'open').map((task) => task as NonNullable<typeof task>);
};

/**
 * The case left paused at `at`: its pause tasks created before close `auto` and their workflows stop;
 * the closure is remembered for pauses delivered later.
 */
export const leavePaused = async (ctx: StepContext, state: KnownCase, at: string): Promise<void> => {
  const owners = [
    { party: 'creditor' as const, orgId: state.creditorOrgId },
    { party: 'partner' as const, orgId: state.partnerOrgId ?? undefined },
  ];
  for (const { party, orgId } of owners) {
    if (!orgId) continue;
    const scope = pauseClosureScope(state.caseId, party, orgId);
    const previous = (await getScope(ctx.db, scope))?.closedThrough;
    if (previous !== undefined && previous >= at) continue;
    await step(ctx, `closed-through:${scope.type}:${scope.scopeKey}`, (options) =>
      recordScopeClosure(ctx.db, scope, at, previous, options),
    );
  }
  const paused = (await openTasksNow(ctx, state.caseId)).filter(
    (task) => pauseTaskTypes.includes(task.type) && task.createdAt <= at,
  );
  for (const task of paused) {
    await endTask(ctx, task, 'auto', at, 'the case left paused');
    const pauseId = task.details?.surveyId;
    if (pauseId) await pausedCaseWorkflow().stopPausedCaseFollowUp({ caseId: state.caseId, pauseId });
  }
};

/**
 * The case closed at `at`: its open tasks end `cancelled` except the survivors, and so do quote tasks a
 * later winner delivered first had ended `auto`; it leaves the aggregates.
 */
export const closeCase = async (ctx: StepContext, state: KnownCase, at: string): Promise<void> => {
  const open = (await openTasksNow(ctx, state.caseId)).filter(
    (task) => task.createdAt <= at && !catalogue[task.type].survivesCaseClose,
  );
  for (const task of open) await endTask(ctx, task, 'cancelled', at, 'the case closed');
  await settleQuoteTasks(ctx, state.caseId, at);
  for (const type of aggregateTypes) await leaveAggregate(ctx, type, state.creditorOrgId, [state.caseId], at);
};

/** A status event (Case Status Changed, a survey's pause/close, Case Solved): state first, then tasks, then clocks. */
export const applyStatus = async (
  ctx: StepContext,
  known: KnownCase,
  status: CaseStatus,
  at: string,
): Promise<KnownCase> => {
  const saved = await updateCase(ctx, known.caseId, { kind: 'status', at, status });
  const state: KnownCase = { ...saved, creditorOrgId: known.creditorOrgId };
  const moreInfo = scopeRef('more_info_needed', state.creditorOrgId, scopeKeys.case(state.caseId));
  if (status === 'needs_additional_details') {
    await openTask(ctx, {
      type: 'more_info_needed',
      orgId: state.creditorOrgId,
      scopeKey: moreInfo.scopeKey,
      caseId: state.caseId,
      at,
      recordLate: true,
      caseState: state,
    });
  } else {
    await closeScope(ctx, moreInfo, at, { caseId: state.caseId });
  }
  if (status !== 'paused') await leavePaused(ctx, state, at);
  if (status === 'closed') await closeCase(ctx, state, at);
  // Last, so the tasks this status ended are clipped at their end too (case-clock.ts).
  await applyCaseClock(ctx, saved, at);
  return state;
};
