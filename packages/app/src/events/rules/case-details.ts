// Case details (issue 20): every event about a case may carry them, `Case Details Changed` carries only them.
// They are stored before the event's rules run, so the tasks it opens already take the new keys.
import { caseDetailsStamp } from '@casetasks/core';
import { saveCaseDetails } from '@casetasks/db';
import type { PlatformEvent } from '@casetasks/events';
import type { EventContext } from './context.js';

/**
 * Stores the event's details unless newer ones are stored (any order, any number of deliveries: the write is
 * conditional on the stamp and the open tasks' key updates on theirs, so a redelivery only repeats no-ops).
 */
export const applyCaseDetails = async (ctx: EventContext, event: PlatformEvent): Promise<void> => {
  if (!('caseDetails' in event.detail) || event.detail.caseDetails === undefined) return;
  const { caseId, caseDetails } = event.detail;
  const write = await saveCaseDetails(ctx.db, caseId, caseDetails, caseDetailsStamp(event.time, event.id));
  ctx.effects.push(
    write.stored
      ? { action: 'recorded', note: `case details as of ${event.time}; ${write.tasksUpdated} open task(s) re-keyed` }
      : { action: 'ignored', note: `case details as of ${event.time}: newer ones are stored` },
  );
};

/** Nothing more than what applyCaseDetails did before the rule ran. */
export const caseDetailsChanged = async (): Promise<void> => {};
