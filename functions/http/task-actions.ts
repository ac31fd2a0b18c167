// Portal writes: create a manual task, postpone, assign, mark as done, log a call. Rules in core; writes conditional.
import { createHash } from 'node:crypto';
import {
  assignTask,
  callResultSchema,
  catalogue,
  completeManually,
  creationEntry,
  deadlineAfter,
  ForbiddenError,
  logCall,
  manualTaskTypes,
  newTask,
  type Principal,
  postponeTask,
  rescheduleOnDeadlineMove,
  scheduleReminder,
  type TaskChange,
  TaskRuleError,
  TaskStateError,
  type TaskType,
  userActor,
} from '@casetasks/core';
import { createManualTask, getRequestKey, getTask, RequestKeyUsedError, saveChange } from '@casetasks/db';
import { ulid } from 'ulid';
import * as z from 'zod';
import { type HttpResult, httpHandler, httpRoute, type RouteMap } from '../middleware/http-handler.js';
import { serviceCalendar, tasksDb } from '../shared/clients.js';
import {
  changeableTask,
  entityIdSchema,
  instantSchema,
  noQuerySchema,
  taskIdParamsSchema,
  taskViewSchema,
  toTaskView,
} from './task-views.js';

const reasonSchema = z.string().trim().min(1).max(500);

export const createTaskBodySchema = z
  .strictObject({
    type: z
      .enum(manualTaskTypes as [TaskType, ...TaskType[]])
      .default('generic')
      .describe('generic (either party) or a collection-work type (partners)'),
    title: z.string().trim().min(1).max(200),
    description: z.string().max(4000).optional(),
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
type CreateTaskBody = z.infer<typeof createTaskBodySchema>;

const postponeBodySchema = z.strictObject({
  deadline: instantSchema.describe('The new deadline: later than now and than the current deadline'),
  reason: reasonSchema.optional(),
});

const assignBodySchema = z.strictObject({
  assigneeId: entityIdSchema.nullable().describe('A user of the organisation, or null to unassign'),
});

const completeBodySchema = z.strictObject({ reason: reasonSchema.optional() });

const callBodySchema = z.strictObject({
  result: callResultSchema,
  note: z.string().trim().min(1).max(2000).optional(),
  rescheduleTo: instantSchema.optional().describe('Keeps the reminder open with this new deadline'),
});

/** A retried create with the same key (per user, 24 h) returns the first task instead of a second one. */
const createHeadersSchema = z.looseObject({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,128}$/, 'must be 1-128 characters of letters, digits and ._:-')
    .optional()
    .describe('Optional: a retry with the same key and body returns the task of the first attempt'),
});

const manualDeadline = async (body: CreateTaskBody, now: Date): Promise<string> => {
  if (body.dueInBusinessDays !== undefined) return deadlineAfter(await serviceCalendar(), now, body.dueInBusinessDays);
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
const replay = async (principal: Principal, error: RequestKeyUsedError, fingerprint: string): Promise<HttpResult> => {
  const record = await getRequestKey(tasksDb(), error.ref);
  if (!record || record.fingerprint !== fingerprint) {
    throw new TaskStateError('Idempotency-Key was already used for a different request', 'Idempotency-Key');
  }
  const task = await getTask(tasksDb(), record.taskId, true);
  if (!task || task.orgId !== principal.orgId)
    throw new TaskStateError('the task of this key is gone', 'Idempotency-Key');
  return { statusCode: 201, body: toTaskView(task), headers: { 'idempotent-replayed': 'true' } };
};

/**
 * Reads the task the caller may change, applies a core rule, re-plans its reminders if the deadline
 * moved, and saves it conditionally on its version.
 */
const changeRoute = async (
  principal: Principal,
  id: string,
  now: Date,
  rule: (task: Awaited<ReturnType<typeof changeableTask>>) => TaskChange,
): Promise<HttpResult> => {
  const task = await changeableTask(principal, id);
  const change = rescheduleOnDeadlineMove(await serviceCalendar(), rule(task), now.toISOString());
  return { body: toTaskView(await saveChange(tasksDb(), change)) };
};

export const routes = {
  'POST /tasks': httpRoute({
    summary: "Create a manual task in the caller's organisation (optional Idempotency-Key header)",
    query: noQuerySchema,
    headers: createHeadersSchema,
    body: createTaskBodySchema,
    response: taskViewSchema,
    successStatus: 201,
    handle: async ({ principal, body, now, headers }) => {
      const key = headers['idempotency-key'];
      const party = catalogue[body.type].party;
      if (party !== 'either' && party !== principal.party) {
        throw new TaskRuleError(`${body.type} tasks are for ${party} organisations`, 'type');
      }
      const id = ulid(now.getTime());
      const task = scheduleReminder(
        await serviceCalendar(),
        newTask({
          id,
          type: body.type,
          party: principal.party,
          orgId: principal.orgId,
          scopeKey: id,
          createdAt: now.toISOString(),
          deadline: await manualDeadline(body, now),
          title: body.title,
          ...(body.description === undefined ? {} : { description: body.description }),
          caseId: body.caseId ?? null,
          assigneeId: manualAssignee(principal, body),
        }),
      );
      const fingerprint = createHash('sha256').update(JSON.stringify(body)).digest('base64url');
      const ref = key && { party: principal.party, orgId: principal.orgId, userId: principal.userId, key };
      try {
        await createManualTask(tasksDb(), task, creationEntry(task, userActor(principal)), {
          now,
          ...(ref ? { requestKey: { ref, fingerprint } } : {}),
        });
      } catch (error) {
        if (error instanceof RequestKeyUsedError) return replay(principal, error, fingerprint);
        throw error;
      }
      return { body: toTaskView(task) };
    },
  }),
  'POST /tasks/{id}/postpone': httpRoute({
    summary: 'Move the deadline later (open and not yet overdue); originalDeadline stays',
    params: taskIdParamsSchema,
    query: noQuerySchema,
    body: postponeBodySchema,
    response: taskViewSchema,
    handle: ({ principal, params, body, now }) =>
      changeRoute(principal, params.id, now, (task) =>
        postponeTask(task, body.deadline, userActor(principal), now.toISOString(), body.reason),
      ),
  }),
  'POST /tasks/{id}/assign': httpRoute({
    summary: 'Assign the task to a user of the organisation, or unassign it with null',
    params: taskIdParamsSchema,
    query: noQuerySchema,
    body: assignBodySchema,
    response: taskViewSchema,
    handle: ({ principal, params, body, now }) =>
      changeRoute(principal, params.id, now, (task) =>
        assignTask(task, body.assigneeId, userActor(principal), now.toISOString()),
      ),
  }),
  'POST /tasks/{id}/complete': httpRoute({
    summary: '"Mark as done": only where the catalogue allows manual completion, otherwise 409',
    params: taskIdParamsSchema,
    query: noQuerySchema,
    body: completeBodySchema,
    response: taskViewSchema,
    handle: ({ principal, params, body, now }) =>
      changeRoute(principal, params.id, now, (task) =>
        completeManually(task, userActor(principal), now.toISOString(), body.reason),
      ),
  }),
  'POST /tasks/{id}/calls': httpRoute({
    summary: 'Log a call on a call reminder: completes it, or keeps it open rescheduled to rescheduleTo',
    params: taskIdParamsSchema,
    query: noQuerySchema,
    body: callBodySchema,
    response: taskViewSchema,
    handle: ({ principal, params, body, now }) =>
      changeRoute(principal, params.id, now, (task) =>
        logCall(
          task,
          {
            result: body.result,
            ...(body.note === undefined ? {} : { note: body.note }),
            ...(body.rescheduleTo === undefined ? {} : { rescheduleTo: body.rescheduleTo }),
          },
          userActor(principal),
          now.toISOString(),
        ),
      ),
  }),
} satisfies RouteMap;

export const handler = httpHandler(routes);
