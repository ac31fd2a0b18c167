// Rules of the case events: submission, verification, status, survey, bank account, contract, solving.
import { type CaseFact, scopeKeys } from '@casetasks/core';
import { getCaseState, listAggregateMembers, waitFor } from '@casetasks/db';
import type { PlatformEventOf } from '@casetasks/events';
import { aggregateScope, joinAggregate, leaveAggregate } from './aggregates.js';
import { applyCaseClock } from './case-clock.js';
import { applyStatus, pausedCaseWorkflow } from './case-status.js';
import { type EventContext, knownCase, updateCase } from './context.js';
import { forPartner, type PartnerPart } from './partner.js';
import { ensurePausedCaseTaskIn } from './paused-case.js';
import { closeScope, openTask, scopeRef } from './steps.js';

/**
 * The case's organisations become known: events that waited for them are applied first, so their
 * closures and facts (verified, bank account assigned, closed) shape what the submission opens.
 */
export const caseSubmitted = async (ctx: EventContext, event: PlatformEventOf<'Case Submitted'>) => {
  const { detail, time } = event;
  await updateCase(ctx, detail.caseId, {
    kind: 'submitted',
    at: time,
    creditorOrgId: detail.creditorOrgId,
    ...(detail.partnerOrgId === undefined ? {} : { partnerOrgId: detail.partnerOrgId }),
    hasBankAccount: detail.hasBankAccount,
    contractSigned: detail.contractSigned,
  });
  await ctx.drain(waitFor.caseKnown(detail.caseId));
  const state = (await getCaseState(ctx.db, detail.caseId)) ?? { caseId: detail.caseId, version: 0 };
  if (detail.partnerOrgId) {
    await openTask(ctx, {
      type: 'review_new_case',
      orgId: detail.partnerOrgId,
      scopeKey: scopeKeys.case(detail.caseId),
      caseId: detail.caseId,
      at: time,
      recordLate: true,
      caseState: state,
    });
  }
  const member = { caseId: detail.caseId, addedAt: time };
  if (!state.hasBankAccount) await joinAggregate(ctx, 'assign_bank_account', state, member);
  if (!state.contractSigned) await joinAggregate(ctx, 'sign_contract', state, member);
};

export const caseVerified = async (ctx: EventContext, event: PlatformEventOf<'Case Verified'>) => {
  const state = await knownCase(ctx, event.detail.caseId);
  if (state) await forPartner(ctx, event, state, verifiedForPartner);
};

export const verifiedForPartner: PartnerPart<'Case Verified'> = (ctx, event, state) =>
  closeScope(ctx, scopeRef('review_new_case', state.partnerOrgId, scopeKeys.case(state.caseId)), event.time, {
    caseId: state.caseId,
  });

export const caseStatusChanged = async (ctx: EventContext, event: PlatformEventOf<'Case Status Changed'>) => {
  const state = await knownCase(ctx, event.detail.caseId);
  if (state) await applyStatus(ctx, state, event.detail.status, event.time);
};

/**
 * The partner's survey: a pause is in place before its follow-up starts; update_case_status ends `auto`
 * (answered) before a closing would cancel it.
 */
export const caseSurveySubmitted = async (ctx: EventContext, event: PlatformEventOf<'Case Survey Submitted'>) => {
  const { detail, time } = event;
  const state = await knownCase(ctx, detail.caseId);
  if (!state) return;
  if (detail.outcome === 'pause') await applyStatus(ctx, state, 'paused', time);
  await forPartner(ctx, event, state, surveyForPartner);
  if (detail.outcome === 'close') await applyStatus(ctx, state, 'closed', time);
  await recordStatusUpdate(ctx, detail.caseId, { kind: 'status-update', at: time, statusType: SURVEY_STATUS_TYPE });
};

/** The survey is the partner's progress report: it counts as a status update (docs/sla.md). */
const SURVEY_STATUS_TYPE = 'monthly_survey';

/** A status update (or survey) joins the case's logs; the clocks its waiting stretches stop follow. */
const recordStatusUpdate = async (ctx: EventContext, caseId: string, fact: CaseFact & { kind: 'status-update' }) => {
  const state = await updateCase(ctx, caseId, fact);
  await applyCaseClock(ctx, state, fact.at);
};

/** Closes the partner's update_case_status; a pause opens the unblocking party's follow-up and its workflow. */
export const surveyForPartner: PartnerPart<'Case Survey Submitted'> = async (ctx, event, state) => {
  const { detail, time } = event;
  await closeScope(ctx, scopeRef('update_case_status', state.partnerOrgId, scopeKeys.case(state.caseId)), time, {
    caseId: state.caseId,
  });
  if (detail.outcome !== 'pause' || !detail.unblockingParty) return;
  const input = {
    caseId: state.caseId,
    surveyId: detail.surveyId,
    unblockingParty: detail.unblockingParty,
    creditorOrgId: state.creditorOrgId,
    partnerOrgId: state.partnerOrgId,
    pausedAt: time,
    eventId: ctx.eventId,
  };
  const task = await ensurePausedCaseTaskIn(ctx, input);
  if (task?.status === 'open') {
    await pausedCaseWorkflow().startPausedCaseFollowUp({
      caseId: state.caseId,
      pauseId: detail.surveyId,
      input: { ...input, taskId: task.id },
    });
  }
};

export const caseStatusUpdated = async (ctx: EventContext, event: PlatformEventOf<'Case Status Updated'>) => {
  const { detail, time } = event;
  await recordStatusUpdate(ctx, detail.caseId, {
    kind: 'status-update',
    at: time,
    statusType: detail.statusType,
    ...(detail.promisedDate === undefined ? {} : { promisedDate: detail.promisedDate }),
    ...(detail.expectedDate === undefined ? {} : { expectedDate: detail.expectedDate }),
  });
  ctx.effects.push({ action: 'recorded', note: 'last status update of the case' });
};

export const bankAccountAssigned = async (ctx: EventContext, event: PlatformEventOf<'Bank Account Assigned'>) => {
  const state = await knownCase(ctx, event.detail.caseId);
  if (!state) return;
  await updateCase(ctx, state.caseId, { kind: 'bank-account' });
  await leaveAggregate(ctx, 'assign_bank_account', state.creditorOrgId, [state.caseId], event.time);
};

/** One signature covers every case waiting on a contract at that time; later cases wait on a new one. */
export const contractSigned = async (ctx: EventContext, event: PlatformEventOf<'Contract Signed'>) => {
  const { detail, time } = event;
  const covered = (await listAggregateMembers(ctx.db, 'sign_contract', detail.creditorOrgId))
    .filter((member) => member.addedAt <= time)
    .map((member) => member.caseId);
  await closeScope(ctx, aggregateScope('sign_contract', detail.creditorOrgId), time);
  await leaveAggregate(ctx, 'sign_contract', detail.creditorOrgId, covered, time);
};

export const caseSolved = async (ctx: EventContext, event: PlatformEventOf<'Case Solved'>) => {
  const { detail, time } = event;
  const known = await knownCase(ctx, detail.caseId);
  if (!known) return;
  const state = await applyStatus(ctx, known, 'solved', time);
  await openTask(ctx, {
    type: 'review_partner',
    orgId: state.creditorOrgId,
    scopeKey: scopeKeys.case(state.caseId),
    caseId: state.caseId,
    at: time,
    recordLate: true,
    caseState: state,
  });
  if (detail.paymentReceivedBy === 'client') await forPartner(ctx, event, state, solvedForPartner);
};

/** Paid to the client: the partner invoices its commission. */
export const solvedForPartner: PartnerPart<'Case Solved'> = async (ctx, event, state) => {
  await openTask(ctx, {
    type: 'invoice_commission',
    orgId: state.partnerOrgId,
    scopeKey: scopeKeys.case(state.caseId),
    caseId: state.caseId,
    at: event.time,
    recordLate: true,
    caseState: state,
  });
};

export const partnerReviewed = async (ctx: EventContext, event: PlatformEventOf<'Partner Reviewed'>) => {
  const state = await knownCase(ctx, event.detail.caseId);
  if (!state) return;
  await closeScope(ctx, scopeRef('review_partner', state.creditorOrgId, scopeKeys.case(state.caseId)), event.time, {
    caseId: state.caseId,
  });
};
