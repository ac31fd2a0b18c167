// Local-only endpoints standing in for the platform's bus, the schedules, the outbox relay and the identity provider's keys,
// and GET /asyncapi.json, the event contract (docs/asyncapi.json), next to the API's /openapi.json.

import { type PlatformEventOutcome, processPlatformEvent } from '@casetasks/app/events';
import { jobNamed, jobNames } from '@casetasks/app/jobs';
import { serviceNow, withCorrelation } from '@casetasks/app/runtime';
import { isInstantInDomain, MAX_YEARS_AHEAD, YEAR_MS } from '@casetasks/core';
import { type Db, listOutboxSince, type OutboxEntry, TimeBudgetExceededError, withinTimeBudget } from '@casetasks/db';
import { InvalidEventError, parsePlatformEvent } from '@casetasks/events';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { JSONWebKeySet } from 'jose';
import { ulid } from 'ulid';
import * as z from 'zod';
import asyncApi from '../../docs/asyncapi.json' with { type: 'json' };
import { RequestValidationError } from '../../functions/middleware/http-errors.js';
import { errorBody, errorResponse, jsonResponse } from '../../functions/middleware/http-response.js';
import { type ClockRoutesContext, serveClockRoute } from './clock-routes.js';

/** A sync that takes longer than this is left for the next one: it never holds an answer up. */
export const OUTBOX_SYNC_TIMEOUT_MS = 2_000;

/** Plays the deployed stream relay + bus: every outbox entry, once, in id order, kept in memory. */
export class LocalOutbox {
  private readonly seen = new Set<string>();
  private readonly listeners: ((fresh: OutboxEntry[]) => void)[] = [];
  readonly entries: OutboxEntry[] = [];
  constructor(
    private readonly db: () => Db,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /**
   * Reads the whole outbox rather than "since the last id": jobs run with a simulated `now` write
   * ids from another time, which a since-cursor would skip. Local volumes make this cheap.
   */
  async sync(): Promise<OutboxEntry[]> {
    const fresh = (await listOutboxSince(this.db())).filter((entry) => !this.seen.has(entry.id));
    for (const entry of fresh) {
      this.seen.add(entry.id);
      this.entries.push(entry);
    }
    if (fresh.length > 0) for (const listener of this.listeners) listener(fresh);
    return fresh;
  }

  /** Plays the bus's rules: a listener gets each new entry once, right after the sync that found it (it must not throw). */
  onEmitted(listener: (fresh: OutboxEntry[]) => void): void {
    this.listeners.push(listener);
  }

  /**
   * After a write: the deployed relay is asynchronous, so a failed or slow read here never changes
   * the write's answer. Bounded and logged; the next sync (or GET /local/outbox) catches up.
   */
  async syncAfterWrite(): Promise<{ emitted: OutboxEntry[] } | { outboxError: string }> {
    try {
      const budget = { deadline: Date.now() + OUTBOX_SYNC_TIMEOUT_MS };
      return { emitted: await withinTimeBudget(budget, 'the local outbox sync', () => this.sync()) };
    } catch (error) {
      this.log(`local outbox sync failed; the answer stands and the next sync catches up: ${String(error)}`);
      return { outboxError: String(error) };
    }
  }
}

/** Bounds of one POST /local/events call (API Gateway's own bounds do not apply to /local/*). */
export interface LocalEventLimits {
  /** Events per call; more is a 400 and nothing is applied. */
  maxEvents: number;
  /** Time for the whole call; past it the answer is a 503 listing what was applied. */
  timeoutMs: number;
}

export const defaultLocalEventLimits: LocalEventLimits = { maxEvents: 100, timeoutMs: 29_000 };

export interface LocalRoutesContext {
  outbox: LocalOutbox;
  eventLimits: LocalEventLimits;
  /** The local identity provider's public keys, served at JWKS_PATH (the authorizer fetches them like API Gateway). */
  jwks?: JSONWebKeySet;
  /** The local clock, the scheduler that records job runs and the workflows the clock moves (`/local/clock`, `/local/jobs`). */
  clock?: ClockRoutesContext;
}

/** Where the local identity provider publishes its keys (its `jwks_uri`). */
export const JWKS_PATH = '/local/.well-known/jwks.json';

const parseJson = (body: Buffer): unknown => {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new RequestValidationError([{ field: 'body', message: 'body is not valid JSON' }]);
  }
};

const eventEnvelopeSchema = z.looseObject({ id: z.string().optional(), time: z.string().optional() });

/**
 * EventBridge fills `id` and `time`; so does the local bus when the sender leaves them out. Events
 * of one batch get times 1 ms apart in array order: "time" orders events for the rules, and a batch
 * is sent in the order things happened.
 */
const withEnvelope = (raw: unknown, at: Date): unknown => {
  const envelope = eventEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return raw;
  return { ...envelope.data, id: envelope.data.id ?? ulid(), time: envelope.data.time ?? at.toISOString() };
};

/**
 * An invalid event's 400 names its field with the event contract's own code, `invalid_event`: not one of the
 * portal API's codes (errorCodes), which the portal error mapper alone answers with.
 */
const eventRefusal = (error: unknown) =>
  error instanceof InvalidEventError
    ? {
        statusCode: error.statusCode,
        body: {
          error: { code: error.code, message: error.message, fields: [{ field: error.field, message: error.message }] },
        },
      }
    : errorBody(error);

/**
 * POST /local/events: validates every event first (400 names the event and field, nothing applied),
 * then runs each in order within the call's time bound.
 */
const postEvents = async (body: Buffer, { outbox, eventLimits }: LocalRoutesContext) => {
  const parsed = parseJson(body);
  const raw = Array.isArray(parsed) ? parsed : [parsed];
  if (raw.length > eventLimits.maxEvents) {
    throw new RequestValidationError([
      { field: 'body', message: `at most ${eventLimits.maxEvents} events per call; got ${raw.length}` },
    ]);
  }
  // The envelope's time is business time (the local clock); the call's bound is real time.
  const now = serviceNow().getTime();
  const started = Date.now();
  const events = raw.map((event, i) => withEnvelope(event, new Date(now + i)));
  const ids: string[] = [];
  for (const [index, event] of events.entries()) {
    try {
      ids.push(parsePlatformEvent(event, serviceNow()).id);
    } catch (error) {
      const { statusCode, body: refusal } = eventRefusal(error);
      return jsonResponse(statusCode, { ...refusal, index });
    }
  }
  const results: PlatformEventOutcome[] = [];
  try {
    await withinTimeBudget({ deadline: started + eventLimits.timeoutMs }, 'POST /local/events', async () => {
      // Each event under its own id, as its deployed function runs it (docs/observability.md).
      for (const [index, event] of events.entries()) {
        results.push(await withCorrelation(ids[index] ?? ulid(), () => processPlatformEvent(event)));
      }
    });
  } catch (error) {
    if (!(error instanceof TimeBudgetExceededError)) throw error;
    // Events are applied exactly once by id: sending the unfinished ones again is safe.
    const message =
      `POST /local/events ran out of its ${eventLimits.timeoutMs} ms after ${results.length} of ${events.length} ` +
      `events; the event at index ${results.length} may be partly applied: send it and the ones after it again`;
    return jsonResponse(503, { error: { code: 'unavailable', message }, index: results.length, results });
  }
  return jsonResponse(200, { results, ...(await outbox.syncAfterWrite()) });
};

/**
 * A job's simulated `now`: the input domain's window and one more year, so a run can see every deadline
 * the domain admits (and its escalation) come due.
 */
const JOB_YEARS_AHEAD = MAX_YEARS_AHEAD + 1;
const jobNowSchema = z.iso
  .datetime({ offset: true, abort: true })
  .refine((value) => isInstantInDomain(Date.parse(value), serviceNow().getTime() + YEAR_MS), {
    message: `must lie between 2000-01-01 and ${JOB_YEARS_AHEAD} years from now`,
  });
const jobBodySchema = z.strictObject({ now: jobNowSchema.optional() });

/** POST /local/jobs/{name}: runs a registered job now (or at `now`), as its schedule would. */
const postJob = async (
  name: string,
  body: Buffer,
  { outbox, clock }: LocalRoutesContext,
): Promise<APIGatewayProxyStructuredResultV2> => {
  const job = jobNamed(name);
  if (!job)
    return jsonResponse(404, { error: { code: 'not_found', message: `no job ${name}; jobs: ${jobNames.join(', ')}` } });
  const input = jobBodySchema.safeParse(parseJson(body));
  if (!input.success) throw RequestValidationError.fromZod(input.error, 'body');
  const at = input.data.now ? new Date(input.data.now) : undefined;
  // Through the scheduler when there is one, so GET /local/jobs lists the run too.
  const summary = clock
    ? await clock.scheduler.runNow(job, at)
    : await withCorrelation(ulid(), () => job.run(at ? { now: at.toISOString() } : {}));
  return jsonResponse(200, { summary, ...(await outbox.syncAfterWrite()) });
};

/** Where local mode serves the event contract (`npm run asyncapi` writes it; not a deployed route). */
export const ASYNCAPI_PATH = '/asyncapi.json';

/** Serves `/local/*` and ASYNCAPI_PATH, or returns undefined for any other path. */
export const serveLocalRoute = async (
  method: string,
  path: string,
  body: Buffer,
  context: LocalRoutesContext,
): Promise<APIGatewayProxyStructuredResultV2 | undefined> => {
  if (method === 'GET' && path === ASYNCAPI_PATH) return jsonResponse(200, asyncApi);
  if (!path.startsWith('/local/')) return undefined;
  const { outbox } = context;
  try {
    if (method === 'POST' && path === '/local/events') return await postEvents(body, context);
    const job = /^\/local\/jobs\/([^/]+)$/.exec(path)?.[1];
    if (method === 'POST' && job) return await postJob(decodeURIComponent(job), body, context);
    const clocked = await serveClockRoute(method, path, () => parseJson(body), context.clock);
    if (clocked) return clocked;
    if (method === 'GET' && path === JWKS_PATH && context.jwks) return jsonResponse(200, context.jwks);
    if (method === 'GET' && path === '/local/outbox') {
      await outbox.sync();
      return jsonResponse(200, { items: outbox.entries });
    }
    return jsonResponse(404, { message: 'Not Found' });
  } catch (error) {
    const { response, internal } = errorResponse(error);
    if (internal) console.error(`${method} ${path} failed:`, error);
    return response;
  }
};
