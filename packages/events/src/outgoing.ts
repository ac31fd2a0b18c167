// Events the service emits on its own bus (source `casetasks`): declared once for publishers, consumers and docs.
import { partySchema, type Task, type TaskChange, taskSchema, taskTypeSchema } from '@casetasks/core';
import * as z from 'zod';
import { publishedMetadataSchema } from './published.js';

const isoTime = z.iso.datetime({ offset: true });

/** `Task Created` / `Task Completed`: the task as written (built by taskCreated / taskCompleted below). */
export const taskLifecycleDetailSchema = z.object({ task: taskSchema });

/** `Task Deadline Approaching` / `Task Overdue` / `Paused Case Escalated`: the task when the reminder went out. */
export const taskReminderDetailSchema = z.object({
  task: taskSchema,
  remindedAt: isoTime,
  /** The org's warning threshold that fired (`Task Deadline Approaching`), e.g. `50%` or `3bd`. */
  threshold: z.string().optional(),
});

/** `Task Escalated`: still open N business days after its deadline; for the org's owners and managers. */
export const taskEscalatedDetailSchema = z.object({
  task: taskSchema,
  escalatedAt: isoTime,
  businessDaysOverdue: z.number().int().positive(),
  notify: z.object({ party: partySchema, orgId: z.string(), roles: z.array(z.enum(['owner', 'manager'])) }),
});

export const digestRecipientSchema = z.object({
  party: partySchema,
  orgId: z.string(),
  /** null: the organisation's unassigned tasks. */
  assigneeId: z.string().nullable(),
});

/** A task as a digest lists it. */
const digestTaskSchema = z.object({
  id: z.string(),
  type: taskTypeSchema,
  title: z.string(),
  caseId: z.string().nullable(),
  deadline: isoTime,
});

export const dailyDigestDetailSchema = z.object({
  recipient: digestRecipientSchema,
  /** Local day (YYYY-MM-DD) in the recipient org's calendar. */
  day: z.iso.date(),
  counts: z.object({ overdue: z.number().int(), dueToday: z.number().int(), upcoming: z.number().int() }),
  tasks: z.array(digestTaskSchema),
  /** Org recipient only: open tasks escalated to owners and managers, whoever they are assigned to. */
  escalated: z.array(digestTaskSchema.extend({ assigneeId: z.string().nullable(), escalatedAt: isoTime })).optional(),
});

export const outgoingDetailSchemas = {
  'Task Created': taskLifecycleDetailSchema,
  'Task Completed': taskLifecycleDetailSchema,
  'Task Deadline Approaching': taskReminderDetailSchema,
  'Task Overdue': taskReminderDetailSchema,
  'Paused Case Escalated': taskReminderDetailSchema,
  'Task Escalated': taskEscalatedDetailSchema,
  'Daily Digest': dailyDigestDetailSchema,
} as const;

export type OutgoingDetailType = keyof typeof outgoingDetailSchemas;
export const outgoingDetailTypes = Object.keys(outgoingDetailSchemas) as OutgoingDetailType[];
export type OutgoingDetail<T extends OutgoingDetailType> = z.infer<(typeof outgoingDetailSchemas)[T]>;

/** The schema of a published detail of one detail-type: what a consumer of the `casetasks` source parses. */
export const publishedDetailSchema = <T extends OutgoingDetailType>(detailType: T) =>
  outgoingDetailSchemas[detailType].extend(publishedMetadataSchema.shape);

/** One outgoing event as the outbox stores it, validated against its detail-type's schema. */
export const outgoingEventSchema = z.discriminatedUnion('detailType', [
  z.object({ detailType: z.literal('Task Created'), detail: taskLifecycleDetailSchema }),
  z.object({ detailType: z.literal('Task Completed'), detail: taskLifecycleDetailSchema }),
  z.object({ detailType: z.literal('Task Deadline Approaching'), detail: taskReminderDetailSchema }),
  z.object({ detailType: z.literal('Task Overdue'), detail: taskReminderDetailSchema }),
  z.object({ detailType: z.literal('Paused Case Escalated'), detail: taskReminderDetailSchema }),
  z.object({ detailType: z.literal('Task Escalated'), detail: taskEscalatedDetailSchema }),
  z.object({ detailType: z.literal('Daily Digest'), detail: dailyDigestDetailSchema }),
]);
/** What the outbox accepts: one outgoing event, its detail typed by its detail-type. */
export type OutgoingEvent = z.infer<typeof outgoingEventSchema>;
export type OutgoingPlatformEvent = OutgoingEvent;

/** The outgoing event of one detail-type: what a typed builder returns. */
export type OutgoingEventOf<T extends OutgoingDetailType> = Extract<OutgoingEvent, { detailType: T }>;

/** `Task Created`: goes out with every task written for the first time. */
export const taskCreated = (task: Task): OutgoingEventOf<'Task Created'> => ({
  detailType: 'Task Created',
  detail: { task },
});

/** `Task Completed`: goes out with the write that closes the task. */
export const taskCompleted = (task: Task): OutgoingEventOf<'Task Completed'> => ({
  detailType: 'Task Completed',
  detail: { task },
});

/** What a saved change announces: `Task Completed` when it closes the task, nothing otherwise. */
export const taskChangeEvents = ({ before, after }: Pick<TaskChange, 'before' | 'after'>): OutgoingEvent[] =>
  before.status === 'open' && after.status === 'completed' ? [taskCompleted(after)] : [];
