// The contract of a scheduled job: the Lambda handler, local mode's POST /local/jobs/{name} and benchmarks call `run`.
export interface JobInput {
  /** The job's clock; defaults to the invocation time. */
  now?: string;
  /** Resume point of an interrupted run (opaque to callers). */
  checkpoint?: string;
}

export interface JobSummary {
  job: string;
  now: string;
  /** Counts, e.g. { evaluated, resolved, kept, failed } or { created, skipped }. */
  counts: Record<string, number>;
  /** Present when the run stopped at its time budget and continues from here. */
  checkpoint?: string;
  durationMs: number;
  [key: string]: unknown;
}

/** An EventBridge Scheduler expression and the time zone it is read in. */
export interface JobSchedule {
  /** e.g. `cron(0 3 * * ? *)`. */
  expression: string;
  /** IANA name, e.g. `Etc/UTC`. */
  timeZone: string;
}

/** What the job's Lambda function needs, as data (infra turns it into the function and its grants). */
export interface JobFunction {
  description: string;
  timeoutSeconds: number;
  memoryMb: number;
  /**
   * Materialises public holidays, so date-holidays is bundled (infra's ServiceFunction `holidays`). Only the
   * calendar-refresh job does; every other job builds calendars from stored dates.
   */
  holidays?: boolean;
  /** Calls the configured Bedrock model (the chat judge): the function gets `bedrock:InvokeModel` on it. */
  bedrock?: boolean;
  /** Sends e-mail through SES: the function gets `ses:SendEmail` with the configuration set and templates. */
  mail?: boolean;
}

/** One scheduled job: its name (also its entry file `functions/scheduled/<name>.ts`), run, schedule and function. */
export interface ScheduledJob<Name extends string = string> {
  name: Name;
  run: (input: JobInput) => Promise<JobSummary>;
  schedule: JobSchedule;
  lambda: JobFunction;
}
