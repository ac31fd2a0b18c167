// Local mode's EventBridge Scheduler: the registry's cron schedules, read in their time zones, on the local clock.
import { type Job, type JobSummary, jobs as registeredJobs } from '@casetasks/app/jobs';
import { withCorrelation } from '@casetasks/app/runtime';
import { CronExpressionParser } from 'cron-parser';
import { ulid } from 'ulid';

/** EventBridge's `cron(min hour dom month dow year)` as a 5-field cron-parser expression (the year must be `*`). */
export const cronOf = (expression: string): string => {
  const fields = /^cron\((.*)\)$/.exec(expression.trim())?.[1]?.trim().split(/\s+/);
  if (fields?.length !== 6) throw new Error(`not an EventBridge cron expression: ${expression}`);
  const [minute, hour, dayOfMonth, month, dayOfWeek, year] = fields as [string, string, string, string, string, string];
  if (year !== '*') throw new Error(`${expression}: local mode supports only * as the year`);
  const any = (field: string) => (field === '?' ? '*' : field);
  // EventBridge numbers weekdays 1-7 from Sunday; cron-parser 0-6.
  const weekday = any(dayOfWeek).replace(/\d/g, (digit) => String(Number(digit) - 1));
  return [minute, hour, any(dayOfMonth), any(month), weekday].join(' ');
};

/** The schedule's points in (after, until], in order; at most `limit` of the earliest. */
export const schedulePoints = (
  schedule: { expression: string; timeZone: string },
  after: Date,
  until: Date,
  limit = Number.POSITIVE_INFINITY,
): Date[] => {
  const cron = CronExpressionParser.parse(cronOf(schedule.expression), {
    currentDate: after,
    endDate: until,
    tz: schedule.timeZone,
  });
  const points: Date[] = [];
  while (points.length < limit && cron.hasNext()) points.push(cron.next().toDate());
  return points;
};

/** The next point after `after` (undefined when the expression has none). */
export const nextSchedulePoint = (
  schedule: { expression: string; timeZone: string },
  after: Date,
): Date | undefined => {
  const cron = CronExpressionParser.parse(cronOf(schedule.expression), { currentDate: after, tz: schedule.timeZone });
  return cron.hasNext() ? cron.next().toDate() : undefined;
};

/** Runs of one job kept per clock move, a day of hourly runs (see `coalescePoints`). */
export const MAX_RUNS_PER_ADVANCE = 24;
const HOUR_MS = 3_600_000;

/**
 * The points of one job that a jump of the clock runs: the first point of each crossed hour (the
 * quarter-hourly continuation ticks of chat-cleanup and monthly-scorecards collapse into one), and of
 * those the LAST `max`. Safe because every job catches up by itself: deadline-reminders and mail-digests
 * look at everything due by their `now` and skip what their markers say was sent, monthly-surveys and
 * monthly-scorecards check the period's done marker on each later run, chat-cleanup and calendar-refresh
 * continue from their checkpoints. Skipped points are work a later point does anyway.
 */
export const coalescePoints = (points: readonly Date[], max = MAX_RUNS_PER_ADVANCE): Date[] => {
  const firstOfHour: Date[] = [];
  let lastHour: number | undefined;
  for (const point of points) {
    const hour = Math.floor(point.getTime() / HOUR_MS);
    if (hour !== lastHour) firstOfHour.push(point);
    lastHour = hour;
  }
  return firstOfHour.slice(-max);
};

/** One run of a job, as `GET /local/jobs` lists it. */
export interface LocalJobRun {
  name: string;
  /** The schedule point (or the time it was asked for): the job's `now`. */
  scheduledAt: string;
  startedAt: string;
  finishedAt: string;
  summary?: JobSummary;
  error?: string;
}

export interface LocalJobListing {
  name: string;
  schedule: string;
  timeZone: string;
  nextRunAt?: string;
}

/** Runs kept for `GET /local/jobs`. */
export const KEEP_RUNS = 200;

export interface LocalSchedulerOptions {
  /** The local clock (epoch ms). */
  now: () => number;
  jobs?: readonly Job[];
  /** Before each scheduled run: let the paused-case workflows reach its point first, so both happen in time order. */
  beforeRun?: (at: Date) => Promise<unknown>;
  /** After runs that may have written outbox entries (the server syncs its outbox). */
  afterRuns?: () => Promise<unknown>;
  log?: (line: string) => void;
}

export class LocalScheduler {
  private readonly jobs: readonly Job[];
  private readonly history: LocalJobRun[] = [];
  /** Schedule points up to here are done (or coalesced away). */
  private checkedUntil: number;
  /** One run at a time, as a queue: the ticker, clock moves and manual runs never overlap. */
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private ticker: NodeJS.Timeout | undefined;

  constructor(private readonly options: LocalSchedulerOptions) {
    this.jobs = options.jobs ?? registeredJobs;
    this.checkedUntil = options.now();
  }

  /** Runs the crossed points every `everyMs` (npm start: jobs on their real schedules). */
  start(everyMs = 1_000): void {
    this.ticker ??= setInterval(() => {
      // Never queued behind other work: a queued tick would run the points a clock move is about to answer with.
      if (this.pending > 0) return;
      this.runDue().catch((error: unknown) => this.options.log?.(`scheduled jobs failed: ${String(error)}`));
    }, everyMs);
    this.ticker.unref();
  }

  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
  }

  /** Runs, in time order across jobs, the coalesced points crossed since the last call. */
  runDue(): Promise<LocalJobRun[]> {
    return this.enqueue(async () => {
      const until = this.options.now();
      if (until <= this.checkedUntil) return [];
      const after = new Date(this.checkedUntil);
      this.checkedUntil = until;
      const due = this.jobs.flatMap((job) =>
        coalescePoints(schedulePoints(job.schedule, after, new Date(until))).map((at) => ({ job, at })),
      );
      due.sort((a, b) => a.at.getTime() - b.at.getTime());
      const runs: LocalJobRun[] = [];
      for (const { job, at } of due) {
        await this.options.beforeRun?.(at);
        runs.push((await this.run(job, at)).run);
      }
      if (runs.length > 0) await this.options.afterRuns?.();
      return runs;
    });
  }

  /** Runs one job now (or at `now`) and records it: POST /local/jobs/{name}. Its error is thrown (the caller answers it). */
  runNow(job: Job, now?: Date): Promise<JobSummary> {
    return this.enqueue(async () => {
      const { run, error } = await this.run(job, now ?? new Date(this.options.now()));
      if (run.summary === undefined) throw error;
      return run.summary;
    });
  }

  runs(): LocalJobRun[] {
    return [...this.history];
  }

  listing(): LocalJobListing[] {
    const now = new Date(this.options.now());
    return this.jobs.map((job) => {
      const next = nextSchedulePoint(job.schedule, now);
      return {
        name: job.name,
        schedule: job.schedule.expression,
        timeZone: job.schedule.timeZone,
        ...(next ? { nextRunAt: next.toISOString() } : {}),
      };
    });
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const result = this.queue.then(work).finally(() => {
      this.pending -= 1;
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async run(job: Job, at: Date): Promise<{ run: LocalJobRun; error?: unknown }> {
    const startedAt = new Date().toISOString();
    const scheduledAt = at.toISOString();
    let outcome: { summary: JobSummary } | { error: string };
    let thrown: unknown;
    try {
      outcome = { summary: await withCorrelation(ulid(), () => job.run({ now: scheduledAt })) };
    } catch (error) {
      thrown = error;
      this.options.log?.(`job ${job.name} at ${scheduledAt} failed: ${String(error)}`);
      outcome = { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
    const run: LocalJobRun = {
      name: job.name,
      scheduledAt,
      startedAt,
      finishedAt: new Date().toISOString(),
      ...outcome,
    };
    this.history.push(run);
    if (this.history.length > KEEP_RUNS) this.history.splice(0, this.history.length - KEEP_RUNS);
    return { run, error: thrown };
  }
}
