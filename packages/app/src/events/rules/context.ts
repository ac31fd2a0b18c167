// The context of one platform event's rules: step context plus the event, parking and draining.
import { applyCaseFact, type CaseFact, type CaseState, withRetry } from '@casetasks/core';
import {
  CONFLICT_RETRY,
  ConditionFailedError,
  getCaseState,
  isTransactionConflict,
  parkUntil,
  ScopeTakenError,
  saveCaseState,
  timeLeftMs,
  VersionConflictError,
  type WaitingFor,
  waitFor,
} from '@casetasks/db';
import type { PlatformEvent } from '@casetasks/events';
import { type StepContext, step } from './steps.js';

export interface EventContext extends StepContext {
  eventId: string;
  /** The parsed event (unknown fields dropped): also what a parked event stores. */
  event: PlatformEvent;
  /** Set when the event waits for a fact: it is not finished, so it gets no `done` marker. */
  parked: boolean;
  /** Applies the events that waited for `fact` now that it is here. */
  drain(fact: WaitingFor): Promise<void>;
}

/** Stores the event until `fact` arrives, to be applied then (the write fails if it arrived meanwhile). */
export const parkUnder = async (ctx: EventContext, fact: WaitingFor): Promise<void> => {
  const applied = await step(ctx, `park:${fact.waitKey}`, (options) =>
    parkUntil(ctx.db, fact, { eventId: ctx.eventId, time: ctx.event.time, event: ctx.event }, options),
  );
  if (applied) ctx.effects.push({ action: 'recorded', note: `waiting for ${fact.waitKey}` });
};

/** Waits for `fact`: the whole event is parked, so it is not finished and gets no `done` marker. */
export const park = async (ctx: EventContext, fact: WaitingFor): Promise<void> => {
  ctx.parked = true;
  await parkUnder(ctx, fact);
};

/** A case whose submission was seen: its creditor is known (its partner maybe not yet, see partner.ts). */
export type KnownCase = CaseState & { creditorOrgId: string };

/** The case with its organisations, or undefined after parking the event until Case Submitted. */
export const knownCase = async (ctx: EventContext, caseId: string): Promise<KnownCase | undefined> => {
  const state = await getCaseState(ctx.db, caseId);
  if (state?.creditorOrgId) return { ...state, creditorOrgId: state.creditorOrgId };
  await park(ctx, waitFor.caseKnown(caseId));
  return undefined;
};

/** Applies one fact to the case state (newest status wins) and returns the state as stored. */
export const updateCase = async (ctx: StepContext, caseId: string, fact: CaseFact): Promise<CaseState> => {
  const current = await getCaseState(ctx.db, caseId);
  const next = applyCaseFact(current, caseId, fact);
  if (next === current) return next;
  let saved = next;
  await step(ctx, `case:${fact.kind}`, async (options) => {
    saved = await saveCaseState(ctx.db, next, options);
  });
  return saved;
};

/** Someone wrote the same item between our read and our write: re-read and apply again. */
export const isRacingWrite = (error: unknown): boolean =>
  error instanceof VersionConflictError ||
  error instanceof ScopeTakenError ||
  error instanceof ConditionFailedError ||
  isTransactionConflict(error);

export const RACE_ATTEMPTS = 5;

/**
 * Runs `attempt` again after a racing write, with the transaction-conflict backoff (jittered, so racers
 * drift apart), never sleeping past the invocation's time budget; the markers make the steps already
 * written no-ops.
 */
export const retryRaces = <R>(attempt: () => Promise<R>, attempts = RACE_ATTEMPTS): Promise<R> =>
  withRetry(
    () => attempt(),
    isRacingWrite,
    { ...CONFLICT_RETRY, maxAttempts: attempts },
    {
      sleepCap: () => timeLeftMs(),
    },
  );
