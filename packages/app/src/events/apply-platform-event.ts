// Validates one platform event and applies its task rules exactly once (any order, any number of deliveries).

import type { Calendar } from '@casetasks/core';
import {
  addMarker,
  type Db,
  DuplicateEventError,
  deleteParkedEvent,
  eventsWaitingFor,
  type ParkedEvent,
  Transaction,
  wasApplied,
} from '@casetasks/db';
import { InvalidEventError, type PlatformEvent, parsePlatformEvent } from '@casetasks/events';
import { orgPolicies, type PolicyLookup } from '../policies/index.js';
import { logger, serviceCalendar, serviceNow, tasksDb } from '../runtime/index.js';
import { applyCaseDetails } from './rules/case-details.js';
import { type EventContext, retryRaces } from './rules/context.js';
import { applyRule } from './rules/event-rules.js';
import { newStepContext, type TaskEffect } from './rules/steps.js';

export type { TaskEffect } from './rules/steps.js';

export interface PlatformEventOutcome {
  eventId: string;
  detailType: string;
  /** true when this event id was applied before: nothing changed. */
  duplicate: boolean;
  effects: TaskEffect[];
}

const DONE_STEP = 'done';

export interface ProcessOptions {
  db?: Db;
  /** The default calendar of orgs without settings (tests pin it; default: the deployment's). */
  calendar?: Calendar;
  /** Org settings already looked up for this event (a drained event shares its parent's). */
  policies?: PolicyLookup;
  /** The service clock an event's `time` may lead by 5 minutes (tests pin it; default: the real clock). */
  now?: Date;
}

const caseIdOf = (event: PlatformEvent): string | undefined =>
  'caseId' in event.detail ? event.detail.caseId : undefined;

/**
 * A parked event, applied now that its fact is here; undefined when it fails validation (parked before
 * a bound was tightened). It can never apply, so it must not block the event that woke it: it is logged
 * whole, as the DLQ would keep it, and dropped.
 */
const applyParked = async (parked: ParkedEvent, options: ProcessOptions): Promise<PlatformEventOutcome | undefined> => {
  try {
    return await processPlatformEvent(parked.event, options);
  } catch (error) {
    if (!(error instanceof InvalidEventError)) throw error;
    logger.error('parked event no longer valid: dropped', {
      eventId: parked.eventId,
      field: error.field,
      reason: error.reason,
      event: parked.event,
    });
    return undefined;
  }
};

const applyOnce = async (
  db: Db,
  policies: PolicyLookup,
  event: PlatformEvent,
  now: Date,
): Promise<PlatformEventOutcome> => {
  const outcome = (duplicate: boolean, effects: TaskEffect[]): PlatformEventOutcome => ({
    eventId: event.id,
    detailType: event['detail-type'],
    duplicate,
    effects,
  });
  if (await wasApplied(db, { eventId: event.id, step: DONE_STEP })) return outcome(true, []);
  const ctx: EventContext = {
    ...newStepContext(db, policies, event.id),
    eventId: event.id,
    event,
    parked: false,
    drain: async (fact) => {
      for (const parked of await eventsWaitingFor(db, fact)) {
        const applied = await applyParked(parked, { db, policies, now });
        if (applied) {
          ctx.effects.push({ action: 'recorded', note: `applied ${parked.eventId}, which waited for ${fact.waitKey}` });
          ctx.effects.push(...applied.effects);
        } else {
          ctx.effects.push({ action: 'ignored', note: `dropped ${parked.eventId}: no longer a valid event` });
        }
        await deleteParkedEvent(db, parked);
      }
    },
  };
  await applyCaseDetails(ctx, event);
  await applyRule(ctx, event);
  if (!ctx.parked) {
    try {
      await addMarker(new Transaction(db), { eventId: event.id, step: DONE_STEP }, ctx.now).commit();
    } catch (error) {
      if (!(error instanceof DuplicateEventError)) throw error;
    }
  }
  const duplicate = ctx.steps.applied === 0 && ctx.steps.duplicate > 0;
  return outcome(duplicate, duplicate ? [] : ctx.effects);
};

/** Throws InvalidEventError (names the field) for an event that fails validation; writes nothing then. */
export const processPlatformEvent = async (
  raw: unknown,
  options: ProcessOptions = {},
): Promise<PlatformEventOutcome> => {
  const now = options.now ?? serviceNow();
  const event = parsePlatformEvent(raw, now);
  const db = options.db ?? tasksDb();
  const policies = options.policies ?? orgPolicies(db, options.calendar ?? (await serviceCalendar()));
  const caseId = caseIdOf(event);
  // Explicit keys per line (not appendKeys): drained events are processed inside this one.
  const keys = { eventId: event.id, detailType: event['detail-type'], ...(caseId ? { caseId } : {}) };
  const outcome = await retryRaces(() => applyOnce(db, policies, event, now));
  for (const effect of outcome.effects) {
    logger.info(`${event['detail-type']}: ${effect.action}`, {
      ...keys,
      ...(effect.taskId ? { taskId: effect.taskId } : {}),
      ...(effect.type ? { taskType: effect.type } : {}),
      ...(effect.note ? { note: effect.note } : {}),
    });
  }
  if (outcome.duplicate) logger.info('duplicate event: nothing changed', keys);
  return outcome;
};
