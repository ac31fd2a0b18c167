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

export type JobName = 'monthly-surveys' | 'deadline-reminders' | 'chat-cleanup';
export const jobNames: readonly JobName[] = ['monthly-surveys', 'deadline-reminders', 'chat-cleanup'];
