// The paused-case follow-up's data between states and its state names, shared by the construct, the steps and local mode.
import { partySchema } from '@casetasks/core';
import * as z from 'zod';

const isoTime = z.iso.datetime({ offset: true });

/** Execution input: what the `Case Survey Submitted` (outcome pause) handler passes to the start. */
export const followUpStartSchema = z.object({
  caseId: z.string().min(1),
  /** The survey that paused the case: the pause's identity. */
  surveyId: z.string().min(1),
  unblockingParty: partySchema,
  creditorOrgId: z.string().min(1),
  partnerOrgId: z.string().min(1),
  /** `time` of the pausing event: the 14-business-day clock starts here. */
  pausedAt: isoTime,
  eventId: z.string().optional(),
  /** The starting invocation's correlation id (the deployed starter adds it; docs/observability.md). */
  correlationId: z.string().optional(),
});
export type FollowUpStart = z.infer<typeof followUpStartSchema>;

/** What every step returns: the Wait states read the computed timestamps, the Choices read `open`. */
export const followUpStateSchema = z.object({
  caseId: z.string(),
  surveyId: z.string(),
  /** false: the task is closed (or was never opened): the execution ends quietly. */
  open: z.boolean(),
  taskId: z.string().optional(),
  /** deadline − 3 business days (the task org's calendar). */
  approachingAt: isoTime.optional(),
  deadline: isoTime.optional(),
  /** deadline + 7 calendar days. */
  escalateAt: isoTime.optional(),
  /** Carried from step to step: each step logs, and writes its outbox items, under it. */
  correlationId: z.string().optional(),
});
export type FollowUpState = z.infer<typeof followUpStateSchema>;

export const followUpStageSchema = z.enum(['approaching', 'overdue', 'escalated']);
export type FollowUpStage = z.infer<typeof followUpStageSchema>;

export const followUpReminderInputSchema = z.object({ state: followUpStateSchema, stage: followUpStageSchema });
export type FollowUpReminderInput = z.infer<typeof followUpReminderInputSchema>;

/** State names: the construct names its states with these, local mode binds handlers by them. */
export const followUpStates = {
  createTask: 'Create follow-up task',
  reminder: {
    approaching: 'Send approaching reminder',
    overdue: 'Send overdue reminder',
    escalated: 'Escalate paused case',
  },
} as const satisfies { createTask: string; reminder: Record<FollowUpStage, string> };
