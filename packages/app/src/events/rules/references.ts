// Complaints and commission invoices: closing events that carry only their own id find their task by reference.
import { scopeKeys } from '@casetasks/core';
import { getCaseState, getReference, putReference, type ReferenceKind, waitFor } from '@casetasks/db';
import type { PlatformEventOf } from '@casetasks/events';
import { type EventContext, knownCase, park } from './context.js';
import { forPartner, type PartnerPart } from './partner.js';
import { closeScope, openTask, scopeRef, step } from './steps.js';

/** The reference, or undefined after parking the event until the creating event brings it. */
const knownReference = async (ctx: EventContext, kind: ReferenceKind, id: string) => {
  const reference = await getReference(ctx.db, kind, id);
  if (!reference) await park(ctx, waitFor.reference(kind, id));
  return reference;
};

export const complaintFiled = async (ctx: EventContext, event: PlatformEventOf<'Complaint Filed'>) => {
  const { complaintId, caseId, partnerOrgId } = event.detail;
  await step(ctx, 'reference', (options) =>
    putReference(ctx.db, { kind: 'complaint', id: complaintId, caseId, orgId: partnerOrgId }, options),
  );
  // A response that came first is applied first: its closure decides whether the task opens.
  await ctx.drain(waitFor.reference('complaint', complaintId));
  const caseState = await getCaseState(ctx.db, caseId);
  await openTask(ctx, {
    type: 'respond_to_complaint',
    orgId: partnerOrgId,
    scopeKey: scopeKeys.complaint(complaintId),
    caseId,
    at: event.time,
    details: { complaintId },
    recordLate: true,
    ...(caseState ? { caseState } : {}),
  });
};

export const complaintResponded = async (ctx: EventContext, event: PlatformEventOf<'Complaint Responded'>) => {
  const { complaintId } = event.detail;
  const reference = await knownReference(ctx, 'complaint', complaintId);
  if (!reference) return;
  await closeScope(
    ctx,
    scopeRef('respond_to_complaint', reference.orgId, scopeKeys.complaint(complaintId)),
    event.time,
    { caseId: reference.caseId },
  );
};

export const commissionInvoiceSent = async (ctx: EventContext, event: PlatformEventOf<'Commission Invoice Sent'>) => {
  const state = await knownCase(ctx, event.detail.caseId);
  if (state) await forPartner(ctx, event, state, invoiceSentForPartner);
};

export const invoiceSentForPartner: PartnerPart<'Commission Invoice Sent'> = (ctx, event, state) =>
  closeScope(ctx, scopeRef('invoice_commission', state.partnerOrgId, scopeKeys.case(state.caseId)), event.time, {
    caseId: state.caseId,
  });

export const commissionInvoiceOverdue = async (
  ctx: EventContext,
  event: PlatformEventOf<'Commission Invoice Overdue'>,
) => {
  const state = await knownCase(ctx, event.detail.caseId);
  if (state) await forPartner(ctx, event, state, invoiceOverdueForPartner);
};

/** The invoice is the partner's: its reference lets Commission Collection Started find the chase task. */
export const invoiceOverdueForPartner: PartnerPart<'Commission Invoice Overdue'> = async (ctx, event, state) => {
  const { caseId, invoiceId } = event.detail;
  const { partnerOrgId } = state;
  await step(ctx, 'reference', (options) =>
    putReference(ctx.db, { kind: 'invoice', id: invoiceId, caseId, orgId: partnerOrgId }, options),
  );
  await ctx.drain(waitFor.reference('invoice', invoiceId));
  await openTask(ctx, {
    type: 'chase_commission',
    orgId: partnerOrgId,
    scopeKey: scopeKeys.invoice(invoiceId),
    caseId,
    at: event.time,
    details: { invoiceId },
    recordLate: true,
    caseState: state,
  });
};

export const commissionCollectionStarted = async (
  ctx: EventContext,
  event: PlatformEventOf<'Commission Collection Started'>,
) => {
  const { invoiceId } = event.detail;
  const reference = await knownReference(ctx, 'invoice', invoiceId);
  if (!reference) return;
  await closeScope(ctx, scopeRef('chase_commission', reference.orgId, scopeKeys.invoice(invoiceId)), event.time, {
    caseId: reference.caseId,
  });
};
