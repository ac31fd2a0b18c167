// Portal writes: create a manual task, postpone, assign, mark as done, log a call. Rules in core; writes conditional.
import { createHash } from 'node:crypto';
import { autoAssign, principalPolicy, servicePolicies } from '@casetasks/app/policies';
import { tasksDb } from '@casetasks/app/runtime';
import {
  assignTask,
  type Calendar,
  callResultSchema,
  catalogue,
  completeManually,
  creationEntry,
  DomainError,
  deadlineAfter,
  ForbiddenError,
  logCall,
  manualTaskTypes,
  newTask,
  type OrgPolicy,
  type Principal,
  postponeTask,
  rescheduleOnDeadlineMove,
  scheduleReminder,
  type Task,
  type TaskChange,
  TaskNotFoundError,
  TaskRuleError,
  TaskStateError,
  type TaskType,
  userActor,
  wellFormedTextSchema,
} from '@casetasks/core';
import {
  createManualTask,
  getRequestKey,
  getTask,
  mapBounded,
  RequestKeyUsedError,
  saveChange,
  VersionConflictError,
} from '@casetasks/db';
import { ulid } from 'ulid';
import * as z from 'zod';
import { type HttpResult, httpHandler, httpRoute, type RouteMap } from '../middleware/http-handler.js';
import {
  changeableTask,
  entityIdSchema,
  instantSchema,
  noQuerySchema,
  taskIdParamsSchema,
  taskIdSchema,
  taskViewSchema,
  toTaskView,
} from './task-views.js';

const reasonSchema = wellFormedTextSchema.trim().min(1).max(500);

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
type CreateTaskBody = z.infer<typeof createTaskBodySchema>;

const postponeBodySchema = z.strictObject({
  deadline: instantSchema.describe('The new deadline: later than now and than the current deadline'),
  reason: reasonSchema.optional(),
});

const assignBodySchema = z.strictObject({
  assigneeId: entityIdSchema.nullable().describe('A user of the organisation, or null to unassign'),
});

const completeBodySchema = z.strictObject({ reason: reasonSchema.optional() });

/** A bulk item is the single route's body plus the task id and the action naming the route. */
const bulkItemSchema = z
  .discriminatedUnion('action', [
    assignBodySchema.extend({ id: taskIdSchema, action: z.literal('assign') }),
    postponeBodySchema.extend({ id: taskIdSchema, action: z.literal('postpone') }),
    completeBodySchema.extend({ id: taskIdSchema, action: z.literal('complete') }),
  ])
  .meta({ id: 'BulkItem' });
type BulkItem = z.infer<typeof bulkItemSchema>;

const MAX_BULK_ITEMS = 100;
/** Items are independent conditional writes; a few in flight keep a 100-item call well inside the timeout. */
const BULK_CONCURRENCY = 8;

const bulkBodySchema = z
  .strictObject({
    items: z.array(bulkItemSchema).min(1).max(MAX_BULK_ITEMS).describe('1-100 changes, each on a different task'),
  })
  .superRefine((body, ctx) => {
    // Two changes of one call on the same task would race each other's version check.
    const seen = new Set<string>();
    body.items.forEach((item, index) => {
      if (seen.has(item.id)) {
        ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: 'the same task appears twice' });
      }
      seen.add(item.id);
    });
  });

const bulkStatuses = ['applied', 'not_found', 'forbidden', 'conflict', 'invalid'] as const;
type BulkStatus = (typeof bulkStatuses)[number];

const bulkResultSchema = z
  .object({
    id: taskIdSchema,
    action: z.enum(['assign', 'postpone', 'complete']),
    status: z.enum(bulkStatuses),
    task: taskViewSchema.optional().describe('The changed task (applied only)'),
    error: z
      .object({ code: z.string(), message: z.string(), field: z.string().optional() })
      .optional()
      .describe('Why the item was refused: what the single route would have answered'),
  })
  .meta({ id: 'BulkResult' });
type BulkResult = z.infer<typeof bulkResultSchema>;

const bulkResponseSchema = z.object({
  results: z.array(bulkResultSchema).describe('One per item, in request order'),
  counts: z.record(z.enum(bulkStatuses), z.number().int().min(0)),
});

const callBodySchema = z.strictObject({
  result: callResultSchema,
  note: wellFormedTextSchema.trim().min(1).max(2000).optional(),
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
 * Reads the task the caller may change, applies a core rule, re-plans its reminders on the org's
 * calendar if the deadline moved, and saves it conditionally on its version. The single routes and
 * every item of a bulk call go through here, so both apply the same access rules. The org's settings
 * are read only for a change that moves the deadline; a bulk call shares one read across its items.
 */
export const applyChange = async (
  principal: Principal,
  id: string,
  now: Date,
  rule: (task: Task) => TaskChange,
  policyOf: () => Promise<OrgPolicy> = () => principalPolicy(principal),
): Promise<Task> => {
  const change = rule(await changeableTask(principal, id));
  const moved = change.after.deadline !== change.before.deadline;
  const planned = moved ? rescheduleOnDeadlineMove(await policyOf(), change, now.toISOString()) : change;
  return saveChange(tasksDb(), planned);
};

const changeRoute = async (
  principal: Principal,
  id: string,
  now: Date,
  rule: (task: Task) => TaskChange,
): Promise<HttpResult> => ({ body: toTaskView(await applyChange(principal, id, now, rule)) });

type Rule = (task: Task) => TaskChange;

// The core rule behind each change action, shared by its single route and bulk items.
const postponeRule =
  (principal: Principal, now: Date, body: z.infer<typeof postponeBodySchema>): Rule =>
  (task) =>
    postponeTask(task, body.deadline, userActor(principal), now.toISOString(), body.reason);

const assignRule =
  (principal: Principal, now: Date, body: z.infer<typeof assignBodySchema>): Rule =>
  (task) =>
    assignTask(task, body.assigneeId, userActor(principal), now.toISOString());

const completeRule =
  (principal: Principal, now: Date, body: z.infer<typeof completeBodySchema>): Rule =>
  (task) =>
    completeManually(task, userActor(principal), now.toISOString(), body.reason);

const itemRule = (principal: Principal, now: Date, item: BulkItem): Rule => {
  switch (item.action) {
    case 'assign':
      return assignRule(principal, now, item);
    case 'postpone':
      return postponeRule(principal, now, item);
    case 'complete':
      return completeRule(principal, now, item);
  }
};

/** The item's status for an error a rule or a concurrent change raised; undefined when it is no item's fault. */
const refusalStatus = (error: DomainError | VersionConflictError): BulkStatus | undefined => {
  if (error instanceof TaskNotFoundError) return 'not_found';
  if (error instanceof ForbiddenError) return 'forbidden';
  if (error instanceof TaskStateError || error instanceof VersionConflictError) return 'conflict';
  return error.statusCode === 400 ? 'invalid' : undefined;
};

const bulkItem = async (
  principal: Principal,
  now: Date,
  policyOf: () => Promise<OrgPolicy>,
  item: BulkItem,
): Promise<BulkResult> => {
  const { id, action } = item;
  try {
    const task = await applyChange(principal, id, now, itemRule(principal, now, item), policyOf);
    return { id, action, status: 'applied', task: toTaskView(task) };
  } catch (error) {
    const refused = error instanceof DomainError || error instanceof VersionConflictError ? error : undefined;
    const status = refused && refusalStatus(refused);
    // Anything else (DynamoDB down, a bug) fails the whole call with a 500: hidden in one item's status
    // it would read as the item's fault. Items already saved stay saved; a retry refuses them as
    // conflict or invalid (already completed, assigned or postponed), so it applies nothing twice.
    if (!refused || !status) throw error;
    const field = refused instanceof DomainError ? refused.field : undefined;
    return {
      id,
      action,
      status,
      error: { code: refused.code, message: refused.message, ...(field === undefined ? {} : { field }) },
    };
  }
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
      changeRoute(principal, params.id, now, postponeRule(principal, now, body)),
  }),
  'POST /tasks/{id}/assign': httpRoute({
    summary: 'Assign the task to a user of the organisation, or unassign it with null',
    params: taskIdParamsSchema,
    query: noQuerySchema,
    body: assignBodySchema,
    response: taskViewSchema,
    handle: ({ principal, params, body, now }) =>
      changeRoute(principal, params.id, now, assignRule(principal, now, body)),
  }),
  'POST /tasks/{id}/complete': httpRoute({
    summary: '"Mark as done": only where the catalogue allows manual completion, otherwise 409',
    params: taskIdParamsSchema,
    query: noQuerySchema,
    body: completeBodySchema,
    response: taskViewSchema,
    handle: ({ principal, params, body, now }) =>
      changeRoute(principal, params.id, now, completeRule(principal, now, body)),
  }),
  'POST /tasks/bulk': httpRoute({
    summary: 'Assign, postpone or mark as done up to 100 tasks; each item is applied or refused on its own',
    query: noQuerySchema,
    body: bulkBodySchema,
    response: bulkResponseSchema,
    handle: async ({ principal, body, now }) => {
      // The lookup reads the org's settings at most once, and only if an item moves a deadline.
      const lookup = await servicePolicies();
      const policyOf = () => lookup.of(principal.party, principal.orgId);
      const results = await mapBounded(body.items, BULK_CONCURRENCY, (item) =>
        bulkItem(principal, now, policyOf, item),
      );
      const counts = Object.fromEntries(
        bulkStatuses.map((status) => [status, results.filter((result) => result.status === status).length]),
      ) as Record<BulkStatus, number>;
      return { body: { results, counts } };
    },
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
