// The hourly `mail-digests` job: each user's digest e-mail at their digestHour in the org's zone, once per local day.
import { buildDigest, digestHorizon, digestInstantOn, localDayIn, wantsMail } from '@casetasks/core';
import { mailPoint, type NotificationPreferences, openTasksOfAssigneeThrough } from '@casetasks/db';
import { DEFAULT_CONCURRENCY, type JobRunOptions, runDueItemsJob } from '../jobs/due-items-job.js';
import type { JobInput, JobSummary } from '../jobs/job-contract.js';
import { type PolicyLookup, servicePolicies } from '../policies/org-policies.js';
import { tasksDb } from '../runtime/clients.js';
import { serviceNow } from '../runtime/clock.js';
import { sendMailOnce } from './mail-delivery.js';
import { scheduleNextDigest } from './notification-preferences.js';

/** One due user: today's digest when its hour has come, then the next one is scheduled for tomorrow. */
const digestOf = async (policies: PolicyLookup, user: NotificationPreferences, now: Date): Promise<string> => {
  const { calendar } = await policies.of(user.party, user.orgId);
  const day = localDayIn(calendar.timeZone, now);
  if (digestInstantOn(calendar.timeZone, day, user.digestHour).getTime() > now.getTime()) {
    // Due from an earlier day (a missed run, a changed hour): today's instant is still to come.
    await scheduleNextDigest(user, calendar.timeZone, user.digestHour, new Date(now.getTime() - 86_400_000));
    return 'digestNotYet';
  }
  let outcome = 'digestOff';
  if (wantsMail(user, 'digest')) {
    const at = now.toISOString();
    const db = tasksDb();
    const through = digestHorizon(calendar, at);
    const [own, unassigned] = await Promise.all([
      openTasksOfAssigneeThrough(db, { party: user.party, orgId: user.orgId, assigneeId: user.userId }, through),
      openTasksOfAssigneeThrough(db, { party: user.party, orgId: user.orgId, assigneeId: null }, through),
    ]);
    const tasks = [...own, ...unassigned].sort((a, b) => a.deadline.localeCompare(b.deadline));
    if (tasks.length === 0) outcome = 'digestEmpty';
    else {
      const { detail } = buildDigest(
        calendar,
        { party: user.party, orgId: user.orgId, assigneeId: user.userId },
        tasks,
        at,
      );
      const data = { day: detail.day, ...detail.counts, tasks: detail.tasks };
      outcome = (await sendMailOnce(user, 'digest', mailPoint('digest', day), data, now))
        ? 'digestSent'
        : 'digestAlreadySent';
    }
  }
  await scheduleNextDigest(user, calendar.timeZone, user.digestHour, now);
  return outcome;
};

/** Walks the users whose digest instant has passed (never all users); overlapping runs send once per day. */
export const runMailDigests = async (input: JobInput, options: JobRunOptions = {}): Promise<JobSummary> => {
  const started = Date.now();
  const now = input.now ? new Date(input.now) : serviceNow();
  const policies = await servicePolicies();
  return runDueItemsJob({
    job: 'mail-digests',
    runKey: now.toISOString().slice(0, 13),
    queue: 'mailDigests',
    handle: (user) => digestOf(policies, user, now),
    item: 'digest mail',
    input,
    options: { concurrency: DEFAULT_CONCURRENCY, ...options },
    now,
    started,
  });
};
