// Hourly job: `Task Deadline Approaching` / `Task Overdue` once per task and deadline, and the `Daily Digest` once per recipient and day.
import {
  buildDigest,
  type Calendar,
  changeTask,
  type DigestRecipient,
  digestHorizon,
  digestRecipientId,
  digestRecipientOf,
  dueReminder,
  isDigestTime,
  localDay,
  platformActor,
  reminderEvent,
  type Task,
} from '@casetasks/core';
import {
  allShards,
  type Db,
  DuplicateEventError,
  digestMarker,
  emitOnce,
  fromTaskItem,
  getCheckpoint,
  getTask,
  mapBounded,
  queryTasks,
  saveCheckpoint,
  saveReminder,
  taskPartitions,
  VersionConflictError,
} from '@casetasks/db';
import { scheduledHandler } from '../middleware/scheduled-handler.js';
import { serviceCalendar, tasksDb } from '../shared/clients.js';
import type { JobInput, JobSummary } from '../shared/jobs.js';
import { logger } from '../shared/observability.js';
import { DEFAULT_CONCURRENCY, type JobRunOptions, runDueItemsJob } from './due-items-job.js';

const JOB = 'deadline-reminders';
const DIGEST_JOB = 'daily-digest';

/** Sort keys are `{time}#{id}`: this bound includes every id at exactly `time`. */
const through = (time: string) => `${time}#~`;

/**
 * Sends the task's due reminder, if it is still due. The write is conditional on the version read,
 * so of two overlapping runs exactly one sends; the other re-reads and finds nothing due.
 */
const sendDueReminder = async (db: Db, first: Task, now: Date): Promise<string> => {
  const at = now.toISOString();
  let task: Task | undefined = first;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (task?.status !== 'open') return 'skipped';
    const { send, next } = dueReminder(task, at);
    if (!send) return attempt === 0 ? 'notDue' : 'alreadySent';
    const change = changeTask(task, { reminder: next }, 'updated', platformActor, at, { reason: `${send} sent` });
    try {
      await saveReminder(db, change, [reminderEvent(send, change.after, at)], now);
      return send === 'Task Overdue' ? 'overdue' : 'approaching';
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      // The index copy was stale or another run got there first: decide again on the task itself.
      task = await getTask(db, first.id, true);
    }
  }
  return 'skipped';
};

/** The digest's recipients: owners of open tasks whose next reminder falls before the digest horizon. */
const digestRecipients = async (db: Db, horizon: string): Promise<DigestRecipient[]> => {
  const recipients = new Map<string, DigestRecipient>();
  await Promise.all(
    allShards().map(async (shard) => {
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await queryTasks(db, {
          index: 'dueForReminder',
          partition: taskPartitions.dueForReminder(shard),
          to: through(horizon),
          ...(startKey ? { startKey } : {}),
        });
        for (const task of page.items) {
          const recipient = digestRecipientOf(task);
          recipients.set(digestRecipientId(recipient), recipient);
        }
        startKey = page.lastKey;
      } while (startKey);
    }),
  );
  return [...recipients.values()];
};

/** The recipient's open tasks due before the horizon, by deadline (overdue ones included). */
const digestTasks = async (db: Db, recipient: DigestRecipient, horizon: string): Promise<Task[]> => {
  const tasks: Task[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await queryTasks(db, {
      index: 'openByAssignee',
      partition: taskPartitions.openByAssignee(recipient.party, recipient.orgId, recipient.assigneeId),
      to: through(horizon),
      ...(startKey ? { startKey } : {}),
    });
    tasks.push(...page.items);
    startKey = page.lastKey;
  } while (startKey);
  return tasks;
};

/** One digest per recipient and local day: the marker and the outbox entry commit together. */
const sendDigests = async (db: Db, calendar: Calendar, now: Date, concurrency: number) => {
  const at = now.toISOString();
  const day = localDay(calendar, at);
  const counts = { digests: 0, digestsAlreadySent: 0, digestsEmpty: 0 };
  if (!isDigestTime(calendar, at)) return counts;
  if ((await getCheckpoint(db, DIGEST_JOB, day))?.done) return counts;
  const horizon = digestHorizon(calendar, at);
  const recipients = await digestRecipients(db, horizon);
  await mapBounded(recipients, concurrency, async (recipient) => {
    const tasks = await digestTasks(db, recipient, horizon);
    if (tasks.length === 0) {
      counts.digestsEmpty += 1;
      return;
    }
    try {
      await emitOnce(
        db,
        digestMarker(digestRecipientId(recipient), day),
        [buildDigest(calendar, recipient, tasks, at)],
        now,
      );
      counts.digests += 1;
    } catch (error) {
      if (!(error instanceof DuplicateEventError)) throw error;
      counts.digestsAlreadySent += 1;
    }
  });
  await saveCheckpoint(db, { job: DIGEST_JOB, runKey: day, position: '', counts, done: true, updatedAt: at });
  logger.info('daily digests sent', { day, ...counts });
  return counts;
};

export const run = async (input: JobInput = {}, options: JobRunOptions = {}): Promise<JobSummary> => {
  const started = Date.now();
  const now = new Date(input.now ?? Date.now());
  const db = tasksDb();
  const calendar = await serviceCalendar();
  // Digests first: they read the reminder index before this hour's overdue tasks leave it.
  const digestCounts = await sendDigests(db, calendar, now, options.concurrency ?? DEFAULT_CONCURRENCY);
  return runDueItemsJob({
    job: JOB,
    item: 'reminder',
    runKey: now.toISOString().slice(0, 13),
    index: 'dueForReminder',
    partition: taskPartitions.dueForReminder,
    parse: fromTaskItem,
    handle: (task) => sendDueReminder(db, task, now),
    input,
    options,
    now,
    started,
    counts: digestCounts,
  });
};

export const handler = scheduledHandler(JOB, (input) => run(input));
