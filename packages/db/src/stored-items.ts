// Reading stored items that may no longer parse (older or newer writers, hand edits): one such item is
// skipped and reported to the Db's sink, and the rest of the read goes on.
import * as z from 'zod';
import type { Db } from './client.js';

export type { CorruptItem, CorruptItemSink } from './client.js';

/** zod paths and messages only: a SyntaxError from JSON.parse, say, would quote the stored text. */
const reasonOf = (error: unknown): string => {
  if (typeof error === 'string') return error;
  if (error instanceof z.ZodError) {
    return error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.map(String).join('.') || '(item)'}: ${issue.message}`)
      .join('; ');
  }
  return error instanceof Error ? error.name : 'unreadable';
};

/** Reports an item that does not parse (or a part of one) to the Db's sink; `error` may be the reason itself. */
export const reportCorruptItem = (db: Db, item: Record<string, unknown>, error: unknown): void => {
  db.onCorruptItem?.({
    pk: String(item.pk),
    sk: String(item.sk),
    ...(typeof item.kind === 'string' ? { kind: item.kind } : {}),
    reason: reasonOf(error),
  });
};

/** One stored item parsed, or undefined (reported) when it does not parse: read like a missing item. */
export const readStoredItem = <T>(
  db: Db,
  item: Record<string, unknown>,
  parse: (item: Record<string, unknown>) => T,
): T | undefined => {
  try {
    return parse(item);
  } catch (error) {
    reportCorruptItem(db, item, error);
    return undefined;
  }
};

/** The items that parse, in order; each one that does not is reported and left out. */
export const readStoredItems = <T>(
  db: Db,
  items: readonly Record<string, unknown>[],
  parse: (item: Record<string, unknown>) => T,
): T[] =>
  items.flatMap((item) => {
    const parsed = readStoredItem(db, item, parse);
    return parsed === undefined ? [] : [parsed];
  });
