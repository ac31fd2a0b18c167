// The context of one platform event's rules: step context plus the event, parking and draining.
import { applyCaseFact, type CaseFact, type CaseState } from '@casetasks/core';
import {
  type AwaitedFact,
  ConditionFailedError,
  caseKey,
  conflictBackoff,
  getCaseState,
  isTransactionConflict,
  parkEvent,
  ScopeTakenError,
  saveCaseState,
  VersionConflictError,
} from '@casetasks/db';
import type { PlatformEvent } from '@casetasks/events';
import { type StepContext, step } from './steps.js';

export interface EventContext extends StepContext {
  eventId: string;
  /** The parsed event (unknown fields dropped): also what a parked event stores. */
  event: PlatformEvent;
  /** Set when the event waits for a fact: it is not finished, so it gets no `done` marker. */
  parked: boolean;
  /** Applies the events parked under `waitKey` now that their fact is here. */
  drain(waitKey: string): Promise<void>;
}

/** Stores the event under `waitKey`, to be applied when the fact arrives (the write fails if it arrived meanwhile). */
export const parkUnder = async (ctx: EventContext, waitKey: string, awaited: AwaitedFact): Promise<void> => {
  const applied = await step(ctx, `park:${waitKey}`, (options) =>
    parkEvent(ctx.db, { waitKey, eventId: ctx.eventId, time: ctx.event.time, event: ctx.event }, awaited, options),
  );
  if (applied) ctx.effects.push({ action: 'recorded', note: `waiting for ${waitKey}` });
};

/** Waits for `waitKey`: the whole event is parked, so it is not finished and gets no `done` marker. */
export const park = async (ctx: EventContext, waitKey: string, awaited: AwaitedFact): Promise<void> => {
  ctx.parked = true;
  await parkUnder(ctx, waitKey, awaited);
};

export const caseWaitKey = (caseId: string) => `case#${caseId}`;

/** A case whose submission was seen: its creditor is known (its partner maybe not yet, see partner.ts). */
export type KnownCase = CaseState & { creditorOrgId: string };

/** The case with its organisations, or undefined after parking the event until Case Submitted. */
export const knownCase = async (ctx: EventContext, caseId: string): Promise<KnownCase | undefined> => {
  const state = await getCaseState(ctx.db, caseId);
  if (state?.creditorOrgId) return { ...state, creditorOrgId: state.creditorOrgId };
  await park(ctx, caseWaitKey(caseId), { key: caseKey(caseId), attribute: 'creditorOrgId' });
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
 * Runs `attempt` again after a racing write, with jittered backoff so racers drift apart; the
 * markers make the steps already written no-ops.
 */
export const retryRaces = async <R>(attempt: () => Promise<R>, attempts = RACE_ATTEMPTS): Promise<R> => {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (tries >= attempts || !isRacingWrite(error)) throw error;
      await conflictBackoff(tries);
    }
  }
};
