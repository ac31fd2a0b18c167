// GET/POST /local/clock and GET /local/jobs: show and move local mode's clock, list the scheduled jobs and their runs.
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { end as durationEnd, parse as parseDuration } from 'iso8601-duration';
import * as z from 'zod';
import { RequestValidationError } from '../../functions/middleware/http-errors.js';
import { jsonResponse } from '../../functions/middleware/http-response.js';
import { ClockBackwardsError, type LocalClock } from './local-clock.js';
import type { LocalScheduler } from './local-scheduler.js';
import type { LocalWorkflowStarter } from './state-machine.js';

/** The longest single advance: beyond it a typo (P4000D) would run months of schedules. */
export const MAX_ADVANCE_DAYS = 400;
const DAY_MS = 86_400_000;

export interface ClockRoutesContext {
  clock: LocalClock;
  scheduler: LocalScheduler;
  workflow?: LocalWorkflowStarter;
  /** After the jobs ran: publish what they wrote (the outbox sync). */
  syncOutbox: () => Promise<unknown>;
}

const clockBodySchema = z.union([
  z.strictObject({ advance: z.string() }),
  z.strictObject({ now: z.iso.datetime({ offset: true }) }),
  z.strictObject({ real: z.literal(true) }),
]);

const invalid = (field: string, message: string) => new RequestValidationError([{ field, message }]);

type ClockMove = { to: Date } | { by: number } | 'real';

/** The move the body asks for; 400 naming the field for anything malformed or backwards. */
const moveOf = (raw: unknown, now: Date): ClockMove => {
  const body = clockBodySchema.safeParse(raw);
  if (!body.success) {
    throw invalid('body', 'exactly one of { "advance": "P3D" }, { "now": "<ISO instant>" } or { "real": true }');
  }
  if ('real' in body.data) return 'real';
  if ('now' in body.data) {
    const target = new Date(body.data.now);
    if (target.getTime() < now.getTime()) {
      throw invalid('now', `must not be before the local now ${now.toISOString()}: the clock only moves forward`);
    }
    return { to: target };
  }
  const bad = `must be an ISO 8601 duration above zero and at most P${MAX_ADVANCE_DAYS}D, e.g. P3D or PT2H`;
  // The parser reads `-P1D` as one day ahead: a sign is refused here.
  if (!body.data.advance.startsWith('P')) throw invalid('advance', bad);
  let target: Date;
  try {
    target = durationEnd(parseDuration(body.data.advance), now);
  } catch {
    throw invalid('advance', bad);
  }
  const ms = target.getTime() - now.getTime();
  if (!(ms > 0 && ms <= MAX_ADVANCE_DAYS * DAY_MS)) throw invalid('advance', bad);
  return { by: ms };
};

/** The instant was checked against a reading a few ms old: one the clock has passed since is the same 400. */
const moveTo = (clock: LocalClock, target: Date) => {
  try {
    clock.moveTo(target);
  } catch (error) {
    if (error instanceof ClockBackwardsError) throw invalid('now', error.message);
    throw error;
  }
};

const workflowCounts = (workflow: LocalWorkflowStarter | undefined) => {
  const executions = workflow?.executions() ?? [];
  const running = executions.filter((execution) => execution.status === 'running' || execution.status === 'waiting');
  return { running: running.length, finished: executions.length - running.length };
};

/**
 * POST /local/clock: moves the clock, then runs the crossed job points in time order, each after the
 * paused-case workflows reached it, lets the workflows reach the new now and publishes the outbox.
 */
const moveClock = async (raw: unknown, context: ClockRoutesContext): Promise<APIGatewayProxyStructuredResultV2> => {
  const { clock, scheduler, workflow } = context;
  const move = moveOf(raw, new Date(clock.now()));
  if (move === 'real') {
    if (clock.state().offsetMs > 0) {
      const message = `the local clock is ahead of real time (${clock.state().now}); going back to real time would move it backwards`;
      return jsonResponse(409, { error: { code: 'conflict', message, fields: [{ field: 'real', message }] } });
    }
    clock.backToReal();
  } else if ('by' in move) {
    clock.advanceBy(move.by);
  } else {
    moveTo(clock, move.to);
  }
  const runs = await scheduler.runDue();
  await workflow?.advanceTo(new Date(clock.now()));
  await context.syncOutbox();
  return jsonResponse(200, {
    now: new Date(clock.now()).toISOString(),
    jobsRun: runs.map(({ name, scheduledAt, summary, error }) => ({
      name,
      scheduledAt,
      ...(error === undefined ? { summary } : { error }),
    })),
    workflows: workflowCounts(workflow),
  });
};

/** Serves `/local/clock` and `GET /local/jobs`, or returns undefined for any other route. */
export const serveClockRoute = async (
  method: string,
  path: string,
  body: () => unknown,
  context: ClockRoutesContext | undefined,
): Promise<APIGatewayProxyStructuredResultV2 | undefined> => {
  if (!context) return undefined;
  if (path === '/local/clock' && method === 'GET') return jsonResponse(200, context.clock.state());
  if (path === '/local/clock' && method === 'POST') return moveClock(body(), context);
  if (path === '/local/jobs' && method === 'GET') {
    return jsonResponse(200, { jobs: context.scheduler.listing(), runs: context.scheduler.runs() });
  }
  return undefined;
};
