// Opaque list cursors: base64url of the page's LastEvaluatedKey and the index it belongs to, checked on the way back in.
import { prototypeKeyPath } from '@casetasks/core';
import { byCasePrefix, indexes, startKeyFits, type TaskListFilter, type TaskListQuery } from '@casetasks/db';
import * as z from 'zod';
import { RequestValidationError } from '../middleware/http-errors.js';
import { taskIdSchema } from './task-views.js';

const cursorSchema = z.strictObject({
  i: z.string(),
  k: z.record(z.string(), z.string()),
});

/**
 * As stored: `toISOString`, or an event's time (at most nanoseconds and an offset: 35 characters). Also
 * the `+010000-…` form older writers keyed: a page may end on such an unreadable item (skipped by the
 * read), and its cursor must still lead past it.
 */
const sortInstantSchema = z.union([
  z.iso.datetime({ offset: true }).max(35),
  z.string().regex(/^[+-]\d{6}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
]);

export const encodeCursor = (query: TaskListQuery, lastKey: Record<string, unknown>): string =>
  Buffer.from(JSON.stringify({ i: query.index, k: lastKey }), 'utf8').toString('base64url');

const invalidCursor = () =>
  new RequestValidationError([{ field: 'cursor', message: 'cursor is not valid for this list; start again' }]);

/**
 * The key grammar a list index gives a task (packages/db task-item.ts): pk `task#{id}`, and a sort key
 * `{instant}#{id}` of that same task, after the `open#{party}#{org}#` prefix on byCase. Anything else
 * (an empty or oversized key value, another task's id, free text) is no key this list could have
 * produced, and DynamoDB would refuse some of it with a 500.
 */
const isTaskKeyOf = (query: TaskListQuery, filter: TaskListFilter, key: Record<string, string>): boolean => {
  const id = key.pk?.startsWith('task#') ? key.pk.slice('task#'.length) : '';
  const prefix = query.index === 'byCase' ? byCasePrefix('open', filter.party, filter.orgId) : '';
  const sortKey = key[indexes[query.index].sortKey] ?? '';
  if (!taskIdSchema.safeParse(id).success || !sortKey.startsWith(prefix) || !sortKey.endsWith(`#${id}`)) {
    return false;
  }
  return sortInstantSchema.safeParse(sortKey.slice(prefix.length, -(id.length + 1))).success;
};

/**
 * The start key of a cursor, only if it was made for this very list: same index, same partition
 * and key range, and a key of the shape the index holds. A cursor from another list, org or party,
 * or a crafted one, is refused (400 on `cursor`) instead of read.
 */
export const decodeCursor = (cursor: string, query: TaskListQuery, filter: TaskListFilter): Record<string, string> => {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const parsed = cursorSchema.safeParse(raw);
  if (
    !parsed.success ||
    // A record drops an own `__proto__` key silently: the cursor would not be the key it claims.
    prototypeKeyPath(raw) !== undefined ||
    parsed.data.i !== query.index ||
    !startKeyFits(query, parsed.data.k) ||
    !isTaskKeyOf(query, filter, parsed.data.k)
  ) {
    throw invalidCursor();
  }
  return parsed.data.k;
};
