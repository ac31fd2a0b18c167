// What the service remembers of a case: enough to order events per case and to drive surveys and SLA.
import * as z from 'zod';

export const caseStatusSchema = z.enum([
  'submitted',
  'active',
  'paused',
  'needs_additional_details',
  'closed',
  'solved',
]);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

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
    .object({ statusType: z.string(), at: z.string(), promisedDate: z.string().optional() })
    .optional(),
  /** When the next monthly survey is due; present only while the case is active. */
  nextSurveyAt: z.string().optional(),
  version: z.number().int().nonnegative().default(0),
});
export type CaseState = z.infer<typeof caseStateSchema>;
