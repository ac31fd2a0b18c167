// What the service remembers of a case: enough to order events per case and to drive surveys and SLA.
import * as z from 'zod';
import { extensionStatusSchema } from './task.js';

export const caseStatusSchema = z.enum([
  'submitted',
  'active',
  'paused',
  'needs_additional_details',
  'closed',
  'solved',
]);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

/** How many entries each of a case's logs keeps (the newest): a case's life has a few dozen at most. */
export const MAX_CASE_LOG = 100;

export const statusEntrySchema = z.object({ at: z.string(), status: caseStatusSchema });
export type StatusEntry = z.infer<typeof statusEntrySchema>;

export const statusUpdateEntrySchema = z.object({
  at: z.string(),
  statusType: z.string(),
  /** waiting_on_client / waiting_on_third_party: when the other party is expected to answer. */
  expectedDate: z.string().optional(),
});
export type StatusUpdateEntry = z.infer<typeof statusUpdateEntrySchema>;

/** A partner's request for more calendar days before the case's next status update is due (issue 19). */
export const updateExtensionSchema = z.object({
  id: z.string(),
  /** The update whose clock it extends: lastStatusUpdate.at, or the activation when there was none. */
  forUpdateAt: z.string(),
  days: z.number().int().positive(),
  reason: z.string(),
  status: extensionStatusSchema,
  requestedAt: z.string(),
  requestedBy: z.string(),
  /** The creditor's approve_extension task. */
  approvalTaskId: z.string(),
  decidedAt: z.string().optional(),
  decidedBy: z.string().optional(),
  note: z.string().optional(),
});
export type UpdateExtension = z.infer<typeof updateExtensionSchema>;

export const caseStateSchema = z.object({
  caseId: z.string(),
  creditorOrgId: z.string().optional(),
  partnerOrgId: z.string().nullable().optional(),
  status: caseStatusSchema.optional(),
  /** `time` of the event that set `status`: an older status event never overwrites a newer one. */
  statusAt: z.string().optional(),
  hasBankAccount: z.boolean().optional(),
  contractSigned: z.boolean().optional(),
  /** Last `Case Status Updated` of the partner (seed 002). */
  lastStatusUpdate: z
    .object({
      statusType: z.string(),
      at: z.string(),
      promisedDate: z.string().optional(),
      expectedDate: z.string().optional(),
    })
    .optional(),
  /**
   * Every status the case has had, oldest first (at most MAX_CASE_LOG, the newest kept): the clock's pause
   * intervals are a function of this set, whatever order its events came in (clock-pauses.ts).
   */
  statusLog: z.array(statusEntrySchema).optional(),
  /** Every status update (and survey) of the partner, oldest first, bounded like statusLog. */
  statusUpdateLog: z.array(statusUpdateEntrySchema).optional(),
  /** The newest case-update extension requests (case-update-extensions.ts keeps at most 10), oldest first. */
  updateExtensions: z.array(updateExtensionSchema).optional(),
  /** When the next monthly survey is due; present only while the case is active. */
  nextSurveyAt: z.string().optional(),
  version: z.number().int().nonnegative().default(0),
});
export type CaseState = z.infer<typeof caseStateSchema>;
