// Opaque list cursors: base64url of the page's LastEvaluatedKey and the index it belongs to, checked on the way back in.
import { startKeyFits, type TaskListQuery } from '@casetasks/db';
import * as z from 'zod';
import { RequestValidationError } from '../middleware/http-errors.js';

const cursorSchema = z.strictObject({
  i: z.string(),
  k: z.record(z.string(), z.string()),
});

export const encodeCursor = (query: TaskListQuery, lastKey: Record<string, unknown>): string =>
  Buffer.from(JSON.stringify({ i: query.index, k: lastKey }), 'utf8').toString('base64url');

const invalidCursor = () =>
  new RequestValidationError([{ field: 'cursor', message: 'cursor is not valid for this list; start again' }]);

/**
 * The start key of a cursor, only if it was made for this very list: same index, same partition
 * and key range. A cursor from another list, org or party is refused instead of read.
 */
export const decodeCursor = (cursor: string, query: TaskListQuery): Record<string, string> => {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const parsed = cursorSchema.safeParse(raw);
  if (!parsed.success || parsed.data.i !== query.index || !startKeyFits(query, parsed.data.k)) throw invalidCursor();
  return parsed.data.k;
};
