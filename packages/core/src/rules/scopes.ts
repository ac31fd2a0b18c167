// Scope keys of the event-created tasks: "at most one open task per (type, party, org, scope)" (SPEC §2).

/** Inside (type, party, org) the scope key names what one task is about. */
export const scopeKeys = {
  /** One per case: review, survey, chat, quotes, commission, review_partner, more_info_needed. */
  case: (caseId: string) => `case#${caseId}`,
  /** One per pause of a case (the survey that paused it). */
  pause: (caseId: string, surveyId: string) => `case#${caseId}#pause#${surveyId}`,
  /** Closure memory of "the case left paused", shared by every pause of the case: carries no task. */
  casePauses: (caseId: string) => `case#${caseId}#pause`,
  /** Per-creditor aggregates (assign_bank_account, sign_contract). */
  creditor: (orgId: string) => `creditor#${orgId}`,
  complaint: (complaintId: string) => `complaint#${complaintId}`,
  invoice: (invoiceId: string) => `invoice#${invoiceId}`,
  /** One approve_extension task per extension request. */
  extension: (extensionId: string) => `extension#${extensionId}`,
} as const;
