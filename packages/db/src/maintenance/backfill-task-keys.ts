// Issue 20's one-off migration: open tasks written before it get their keys in openByCreated and openByAmount
// and join their case's members with the case's current keys (so later details changes reach them); so do
// those the service changed since the upgrade (their keys, but not their membership, came with the write). This is
// the one Scan in the repository: an operator runs it once per stage after the upgrade (docs/operations.md,
// `npm run backfill:task-keys`), with their own credentials; no request path or function ever scans.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mapBounded } from '@casetasks/core';
import * as z from 'zod';
import type { Db } from '../client.js';
import { addCaseMember, isCaseMember } from '../entities/case-details.js';
import { fromTaskItem, toTaskItem } from '../entities/task/task-item.js';
import { commitWithCaseDetails } from '../entities/task/task-writes.js';
import { VersionConflictError } from '../errors.js';
import { InstantOutOfRangeError } from '../keys/instant-key.js';
import { indexes } from '../table-definition.js';
import { Transaction } from '../transaction.js';

export interface BackfillCounts {
  /** Items the Scan read (all kinds: the filter is applied after the read, so this is the capacity paid). */
  scanned: number;
  /** Open tasks re-keyed and made members of their case (with `dryRun`: that would be). */
  rekeyed: number;
  /** Keyed open tasks of a case without details, already members (written since the upgrade): nothing to do. */
  current: number;
  /** Written meanwhile by the service, or its case's details kept changing: the next run looks again. */
  skipped: number;
  /** Items that no longer parse as a task: left as they are, reported by key. */
  unreadable: number;
}

export interface BackfillOptions {
  /** Parallel Scan segments (each a sequential walk of its share of the table). */
  segments?: number;
  /** Count what would be re-keyed; write nothing. */
  dryRun?: boolean;
  /** Called after each page of each segment with the running totals. */
  onProgress?: (counts: BackfillCounts) => void;
  /** Told of each unreadable item's key and why (never its content). */
  onUnreadable?: (key: { pk: string; sk: string }, reason: string) => void;
}

export type RekeyOutcome = 'rekeyed' | 'current' | 'skipped' | 'unreadable';

const DEFAULT_SEGMENTS = 4;
/** Task writes in flight per segment. */
const WRITES_PER_SEGMENT = 8;

/**
 * Writes one task item again through toTaskItem (its keys built where every write builds them), with its
 * case's current keys and member item, iff nobody wrote it since it was read and it still has no case keys.
 * A conflict is skipped, not retried: the newer version has the index keys, and the next run finds it
 * again if it still lacks its membership.
 */
export const rekeyTaskItem = async (
  db: Db,
  item: Record<string, unknown>,
  dryRun = false,
): Promise<Exclude<RekeyOutcome, 'unreadable'>> => {
  const task = fromTaskItem(item);
  const keyed = item[indexes.openByCreated.sortKey] !== undefined;
  if (keyed && (task.caseDetailsStamp !== undefined || !task.caseId || (await isCaseMember(db, task.caseId, task.id))))
    return 'current';
  if (dryRun) {
    toTaskItem(task); // what the write would refuse, the dry run reports too
    return 'rekeyed';
  }
  try {
    await commitWithCaseDetails(db, task, (keyed) => {
      const tx = new Transaction(db);
      tx.put(
        toTaskItem(keyed),
        {
          expression: 'version = :version AND attribute_not_exists(caseDetailsStamp)',
          values: { ':version': task.version },
        },
        () => new VersionConflictError(task.id),
      );
      return addCaseMember(tx, keyed);
    });
    return 'rekeyed';
  } catch (error) {
    // Also CaseDetailsChangedError (a VersionConflictError) after its attempts.
    if (error instanceof VersionConflictError) return 'skipped';
    throw error;
  }
};

/** Why an item cannot be re-keyed (no content: it may hold personal data); undefined for any other error. */
const unreadableReason = (error: unknown): string | undefined => {
  if (error instanceof z.ZodError) return 'not a valid task';
  if (error instanceof InstantOutOfRangeError) return `${error.field ?? 'an instant'} has no sort key`;
  return undefined;
};

/**
 * Re-keys every open task that lacks openByCreated's key, or has a case but no case keys (then it is read
 * whether it is a member); run it again until it re-keys and skips none.
 */
export const backfillTaskKeys = async (db: Db, options: BackfillOptions = {}): Promise<BackfillCounts> => {
  const segments = options.segments ?? DEFAULT_SEGMENTS;
  const counts: BackfillCounts = { scanned: 0, rekeyed: 0, current: 0, skipped: 0, unreadable: 0 };
  const rekey = async (item: Record<string, unknown>): Promise<RekeyOutcome> => {
    try {
      return await rekeyTaskItem(db, item, options.dryRun);
    } catch (error) {
      const reason = unreadableReason(error);
      if (!reason) throw error;
      options.onUnreadable?.({ pk: String(item.pk), sk: String(item.sk) }, reason);
      return 'unreadable';
    }
  };
  const walkSegment = async (segment: number) => {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await db.client.send(
        new ScanCommand({
          TableName: db.tableName,
          Segment: segment,
          TotalSegments: segments,
          FilterExpression:
            '#kind = :task AND #status = :open AND (attribute_not_exists(#created) OR ' +
            '(attribute_not_exists(#caseDetailsStamp) AND attribute_type(#caseId, :string)))',
          ExpressionAttributeNames: {
            '#kind': 'kind',
            '#status': 'status',
            '#created': indexes.openByCreated.sortKey,
            '#caseDetailsStamp': 'caseDetailsStamp',
            '#caseId': 'caseId',
          },
          ExpressionAttributeValues: { ':task': 'task', ':open': 'open', ':string': 'S' },
          ExclusiveStartKey: startKey,
        }),
      );
      counts.scanned += page.ScannedCount ?? 0;
      for (const outcome of await mapBounded(page.Items ?? [], WRITES_PER_SEGMENT, rekey)) counts[outcome] += 1;
      options.onProgress?.({ ...counts });
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  };
  await Promise.all(Array.from({ length: segments }, (_, segment) => walkSegment(segment)));
  return counts;
};
