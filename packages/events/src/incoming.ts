// Platform events the service consumes (SPEC §5): one zod schema per detail-type, the validator and the type.
import { caseStatusSchema, entityIdSchema, partySchema } from '@casetasks/core';
import * as z from 'zod';

// Ids reach table keys: the API's id grammar, so a `#`, a control character or 100 KB never gets there.
const id = entityIdSchema;
const isoTime = z.iso.datetime({ offset: true });

/** The EventBridge envelope around one `detail`; other envelope fields (account, region...) are ignored. */
const platformEvent = <T extends string, D extends z.ZodType>(detailType: T, detail: D) =>
  z.object({
    id,
    source: z.string().min(1),
    'detail-type': z.literal(detailType),
    /** When it happened on the platform: the task clock starts here. */
    time: isoTime,
    detail,
  });

/** Statuses a `Case Status Changed` may carry (SPEC §5). */
export const changedCaseStatusSchema = caseStatusSchema.extract([
  'active',
  'paused',
  'needs_additional_details',
  'closed',
]);

export const caseSubmittedSchema = platformEvent(
  'Case Submitted',
  z.object({
    caseId: id,
    creditorOrgId: id,
    partnerOrgId: id.optional(),
    hasBankAccount: z.boolean(),
    contractSigned: z.boolean(),
    requiresQuote: z.boolean(),
  }),
);
export const caseVerifiedSchema = platformEvent('Case Verified', z.object({ caseId: id }));
export const caseStatusChangedSchema = platformEvent(
  'Case Status Changed',
  z.object({ caseId: id, status: changedCaseStatusSchema }),
);
export const chatMessageSentSchema = platformEvent(
  'Chat Message Sent',
  z.object({ caseId: id, messageId: id, senderParty: partySchema, senderUserId: id, text: z.string() }),
);
export const caseSurveySubmittedSchema = platformEvent(
  'Case Survey Submitted',
  z
    .object({
      caseId: id,
      surveyId: id,
      outcome: z.enum(['keep_active', 'pause', 'close']),
      unblockingParty: partySchema.optional(),
    })
    .refine((detail) => detail.outcome !== 'pause' || detail.unblockingParty !== undefined, {
      message: 'a pause needs the unblocking party',
      path: ['unblockingParty'],
    }),
);
export const quoteRequestedSchema = platformEvent(
  'Quote Requested',
  z.object({ caseId: id, creditorOrgId: id, partnerOrgIds: z.array(id).min(1) }),
);
export const quoteSubmittedSchema = platformEvent('Quote Submitted', z.object({ caseId: id, partnerOrgId: id }));
export const quoteWinnerSelectedSchema = platformEvent(
  'Quote Winner Selected',
  z.object({ caseId: id, partnerOrgId: id }),
);
export const complaintFiledSchema = platformEvent(
  'Complaint Filed',
  z.object({ complaintId: id, caseId: id, partnerOrgId: id }),
);
export const complaintRespondedSchema = platformEvent('Complaint Responded', z.object({ complaintId: id }));
export const contractSignedSchema = platformEvent('Contract Signed', z.object({ creditorOrgId: id }));
export const bankAccountAssignedSchema = platformEvent('Bank Account Assigned', z.object({ caseId: id }));
export const caseSolvedSchema = platformEvent(
  'Case Solved',
  z.object({ caseId: id, paymentReceivedBy: z.enum(['client', 'partner']) }),
);
export const commissionInvoiceSentSchema = platformEvent('Commission Invoice Sent', z.object({ caseId: id }));
export const commissionInvoiceOverdueSchema = platformEvent(
  'Commission Invoice Overdue',
  z.object({ caseId: id, invoiceId: id }),
);
export const commissionCollectionStartedSchema = platformEvent(
  'Commission Collection Started',
  z.object({ invoiceId: id }),
);
export const partnerReviewedSchema = platformEvent('Partner Reviewed', z.object({ caseId: id }));
export const caseStatusUpdatedSchema = platformEvent(
  'Case Status Updated',
  z.object({
    caseId: id,
    statusType: z.string().min(1).max(100),
    promisedDate: z.union([z.iso.date(), isoTime]).optional(),
  }),
);

/** Every event the service consumes, discriminated on `detail-type`. */
export const platformEventSchema = z.discriminatedUnion('detail-type', [
  caseSubmittedSchema,
  caseVerifiedSchema,
  caseStatusChangedSchema,
  chatMessageSentSchema,
  caseSurveySubmittedSchema,
  quoteRequestedSchema,
  quoteSubmittedSchema,
  quoteWinnerSelectedSchema,
  complaintFiledSchema,
  complaintRespondedSchema,
  contractSignedSchema,
  bankAccountAssignedSchema,
  caseSolvedSchema,
  commissionInvoiceSentSchema,
  commissionInvoiceOverdueSchema,
  commissionCollectionStartedSchema,
  partnerReviewedSchema,
  caseStatusUpdatedSchema,
]);
export type PlatformEvent = z.infer<typeof platformEventSchema>;
export type PlatformDetailType = PlatformEvent['detail-type'];
/** One event type of the union, by its detail-type. */
export type PlatformEventOf<T extends PlatformDetailType> = Extract<PlatformEvent, { 'detail-type': T }>;

export const platformDetailTypes = platformEventSchema.options.map(
  (option) => option.shape['detail-type'].value,
) as PlatformDetailType[];
