// Platform events the service consumes (SPEC §5): one zod schema per detail-type, the validator and the type.
import {
  boundedDateSchema,
  boundedInstantSchema,
  caseStatusSchema,
  EARLIEST_INSTANT,
  entityIdSchema,
  partySchema,
  wellFormedTextSchema,
} from '@casetasks/core';
import * as z from 'zod';

/**
 * The largest `detail` accepted, as UTF-8 JSON: EventBridge's entry limit, so only a direct invocation or
 * local mode could send more (checked by parsePlatformEvent before the schema runs).
 */
export const MAX_EVENT_DETAIL_BYTES = 256 * 1024;
/**
 * Partners one `Quote Requested` may invite: the round and its invitations are one transaction (the
 * round, one item per partner and the step marker, at most 100 items), and each invitation opens a task.
 */
export const MAX_QUOTE_PARTNERS = 50;
/**
 * Characters of a chat message that are kept: the task carries a 200-character excerpt and the nightly
 * judge reads 2 000 per message, so the rest is never read. Longer text is cut, not refused: the
 * message still needs its reply task.
 */
export const MAX_CHAT_TEXT_LENGTH = 4_000;
/** EventBridge's own bound on `source`. */
export const MAX_SOURCE_LENGTH = 256;

// Ids reach table keys: the API's id grammar, so a `#`, a control character or 100 KB never gets there.
const id = entityIdSchema;
/**
 * The task clock starts at `time`: not before EARLIEST_INSTANT (archive replays keep their original time,
 * so no tighter floor); the ceiling, the service clock plus MAX_EVENT_CLOCK_SKEW_MS, is checked by
 * parsePlatformEvent, which owns the clock.
 */
const eventTime = z.iso
  .datetime({ offset: true })
  .refine((value) => Date.parse(value) >= Date.parse(EARLIEST_INSTANT), {
    message: `must not be before ${EARLIEST_INSTANT}`,
  })
  // Rules compare stored instants as strings: `…00Z`, `…00.500Z` and `+02:00` offsets only order
  // correctly in one form, the 24-character UTC form of toISOString.
  .transform((value) => new Date(value).toISOString());

/** The first MAX_CHAT_TEXT_LENGTH characters, never ending in half a surrogate pair, lone surrogates replaced. */
const keptChatText = (text: string): string => {
  const end = /[\uD800-\uDBFF]/.test(text[MAX_CHAT_TEXT_LENGTH - 1] ?? '')
    ? MAX_CHAT_TEXT_LENGTH - 1
    : MAX_CHAT_TEXT_LENGTH;
  return (text.length > MAX_CHAT_TEXT_LENGTH ? text.slice(0, end) : text).replace(/\p{Cs}/gu, '\uFFFD');
};

/** The EventBridge envelope around one `detail`; other envelope fields (account, region...) are ignored. */
const platformEvent = <T extends string, D extends z.ZodType>(detailType: T, detail: D) =>
  z.object({
    id,
    source: z.string().min(1).max(MAX_SOURCE_LENGTH),
    'detail-type': z.literal(detailType),
    /** When it happened on the platform: the task clock starts here. */
    time: eventTime,
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
  z.object({
    caseId: id,
    messageId: id,
    senderParty: partySchema,
    senderUserId: id,
    text: z.string().transform(keptChatText),
  }),
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
  z.object({ caseId: id, creditorOrgId: id, partnerOrgIds: z.array(id).min(1).max(MAX_QUOTE_PARTNERS) }),
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
    statusType: wellFormedTextSchema.min(1).max(100),
    /** When the debtor promised to act: the instant window, like any date a caller names. */
    promisedDate: z
      .union([boundedDateSchema, boundedInstantSchema], {
        error: 'must be an ISO date or a date-time with offset, from 2000-01-01 to 10 years from now',
      })
      .optional(),
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
