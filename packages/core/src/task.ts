// The task model of SPEC §2, declared once as zod schemas: validator, type and OpenAPI source.
import * as z from 'zod';
import { caseDetailsSchema } from './case-details.js';

export const partySchema = z.enum(['partner', 'creditor']);
export type Party = z.infer<typeof partySchema>;

export const taskTypeSchema = z.enum([
  'review_new_case',
  'update_case_status',
  'new_message',
  'provide_quote',
  'select_quote_winner',
  'review_partner',
  'invoice_commission',
  'chase_commission',
  'respond_to_complaint',
  'client_input_required',
  'paused_case_follow_up',
  'sign_contract',
  'more_info_needed',
  'assign_bank_account',
  'generic',
  'call_reminder',
  'credit_report',
  'book_meeting',
  'validate_invoice',
  'update_invoice',
  'offer_payment_plan',
  'escalate_to_collections',
  'approve_extension',
]);
export type TaskType = z.infer<typeof taskTypeSchema>;

export const taskStatusSchema = z.enum(['open', 'completed']);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

/** done: by a user; auto: the platform saw the action; ai: nightly cleanup; cancelled: case closed or superseded. */
export const resolutionSchema = z.enum(['done', 'auto', 'ai', 'cancelled']);
export type Resolution = z.infer<typeof resolutionSchema>;

export const callResultSchema = z.enum(['answered', 'not_answered', 'left_voicemail', 'skipped']);
export type CallResult = z.infer<typeof callResultSchema>;

const isoDateTime = z.iso.datetime({ offset: true });

export const chatMessageRefSchema = z.object({
  messageId: z.string(),
  senderUserId: z.string(),
  sentAt: isoDateTime,
  excerpt: z.string(),
});

export const callLogSchema = z.object({
  result: callResultSchema,
  note: z.string().optional(),
  loggedAt: isoDateTime,
  loggedBy: z.string(),
  rescheduledTo: isoDateTime.optional(),
});

/** Type-specific facts; every field optional so one shape serves all types. */
export const taskDetailsSchema = z.object({
  messageCount: z.number().int().optional(),
  latestMessage: chatMessageRefSchema.optional(),
  coveredCount: z.number().int().optional(),
  calls: z.array(callLogSchema).optional(),
  invoiceId: z.string().optional(),
  complaintId: z.string().optional(),
  surveyId: z.string().optional(),
  /** approve_extension: the partner's request this task decides (issue 19). */
  extensionRequest: z
    .object({
      /** The partner task whose SLA deadline would move; absent for a case-update deadline. */
      taskId: z.string().optional(),
      caseId: z.string(),
      partnerOrgId: z.string(),
      extensionId: z.string(),
      /** A task's request: business days added to its SLA deadline. */
      businessDays: z.number().int().optional(),
      /** A case-update request: calendar days added to the next update due (that SLA counts calendar days). */
      calendarDays: z.number().int().optional(),
      reason: z.string(),
    })
    .optional(),
});
export type TaskDetails = z.infer<typeof taskDetailsSchema>;

/** approaching: a warning threshold; overdue: the deadline; escalation: N business days past it. */
export const reminderStageSchema = z.enum(['approaching', 'overdue', 'escalation']);

export const reminderPointSchema = z.object({
  stage: reminderStageSchema,
  at: isoDateTime,
  /** The warning threshold that set this point, e.g. `50%` or `3bd`. */
  threshold: z.string().optional(),
});
export type ReminderPoint = z.infer<typeof reminderPointSchema>;

export const reminderScheduleSchema = z.object({
  stage: reminderStageSchema,
  nextAt: isoDateTime,
  threshold: z.string().optional(),
  /** The points after this one, by time. */
  later: z.array(reminderPointSchema).optional(),
});

/** Why an SLA clock stopped (docs/sla.md, "Pausing the clock"). */
export const clockPauseReasonSchema = z.enum(['case_paused', 'waiting_on_client', 'waiting_on_third_party']);
export type ClockPauseReason = z.infer<typeof clockPauseReasonSchema>;

/** One stretch during which a task's SLA clock stood still; `end` null while it still stands. */
export const clockPauseSchema = z.object({
  start: isoDateTime,
  end: isoDateTime.nullable(),
  reason: clockPauseReasonSchema,
});
export type ClockPause = z.infer<typeof clockPauseSchema>;

/** Pauses kept on one task; more are merged into the oldest (docs/sla.md). */
export const MAX_CLOCK_PAUSES = 20;

export const extensionStatusSchema = z.enum(['requested', 'approved', 'rejected', 'expired']);
export type ExtensionStatus = z.infer<typeof extensionStatusSchema>;

/** A partner's request for more time on a task's SLA deadline, decided by the creditor. */
export const slaExtensionSchema = z.object({
  id: z.string(),
  businessDays: z.number().int().positive(),
  reason: z.string(),
  requestedAt: isoDateTime,
  requestedBy: z.string(),
  status: extensionStatusSchema,
  /** The creditor's approve_extension task. */
  approvalTaskId: z.string(),
  decidedAt: isoDateTime.optional(),
  decidedBy: z.string().optional(),
  note: z.string().optional(),
});
export type SlaExtension = z.infer<typeof slaExtensionSchema>;

/** Extension requests one task may carry (at most one undecided at a time). */
export const MAX_EXTENSIONS_PER_TASK = 3;

/** Where a task's deadline came from: the catalogue, the creditor's terms or a creditor–partner agreement. */
export const slaTermsRefSchema = z.object({
  source: z.enum(['catalogue', 'creditor', 'agreement']),
  /** The terms version in force when the task was created; 0 for the catalogue. */
  version: z.number().int().nonnegative(),
});
export type SlaTermsRef = z.infer<typeof slaTermsRefSchema>;

export const taskSchema = z.object({
  id: z.string(),
  type: taskTypeSchema,
  title: z.string(),
  description: z.string().optional(),
  accessLevel: partySchema,
  orgId: z.string(),
  caseId: z.string().nullable(),
  caseIds: z.array(z.string()).optional(),
  /** The uniqueness scope inside (type, party, org): at most one open task per scope. */
  scopeKey: z.string(),
  assigneeId: z.string().nullable(),
  status: taskStatusSchema,
  resolution: resolutionSchema.optional(),
  createdAt: isoDateTime,
  deadline: isoDateTime,
  originalDeadline: isoDateTime,
  completedAt: isoDateTime.optional(),
  completedBy: z.string().optional(),
  details: taskDetailsSchema.optional(),
  /** The next reminder still to send for this deadline, and the ones after it (cleared once all are sent). */
  reminder: reminderScheduleSchema.optional(),
  /** When the task was escalated to the org's owners and managers (once per deadline). */
  escalatedAt: isoDateTime.optional(),
  /** The case's creditor, on tasks about a case: the per-creditor scorecard breakdown. */
  creditorOrgId: z.string().optional(),
  /** The SLA terms the deadline was computed under (absent on tasks created before issue 19: catalogue). */
  slaTerms: slaTermsRefSchema.optional(),
  /**
   * The deadline the SLA is measured against: originalDeadline plus approved extensions plus paused
   * working time. Absent = originalDeadline.
   */
  slaDeadline: isoDateTime.optional(),
  /** Stretches during which the SLA clock stood still, oldest first. */
  clockPauses: z.array(clockPauseSchema).max(MAX_CLOCK_PAUSES).optional(),
  /** Working time (ms) of the closed pauses, the amount slaDeadline was moved by. */
  pausedWorkingMs: z.number().int().nonnegative().optional(),
  extensions: z.array(slaExtensionSchema).max(MAX_EXTENSIONS_PER_TASK).optional(),
  /**
   * An open task's copy of its case's details (issue 20): what its list row shows and its sort and search
   * keys come from, kept current while it is open (a completed task's view reads the case's).
   */
  caseDetails: caseDetailsSchema.optional(),
  /** Which details the copy is (core's caseDetailsStamp): a newer change replaces it, an older one never. */
  caseDetailsStamp: z.string().optional(),
  version: z.number().int().positive(),
});
export type Task = z.infer<typeof taskSchema>;

export const historyActionSchema = z.enum([
  'created',
  'updated',
  'postponed',
  'assigned',
  'completed',
  'auto_closed',
  'ai_resolved',
  'cancelled',
  'call_logged',
  'clock_paused',
  'clock_resumed',
  'extension_requested',
  'extension_approved',
  'extension_rejected',
  'extension_expired',
  'reopened',
]);
export type HistoryAction = z.infer<typeof historyActionSchema>;

export const actorSchema = z.object({
  kind: z.enum(['user', 'platform', 'ai']),
  id: z.string(),
});
export type Actor = z.infer<typeof actorSchema>;

/** A task field's value in a change; null where the field was absent (lifecycle's diff writes `?? null`). */
const changedValue = (field: z.ZodType) => z.nullable(field instanceof z.ZodOptional ? field.unwrap() : field);

/** Fields that changed, as {field: [before, after]}, for every task field but `version`, each with its own schema. */
export const taskChangesSchema = z
  .object(
    Object.fromEntries(
      Object.entries(taskSchema.omit({ version: true }).shape).map(([key, field]) => [
        key,
        // Exactly [before, after], said in the schema too (zod-to-openapi emits only `prefixItems`).
        z
          .tuple([changedValue(field), changedValue(field)])
          .meta({ minItems: 2, maxItems: 2, items: false })
          .optional(),
      ]),
    ),
  )
  .meta({ id: 'TaskChanges', description: 'Fields that changed, as {field: [before, after]}; null where absent' });

export const historyEntrySchema = z.object({
  taskId: z.string(),
  version: z.number().int().positive(),
  at: isoDateTime,
  action: historyActionSchema,
  actor: actorSchema,
  changes: taskChangesSchema.optional(),
  reason: z.string().optional(),
  /** The platform event that caused the change, when there was one. */
  eventId: z.string().optional(),
  /** The model that decided an `ai` resolution. */
  modelId: z.string().optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
