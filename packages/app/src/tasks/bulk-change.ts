// Bulk changes: up to 100 assign / postpone / complete items, each applied or refused on its own like its single route.

import {
  DomainError,
  ForbiddenError,
  mapBounded,
  type OrgPolicy,
  type Principal,
  TaskNotFoundError,
  TaskStateError,
} from '@casetasks/core';
import { VersionConflictError } from '@casetasks/db';
import * as z from 'zod';
import { servicePolicies } from '../policies/org-policies.js';
import { assignBodySchema, changeTask, completeBodySchema, postponeBodySchema } from './change-task.js';
import { taskIdSchema, taskViewSchema } from './task-view.js';

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

export const bulkBodySchema = z
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
export type BulkBody = z.infer<typeof bulkBodySchema>;

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

export const bulkResponseSchema = z.object({
  results: z.array(bulkResultSchema).describe('One per item, in request order'),
  counts: z.record(z.enum(bulkStatuses), z.number().int().min(0)),
});
export type BulkResponse = z.infer<typeof bulkResponseSchema>;

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
    return { id, action, status: 'applied', task: await changeTask(principal, id, action, item, now, policyOf) };
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

/** Every item in request order, with the count per status. */
export const changeTasksInBulk = async (principal: Principal, body: BulkBody, now: Date): Promise<BulkResponse> => {
  // The lookup reads the org's settings at most once, and only if an item moves a deadline.
  const lookup = await servicePolicies();
  const policyOf = () => lookup.of(principal.party, principal.orgId);
  const results = await mapBounded(body.items, BULK_CONCURRENCY, (item) => bulkItem(principal, now, policyOf, item));
  const counts = Object.fromEntries(
    bulkStatuses.map((status) => [status, results.filter((result) => result.status === status).length]),
  ) as Record<BulkStatus, number>;
  return { results, counts };
};
