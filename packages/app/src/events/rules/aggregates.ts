// Per-creditor aggregate tasks (assign_bank_account, sign_contract): membership items drive one live task.
import {
  type AggregateType,
  aggregatePatch,
  aggregateView,
  type CaseState,
  caseClosedAt,
  changeTask,
  platformActor,
  scopeKeys,
} from '@casetasks/core';
import {
  type AggregateMember,
  addAggregateMember,
  getOpenTaskOfScope,
  getScope,
  listAggregateMembers,
  removeAggregateMember,
} from '@casetasks/db';
import { changeFoundTask, endTask, openTask, type StepContext, scopeRef, step } from './steps.js';

export const aggregateScope = (type: AggregateType, creditorOrgId: string) =>
  scopeRef(type, creditorOrgId, scopeKeys.creditor(creditorOrgId));

/**
 * Brings the creditor's aggregate task in line with its members: opened by the first member (its
 * deadline stays), retitled as the count moves, closed `auto` at zero.
 */
export const reconcileAggregate = async (
  ctx: StepContext,
  type: AggregateType,
  creditorOrgId: string,
  at: string,
): Promise<void> => {
  const members = await listAggregateMembers(ctx.db, type, creditorOrgId);
  const scope = aggregateScope(type, creditorOrgId);
  const { task } = await getOpenTaskOfScope(ctx.db, scope);
  const view = aggregateView(
    type,
    members.map((member) => member.caseId),
  );
  if (members.length === 0) {
    if (task) await endTask(ctx, task, 'auto', at > task.createdAt ? at : task.createdAt, 'no covered case left');
    return;
  }
  if (!task) {
    const start = members.map((member) => member.addedAt).sort()[0] ?? at;
    await openTask(ctx, {
      type,
      orgId: creditorOrgId,
      scopeKey: scope.scopeKey,
      caseId: null,
      at: start,
      ...view,
      recordLate: false,
    });
    return;
  }
  const patch = aggregatePatch(task, view);
  if (patch)
    await changeFoundTask(ctx, 'update', changeTask(task, patch, 'updated', platformActor, at, eventExtra(ctx)));
};

const eventExtra = (ctx: StepContext) => (ctx.eventId === undefined ? {} : { eventId: ctx.eventId });

/**
 * Adds a case to an aggregate, unless the case closed after it was submitted, or (sign_contract) the
 * creditor signed after it: then the case never waits on the action.
 */
export const joinAggregate = async (
  ctx: StepContext,
  type: AggregateType,
  caseState: CaseState,
  member: AggregateMember,
): Promise<void> => {
  const creditorOrgId = caseState.creditorOrgId;
  if (!creditorOrgId) return;
  const closedAt = caseClosedAt(caseState);
  if (closedAt !== undefined && closedAt >= member.addedAt) return;
  const closedThrough = (await getScope(ctx.db, aggregateScope(type, creditorOrgId)))?.closedThrough;
  if (closedThrough !== undefined && closedThrough >= member.addedAt) {
    ctx.effects.push({ action: 'ignored', type, note: `already done at ${closedThrough}` });
    return;
  }
  const members = await listAggregateMembers(ctx.db, type, creditorOrgId);
  if (!members.some((existing) => existing.caseId === member.caseId)) {
    await step(ctx, `member-add:${type}:${member.caseId}`, (options) =>
      addAggregateMember(ctx.db, type, creditorOrgId, member, options),
    );
  }
  await reconcileAggregate(ctx, type, creditorOrgId, member.addedAt);
};

/** Drops cases from an aggregate (bank account assigned, contract signed, case closed). */
export const leaveAggregate = async (
  ctx: StepContext,
  type: AggregateType,
  creditorOrgId: string,
  caseIds: readonly string[],
  at: string,
): Promise<void> => {
  const members = await listAggregateMembers(ctx.db, type, creditorOrgId);
  for (const caseId of caseIds) {
    if (!members.some((member) => member.caseId === caseId)) continue;
    await step(ctx, `member-remove:${type}:${caseId}`, (options) =>
      removeAggregateMember(ctx.db, type, creditorOrgId, caseId, options),
    );
  }
  await reconcileAggregate(ctx, type, creditorOrgId, at);
};
