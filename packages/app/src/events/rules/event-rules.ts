// Every incoming detail-type and the rule that applies it: typed against the registry of @casetasks/events.
import type { PlatformDetailType, PlatformEventOf } from '@casetasks/events';
import { caseDetailsChanged } from './case-details.js';
import {
  bankAccountAssigned,
  caseSolved,
  caseStatusChanged,
  caseStatusUpdated,
  caseSubmitted,
  caseSurveySubmitted,
  caseVerified,
  contractSigned,
  partnerReviewed,
} from './case-rules.js';
import { chatMessageSent } from './chat.js';
import type { EventContext } from './context.js';
import { quoteRequested, quoteSubmitted, quoteWinnerSelected } from './quotes.js';
import {
  commissionCollectionStarted,
  commissionInvoiceOverdue,
  commissionInvoiceSent,
  complaintFiled,
  complaintResponded,
} from './references.js';
import { slaTermsSet } from './sla-terms.js';

export type Rule<T extends PlatformDetailType> = (ctx: EventContext, event: PlatformEventOf<T>) => Promise<void>;

/** A declared event without a rule does not compile; the wiring test checks the keys at run time too. */
export const eventRules: { [T in PlatformDetailType]: Rule<T> } = {
  'Case Submitted': caseSubmitted,
  'Case Verified': caseVerified,
  'Case Status Changed': caseStatusChanged,
  'Chat Message Sent': chatMessageSent,
  'Case Survey Submitted': caseSurveySubmitted,
  'Quote Requested': quoteRequested,
  'Quote Submitted': quoteSubmitted,
  'Quote Winner Selected': quoteWinnerSelected,
  'Complaint Filed': complaintFiled,
  'Complaint Responded': complaintResponded,
  'Contract Signed': contractSigned,
  'Bank Account Assigned': bankAccountAssigned,
  'Case Solved': caseSolved,
  'Commission Invoice Sent': commissionInvoiceSent,
  'Commission Invoice Overdue': commissionInvoiceOverdue,
  'Commission Collection Started': commissionCollectionStarted,
  'Partner Reviewed': partnerReviewed,
  'Case Status Updated': caseStatusUpdated,
  'SLA Terms Set': slaTermsSet,
  'Case Details Changed': caseDetailsChanged,
};

/** Applies the rule of the event's detail-type. */
export const applyRule = <T extends PlatformDetailType>(ctx: EventContext, event: PlatformEventOf<T>): Promise<void> =>
  (eventRules[event['detail-type']] as Rule<T>)(ctx, event);
