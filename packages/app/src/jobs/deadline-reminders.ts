// Hourly job: each reminder point (warnings, `Task Overdue`, `Task Escalated`) once per task and deadline, and the `Daily Digest` once per recipient and local day.

import { orgPolicies } from '../policies/org-policies.js';
import { serviceCalendar, tasksDb } from '../runtime/clients.js';
import { serviceNow } from '../runtime/clock.js';
import { sendDigests } from './digest-pass.js';
import { DEFAULT_CONCURRENCY, type JobRunOptions, runDueItemsJob } from './due-items-job.js';
import type { JobInput, JobSummary } from './job-contract.js';
import { sendDueReminder } from './reminder-pass.js';

const JOB = 'deadline-reminders';

/** The hourly run: today's digests that are due, then every reminder due by `now`, resumable from `input.checkpoint`. */
export const runDeadlineReminders = async (input: JobInput = {}, options: JobRunOptions = {}): Promise<JobSummary> => {
  const started = Date.now();
  const now = input.now ? new Date(input.now) : serviceNow();
  const db = tasksDb();
  const policies = orgPolicies(db, await serviceCalendar());
  // Digests first: they read the reminder index before this hour's overdue tasks leave it.
  const digestCounts = await sendDigests(db, policies, now, options.concurrency ?? DEFAULT_CONCURRENCY);
  return runDueItemsJob({
    job: JOB,
    item: 'reminder',
    runKey: now.toISOString().slice(0, 13),
    queue: 'reminders',
    handle: (task) => sendDueReminder(db, policies, task, now),
    input,
    options,
    now,
    started,
    counts: digestCounts,
  });
};
