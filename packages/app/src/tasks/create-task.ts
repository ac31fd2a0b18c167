// Create a manual task in the caller's org: deadline on the org's calendar, auto-assignment, optional Idempotency-Key.

import {
  type Calendar,
  catalogue,
  creationEntry,
  deadlineAfter,
  ForbiddenError,
  manualTaskTypes,
  newTask,
  type Principal,
  scheduleReminder,
  TaskRuleError,
  TaskStateError,
  type TaskType,
  userActor,
  wellFormedTextSchema,
} from '@casetasks/core';
import { createManualTask, getRequestKeyRecord, getTask, RequestKeyUsedError } from '@casetasks/db';
import { ulid } from 'ulid';
import * as z from 'zod';
import { autoAssign, principalPolicy } from '../policies/org-policies.js';
import { tasksDb } from '../runtime/clients.js';
import { requestFingerprint, requestKeyRefOf } from './request-key-replay.js';
import { entityIdSchema, instantSchema, type TaskView, taskView } from './task-view.js';

export const createTaskBodySchema = z
  .strictObject({
    type: z
      .enum(manualTaskTypes as [TaskType, ...TaskType[]])
      .default('generic')
      .describe('generic (either party) or a collection-work type (partners)'),
    title: wellFormedTextSchema.trim().min(1).max(200),
    description: wellFormedTextSchema.max(4000).optional(),
    caseId: entityIdSchema.optional(),
    assigneeId: entityIdSchema.nullable().optional().describe('Default: unassigned (contributors: themselves)'),
    deadline: instantSchema.optional(),
    dueInBusinessDays: z.number().int().min(1).max(260).optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.deadline === undefined) === (body.dueInBusinessDays === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [body.deadline === undefined ? 'deadline' : 'dueInBusinessDays'],
        message: 'give exactly one of deadline or dueInBusinessDays',
      });
    }
  });
export type CreateTaskBody = z.infer<typeof createTaskBodySchema>;

/** A retried create with the same key (per user, 24 h) returns the first task instead of a second one. */
export const createTaskHeadersSchema = z.looseObject({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,128}$/, 'must be 1-128 characters of letters, digits and ._:-')
    .optional()
    .describe('Optional: a retry with the same key and body returns the task of the first attempt'),
});

const manualDeadline = (calendar: Calendar, body: CreateTaskBody, now: Date): string => {
  if (body.dueInBusinessDays !== undefined) return deadlineAfter(calendar, now, body.dueInBusinessDays);
  const deadline = new Date(body.deadline ?? '');
  if (deadline.getTime() <= now.getTime()) throw new TaskRuleError('deadline must be in the future', 'deadline');
  return deadline.toISOString();
};

/** Contributors act only on their own tasks, so what they create is theirs. */
const manualAssignee = (principal: Principal, body: CreateTaskBody): string | null => {
  if (principal.role !== 'contributor') return body.assigneeId ?? null;
  if (body.assigneeId !== undefined && body.assigneeId !== principal.userId) {
    throw new ForbiddenError('contributors may create tasks only for themselves', 'assigneeId');
  }
  return principal.userId;
};

/** A retried create: the same key and body give the first task back; another body is a conflict. */
const replay = async (principal: Principal, error: RequestKeyUsedError, fingerprint: string): Promise<TaskView> => {
  const record = await getRequestKeyRecord(tasksDb(), error.ref);
  if (!record || record.fingerprint !== fingerprint) {
    throw new TaskStateError('Idempotency-Key was already used for a different request', 'Idempotency-Key');
  }
  const task = await getTask(tasksDb(), record.taskId, true);
  if (!task || task.orgId !== principal.orgId)
    throw new TaskStateError('the task of this key is gone', 'Idempotency-Key');
  return await taskView(task);
};

/** The created task, or with `replayed` the task an earlier call with the same key created. */
export const createTask = async (
  principal: Principal,
  body: CreateTaskBody,
  now: Date,
  idempotencyKey?: string,
): Promise<{ task: TaskView; replayed: boolean }> => {
  const party = catalogue[body.type].party;
  if (party !== 'either' && party !== principal.party) {
    throw new TaskRuleError(`${body.type} tasks are for ${party} organisations`, 'type');
  }
  const id = ulid(now.getTime());
  const policy = await principalPolicy(principal);
  const planned = scheduleReminder(
    policy,
    newTask({
      id,
      type: body.type,
      party: principal.party,
      orgId: principal.orgId,
      scopeKey: id,
      createdAt: now.toISOString(),
      deadline: manualDeadline(policy.calendar, body, now),
      title: body.title,
      ...(body.description === undefined ? {} : { description: body.description }),
      caseId: body.caseId ?? null,
      assigneeId: manualAssignee(principal, body),
    }),
  );
  // Left unassigned on purpose (`assigneeId: null`) stays unassigned; omitted follows the org's rule.
  const task = body.assigneeId === undefined ? await autoAssign(tasksDb(), policy, planned) : planned;
  const fingerprint = requestFingerprint(body);
  const ref = requestKeyRefOf(principal, idempotencyKey);
  try {
    await createManualTask(tasksDb(), task, creationEntry(task, userActor(principal)), {
      now,
      ...(ref ? { requestKey: { ref, fingerprint } } : {}),
    });
  } catch (error) {
    if (error instanceof RequestKeyUsedError)
      return { task: await replay(principal, error, fingerprint), replayed: true };
    throw error;
  }
  return { task: await taskView(task), replayed: false };
};
