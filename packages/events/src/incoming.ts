// Platform events the service consumes (SPEC §5): each detail-type declared once, with its schema and its group.
import {
  boundedDateSchema,
  boundedInstantSchema,
  caseDetailsSchema,
  caseStatusSchema,
  partySchema,
  slaTermsSchema,
  wellFormedTextSchema,
} from '@casetasks/core';
import * as z from 'zod';
import { defineEvent, type EventGroup, eventGroups, eventIdSchema as id } from './define-event.js';

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

/** The first MAX_CHAT_TEXT_LENGTH characters, never ending in half a surrogate pair, lone surrogates replaced. */
const keptChatText = (text: string): string => {
  const end = /[\uD800-\uDBFF]/.test(text[MAX_CHAT_TEXT_LENGTH - 1] ?? '')
    ? MAX_CHAT_TEXT_LENGTH - 1
    : MAX_CHAT_TEXT_LENGTH;
  return (text.length > MAX_CHAT_TEXT_LENGTH ? text.slice(0, end) : text).replace(/\p{Cs}/gu, '\uFFFD');
};

/** Statuses a `Case Status Changed` may carry (SPEC §5). */
export const changedCaseStatusSchema = caseStatusSchema.extract([
  'active',
  'paused',
  'needs_additional_details',
  'closed',
]);

/** A date a caller names on a status update (promised, expected): a day or an instant, in the input domain. */
const callerDateSchema = z.union([boundedDateSchema, boundedInstantSchema], {
  error: 'must be an ISO date or a date-time with offset, from 2000-01-01 to 10 years from now',
});

/**
 * What the platform knows of the case, optional on every event about one case (issue 20): the newest
 * event's details (by `time`) are stored for the case and shown on its tasks.
 */
const caseFacts = {
  caseDetails: caseDetailsSchema
    .optional()
    .describe("The case's details as the platform knows them now; replaces older ones as a whole"),
};

/**
 * Every event the service consumes: the one place an incoming detail-type is declared. Parsing
 * (platformEventSchema), the CDK rules and the groups' detail-types (eventRoutes), and the type of the
 * rules map in @casetasks/app are derived from it. The order is the order the validator names them in.
 */
export const incomingEvents = [
  defineEvent({
    detailType: 'Case Submitted',
    group: 'case-events',
    detail: z.object({
      caseId: id,
      ...caseFacts,
      creditorOrgId: id,
      partnerOrgId: id.optional(),
      hasBankAccount: z.boolean(),
      contractSigned: z.boolean(),
      requiresQuote: z.boolean(),
    }),
  }),
  defineEvent({ detailType: 'Case Verified', group: 'case-events', detail: z.object({ caseId: id, ...caseFacts }) }),
  defineEvent({
    detailType: 'Case Status Changed',
    group: 'case-events',
    detail: z.object({ caseId: id, ...caseFacts, status: changedCaseStatusSchema }),
  }),
  defineEvent({
    detailType: 'Chat Message Sent',
    group: 'chat-events',
    detail: z.object({
      caseId: id,
      ...caseFacts,
      messageId: id,
      senderParty: partySchema,
      senderUserId: id,
      text: z.string().transform(keptChatText),
    }),
  }),
  defineEvent({
    detailType: 'Case Survey Submitted',
    group: 'case-events',
    detail: z
      .object({
        caseId: id,
        ...caseFacts,
        surveyId: id,
        outcome: z.enum(['keep_active', 'pause', 'close']),
        unblockingParty: partySchema.optional(),
      })
      .refine((detail) => detail.outcome !== 'pause' || detail.unblockingParty !== undefined, {
        message: 'a pause needs the unblocking party',
        path: ['unblockingParty'],
      }),
  }),
  defineEvent({
    detailType: 'Quote Requested',
    group: 'quote-events',
    detail: z.object({
      caseId: id,
      ...caseFacts,
      creditorOrgId: id,
      partnerOrgIds: z.array(id).min(1).max(MAX_QUOTE_PARTNERS),
    }),
  }),
  defineEvent({
    detailType: 'Quote Submitted',
    group: 'quote-events',
    detail: z.object({ caseId: id, ...caseFacts, partnerOrgId: id }),
  }),
  defineEvent({
    detailType: 'Quote Winner Selected',
    group: 'quote-events',
    detail: z.object({ caseId: id, ...caseFacts, partnerOrgId: id }),
  }),
  defineEvent({
    detailType: 'Complaint Filed',
    group: 'case-events',
    detail: z.object({ complaintId: id, caseId: id, ...caseFacts, partnerOrgId: id }),
  }),
  defineEvent({ detailType: 'Complaint Responded', group: 'case-events', detail: z.object({ complaintId: id }) }),
  defineEvent({ detailType: 'Contract Signed', group: 'case-events', detail: z.object({ creditorOrgId: id }) }),
  defineEvent({
    detailType: 'Bank Account Assigned',
    group: 'case-events',
    detail: z.object({ caseId: id, ...caseFacts }),
  }),
  defineEvent({
    detailType: 'Case Solved',
    group: 'case-events',
    detail: z.object({ caseId: id, ...caseFacts, paymentReceivedBy: z.enum(['client', 'partner']) }),
  }),
  defineEvent({
    detailType: 'Commission Invoice Sent',
    group: 'commission-events',
    detail: z.object({ caseId: id, ...caseFacts }),
  }),
  defineEvent({
    detailType: 'Commission Invoice Overdue',
    group: 'commission-events',
    detail: z.object({ caseId: id, ...caseFacts, invoiceId: id }),
  }),
  defineEvent({
    detailType: 'Commission Collection Started',
    group: 'commission-events',
    detail: z.object({ invoiceId: id }),
  }),
  defineEvent({ detailType: 'Partner Reviewed', group: 'case-events', detail: z.object({ caseId: id, ...caseFacts }) }),
  defineEvent({
    detailType: 'Case Status Updated',
    group: 'case-events',
    detail: z.object({
      caseId: id,
      ...caseFacts,
      statusType: wellFormedTextSchema.min(1).max(100),
      /** When the debtor promised to act: the instant window, like any date a caller names. */
      promisedDate: callerDateSchema.optional(),
      /** waiting_on_client / waiting_on_third_party: when the other party is expected to answer (same window). */
      expectedDate: callerDateSchema.optional(),
    }),
  }),
  defineEvent({
    detailType: 'Case Details Changed',
    group: 'case-events',
    // The case's details alone (issue 20): reference, debtor, amounts; the newest by `time` wins.
    detail: z.object({ caseId: id, caseDetails: caseDetailsSchema }),
  }),
  defineEvent({
    detailType: 'SLA Terms Set',
    group: 'case-events',
    // Platform ops set a creditor's terms (issue 19): a new version effective at the event's `time`.
    detail: z.object({
      creditorOrgId: id,
      partnerOrgId: id.optional(),
      // Absent = none set (every value falls back to the catalogue), as an empty object would say.
      taskDeadlines: slaTermsSchema.shape.taskDeadlines.optional(),
      updateIntervals: slaTermsSchema.shape.updateIntervals.optional(),
      defaultUpdateIntervalDays: slaTermsSchema.shape.defaultUpdateIntervalDays,
    }),
  }),
] as const;

type SchemasOf<R extends readonly { schema: z.ZodType }[]> = { -readonly [K in keyof R]: R[K]['schema'] };

/** Every event the service consumes, discriminated on `detail-type`. */
export const platformEventSchema = z.discriminatedUnion(
  'detail-type',
  incomingEvents.map((event) => event.schema) as unknown as SchemasOf<typeof incomingEvents>,
);
export type PlatformEvent = z.infer<typeof platformEventSchema>;
export type PlatformDetailType = PlatformEvent['detail-type'];
/** One event type of the union, by its detail-type. */
export type PlatformEventOf<T extends PlatformDetailType> = Extract<PlatformEvent, { 'detail-type': T }>;

export const platformDetailTypes: readonly PlatformDetailType[] = incomingEvents.map((event) => event.detailType);

export interface EventRoute {
  /** The group: its Lambda entry is functions/events/<group>.ts. */
  group: EventGroup;
  detailTypes: readonly PlatformDetailType[];
}

/** Which detail-types each event function handles: read by the CDK rules and the wiring test. */
export const eventRoutes: readonly EventRoute[] = eventGroups.map((group) => ({
  group,
  detailTypes: incomingEvents.filter((event) => event.group === group).map((event) => event.detailType),
}));
