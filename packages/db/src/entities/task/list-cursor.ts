// Opaque list cursors: base64url of the page's LastEvaluatedKey and the index it belongs to, checked on the
// way back in against the plan it must continue, so a crafted or foreign cursor is refused instead of read.
import { prototypeKeyPath } from '@casetasks/core';
import * as z from 'zod';
import { type IndexName, indexes } from '../../table-definition.js';
import { taskPartitionKey } from './task-item.js';
import { startKeyFits, type TaskListQuery } from './task-list.js';

/** A 400 naming `cursor`, in the shape of a request the route's schemas refused (`fields` lists it). */
export class InvalidListCursorError extends Error {
  readonly statusCode = 400;
  readonly code = 'invalid_request';
  readonly fields = [{ field: 'cursor', message: 'cursor is not valid for this list; start again' }];
  constructor() {
    super('invalid request: cursor');
    this.name = 'InvalidListCursorError';
  }
}

const cursorSchema = z.strictObject({
  i: z.string(),
  k: z.record(z.string(), z.string()),
});

/** Task ids are ULIDs (the API's task id grammar). */
const taskIdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/i);

/**
 * As stored: `toISOString`, or an event's time (at most nanoseconds and an offset: 35 characters). Also
 * the `+010000-…` form older writers keyed: a page may end on such an unreadable item (skipped by the
 * read), and its cursor must still lead past it.
 */
const sortInstantSchema = z.union([
  z.iso.datetime({ offset: true }).max(35),
  z.string().regex(/^[+-]\d{6}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
]);

/** The cursor that continues `plan` after `lastKey` (a page's LastEvaluatedKey). */
export const encodeListCursor = (plan: TaskListQuery, lastKey: Record<string, unknown>): string =>
  Buffer.from(JSON.stringify({ i: plan.index, k: lastKey }), 'utf8').toString('base64url');

/** What a sort key holds before `#{id}`, per index (task-item.ts): an instant, an amount, a search key. */
const sortValueSchemas: Partial<Record<IndexName, z.ZodType<string>>> = {
  openByAmount: z.string().regex(/^(\d{16}|-)$/),
  openByReference: z
    .string()
    .regex(/^[\p{L}\p{N}]+( [\p{L}\p{N}]+)*$/u)
    .max(256),
  openByDebtor: z
    .string()
    .regex(/^[\p{L}\p{N}]+( [\p{L}\p{N}]+)*$/u)
    .max(256),
};

/**
 * The key grammar a list index gives a task (task-item.ts): pk `task#{id}`, and a sort key `{instant}#{id}`
 * of that same task, after the plan's sort-key prefix (byCase: `open#{party}#{org}#`). Anything else (an
 * empty or oversized key value, another task's id, free text) is no key this list could have produced,
 * and DynamoDB would refuse some of it with a 500.
 */
const isTaskKeyOf = (plan: TaskListQuery, key: Record<string, string>): boolean => {
  const partition = taskPartitionKey('');
  const id = key.pk?.startsWith(partition) ? key.pk.slice(partition.length) : '';
  const prefix = plan.sortKeyPrefix ?? '';
  const sortKey = key[indexes[plan.index].sortKey] ?? '';
  if (!taskIdSchema.safeParse(id).success || !sortKey.startsWith(prefix) || !sortKey.endsWith(`#${id}`)) {
    return false;
  }
  const value = sortKey.slice(prefix.length, -(id.length + 1));
  return (sortValueSchemas[plan.index] ?? sortInstantSchema).safeParse(value).success;
};

const parseCursor = (cursor: string): z.infer<typeof cursorSchema> => {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidListCursorError();
  }
  const parsed = cursorSchema.safeParse(raw);
  // A record drops an own `__proto__` key silently: the cursor would not be the key it claims.
  if (!parsed.success || prototypeKeyPath(raw) !== undefined) throw new InvalidListCursorError();
  return parsed.data;
};

/**
 * Where a list of plans (listPlans) continues: which plan, and after which key. A page never ends between
 * two plans: a Query that reaches its Limit always returns a LastEvaluatedKey, so a plan that ends without
 * one left room on the page for the next plan, which the same request reads.
 */
export interface ListPosition {
  phase: number;
  startKey?: Record<string, string>;
}

/**
 * The position of a cursor, only if it was made for this very list: one of its plans, the same partition
 * and key range, and a key of the shape the index holds. A cursor
 * from another list, org or party, or a crafted one, is refused (InvalidListCursorError: 400 on `cursor`)
 * instead of read.
 */
export const decodeListCursorOf = (plans: readonly TaskListQuery[], cursor: string): Required<ListPosition> => {
  const { i, k } = parseCursor(cursor);
  const phase = plans.findIndex((plan) => plan.index === i);
  const plan = plans[phase];
  if (!plan || !startKeyFits(plan, k) || !isTaskKeyOf(plan, k)) throw new InvalidListCursorError();
  return { phase, startKey: k };
};

/** The start key of a cursor of a one-plan list (decodeListCursorOf). */
export const decodeListCursor = (plan: TaskListQuery, cursor: string): Record<string, string> =>
  decodeListCursorOf([plan], cursor).startKey;
