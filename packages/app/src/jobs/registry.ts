// The scheduled jobs, declared once: infra's schedules and functions, the Lambda entries and /local/jobs derive from here.

import { runMailDigests } from '../mail/mail-digests.js';
import { runCalendarRefresh } from './calendar-refresh.js';
import { runChatCleanup } from './chat-cleanup.js';
import { runDeadlineReminders } from './deadline-reminders.js';
import type { ScheduledJob } from './job-contract.js';
import { runMonthlyScorecards } from './monthly-scorecards.js';
import { runMonthlySurveys } from './monthly-surveys.js';

const UTC = 'Etc/UTC';

// Each job is its own constant so a Lambda entry that imports one leaves the others out of its bundle.

export const monthlySurveysJob = {
  name: 'monthly-surveys',
  run: (input) => runMonthlySurveys(input),
  schedule: { expression: 'cron(0 3 * * ? *)', timeZone: UTC },
  lambda: {
    description: 'casetasks monthly case survey tasks, daily 03:00 UTC',
    timeoutSeconds: 5 * 60,
    memoryMb: 512,
  },
} as const satisfies ScheduledJob;

export const deadlineRemindersJob = {
  name: 'deadline-reminders',
  run: (input) => runDeadlineReminders(input),
  schedule: { expression: 'cron(0 * * * ? *)', timeZone: UTC },
  lambda: {
    description: 'casetasks deadline reminders and daily digest, hourly',
    timeoutSeconds: 5 * 60,
    memoryMb: 512,
  },
} as const satisfies ScheduledJob;

export const chatCleanupJob = {
  name: 'chat-cleanup',
  run: (input) => runChatCleanup(input),
  // Starts at 02:00; the quarter-hourly ticks until 05:45 continue a night that hit its time budget
  // from the checkpoint (a finished night costs one conditional read per party and does nothing).
  schedule: { expression: 'cron(0/15 2-5 * * ? *)', timeZone: UTC },
  lambda: {
    description: 'casetasks nightly chat cleanup (Bedrock judge), from 02:00 UTC',
    // The run is resumable; 15 minutes is Lambda's ceiling and the job's own time budget stays below it.
    timeoutSeconds: 15 * 60,
    memoryMb: 1024,
    bedrock: true,
  },
} as const satisfies ScheduledJob;

export const calendarRefreshJob = {
  name: 'calendar-refresh',
  run: (input) => runCalendarRefresh(input),
  // Monthly, on the 1st: the materialised years move on once a year (on 1 January the domain's edge enters
  // a new year; deadlines reach the year after it some 9 months later), so a yearly run would do. Monthly
  // retries a failed run within a month and applies a date-holidays upgrade and orgs registered by reads
  // (settings stored before issue 17) soon; a month with nothing due costs one Query of the refresh partition.
  schedule: { expression: 'cron(0 4 1 * ? *)', timeZone: UTC },
  lambda: {
    description: 'casetasks calendar refresh: public holidays materialised ahead, monthly on the 1st 04:00 UTC',
    timeoutSeconds: 5 * 60,
    memoryMb: 512,
    holidays: true,
  },
} as const satisfies ScheduledJob;

export const monthlyScorecardsJob = {
  name: 'monthly-scorecards',
  run: (input) => runMonthlyScorecards(input),
  // Snapshots the last complete month on the 1st; the quarter-hourly ticks to 05:45 continue a run that hit its
  // budget, and every later day costs one GetItem (the month's done marker) until the next month.
  schedule: { expression: 'cron(0/15 5 * * ? *)', timeZone: UTC },
  lambda: {
    description: 'casetasks monthly SLA scorecards of the last month, daily from 05:00 UTC',
    timeoutSeconds: 5 * 60,
    memoryMb: 512,
  },
} as const satisfies ScheduledJob;

export const mailDigestsJob = {
  name: 'mail-digests',
  run: (input) => runMailDigests(input),
  // Hourly: each user's digest goes at the first run at or after their digestHour in the org's zone.
  schedule: { expression: 'cron(0 * * * ? *)', timeZone: UTC },
  lambda: {
    description: "casetasks daily digest e-mails at each user's hour, hourly",
    timeoutSeconds: 5 * 60,
    memoryMb: 512,
    mail: true,
  },
} as const satisfies ScheduledJob;

/** Every scheduled job, in the order local mode lists them. */
export const jobs = [
  monthlySurveysJob,
  deadlineRemindersJob,
  chatCleanupJob,
  calendarRefreshJob,
  monthlyScorecardsJob,
  mailDigestsJob,
] as const;

export type JobName = (typeof jobs)[number]['name'];
export type Job = ScheduledJob<JobName>;
export const jobNames: readonly JobName[] = /* @__PURE__ */ jobs.map((job) => job.name);

/** The job of that name, or undefined (names come from URLs and tests). */
export const jobNamed = (name: string): Job | undefined => jobs.find((job: Job) => job.name === name);
