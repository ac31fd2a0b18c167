// Hourly job: each reminder point (warnings, `Task Overdue`, `Task Escalated`) once per task and deadline, and the `Daily Digest` once per recipient and local day.

import type { JobInput, JobSummary } from '@casetasks/app/jobs';
import { orgPolicies, type PolicyLookup } from '@casetasks/app/policies';
import { logger, serviceCalendar, tasksDb } from '@casetasks/app/runtime';
import {
  buildDigest,
  changeTask,
  type DigestRecipient,
  digestHorizon,
  digestRecipientId,
  digestRecipientOf,
  dueReminder,
  escalationEvent,
  isDigestTime,
  localDay,
  type OrgPolicy,
  platformActor,
  type ReminderSend,
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
  instantKeyThrough,
  mapBounded,
  type OutgoingEvent,
  queryTasks,
  saveCheckpoint,
  saveReminder,
  taskPartitions,
  VersionConflictError,
} from '@casetasks/db';
import { scheduledHandler } from '../middleware/scheduled-handler.js';
import { DEFAULT_CONCURRENCY, type JobRunOptions, runDueItemsJob } from './due-items-job.js';

const JOB = 'deadline-reminders';
const DIGEST_JOB = 'daily-digest';

/**
 * The due sends the org still wants: an escalation planned before the owner turned it off is dropped
 * here, before the write, so the task is neither marked escalated nor listed in the digests.
 */
const wantedSends = (policy: OrgPolicy, sends: readonly ReminderSend[]): readonly ReminderSend[] =>
  policy.reminders.escalation ? sends : sends.filter((send) => send.type !== 'Task Escalated');

/** The events a due reminder sends, with the org's escalation setting as it is now. */
const reminderEvents = (policy: OrgPolicy, task: Task, sends: readonly ReminderSend[], at: string) =>
  sends.flatMap((send): OutgoingEvent[] => {
    if (send.type !== 'Task Escalated') return [reminderEvent(send.type, task, at, send.threshold)];
    const escalation = policy.reminders.escalation;
    return escalation ? [escalationEvent(task, at, escalation.businessDaysOverdue)] : [];
  });

/**
 * Sends the task's due reminders, if they are still due. The write is conditional on the version
 * read, so of two overlapping runs exactly one sends; the other re-reads and finds nothing due.
 */
const sendDueReminder = async (db: Db, policies: PolicyLookup, first: Task, now: Date): Promise<string> => {
  const at = now.toISOString();
  let task: Task | undefined = first;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (task?.status !== 'open') return 'skipped';
    const due = dueReminder(task, at);
    if (due.send.length === 0) return attempt === 0 ? 'notDue' : 'alreadySent';
    const policy = await policies.of(task.accessLevel, task.orgId);
    const send = wantedSends(policy, due.send);
    const escalated = send.some((item) => item.type === 'Task Escalated');
    // The point leaves the schedule even when nothing is sent for it, so the task leaves the index.
    const change = changeTask(
      task,
      { reminder: due.next, ...(escalated ? { escalatedAt: at } : {}) },
      'updated',
      platformActor,
      at,
      {
        reason:
          send.length > 0
            ? `${send.map((item) => item.type).join(', ')} sent`
            : 'Task Escalated not sent: the organisation turned escalation off',
      },
    );
    const events = reminderEvents(policy, change.after, send, at);
    try {
      await saveReminder(db, change, events, now);
      if (send.length === 0) return 'escalationOff';
      return send.at(-1)?.type === 'Task Escalated'
        ? 'escalated'
        : send.at(-1)?.type === 'Task Overdue'
          ? 'overdue'
          : 'approaching';
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      // The index copy was stale or another run got there first: decide again on the task itself.
      task = await getTask(db, first.id, true);
    }
  }
  return 'skipped';
};

/** Reads every page of one sharded index up to `to`, across all shards. */
const acrossShards = async (
  db: Db,
  index: 'dueForReminder' | 'openEscalated',
  to: string,
  visit: (task: Task) => void,
): Promise<void> => {
  await Promise.all(
    allShards().map(async (shard) => {
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await queryTasks(db, {
          index,
          partition: taskPartitions[index](shard),
          to: instantKeyThrough(to),
          ...(startKey ? { startKey } : {}),
        });
        page.items.forEach(visit);
        startKey = page.lastKey;
      } while (startKey);
    }),
  );
};

/**
 * Reading the reminder index this far ahead finds every recipient with something in its digest
 * horizon (end of its local day + 3 business days), whatever its calendar: even three business days
 * across Christmas and New Year fit in 14 calendar days.
 */
const DISCOVERY_DAYS = 14;

interface DigestGroup {
  recipient: DigestRecipient;
  escalated: Task[];
}

/**
 * The digest's recipients: owners of open tasks whose next reminder falls within the discovery
 * window, and the owners and managers (org recipient) of every org with an escalated open task.
 */
const digestGroups = async (db: Db, now: Date): Promise<DigestGroup[]> => {
  const groups = new Map<string, DigestGroup>();
  const groupOf = (recipient: DigestRecipient) => {
    const id = digestRecipientId(recipient);
    let group = groups.get(id);
    if (!group) {
      group = { recipient, escalated: [] };
      groups.set(id, group);
    }
    return group;
  };
  const window = new Date(now.getTime() + DISCOVERY_DAYS * 86_400_000).toISOString();
  await acrossShards(db, 'dueForReminder', window, (task) => groupOf(digestRecipientOf(task)));
  await acrossShards(db, 'openEscalated', now.toISOString(), (task) =>
    groupOf({ party: task.accessLevel, orgId: task.orgId, assigneeId: null }).escalated.push(task),
  );
  for (const group of groups.values()) group.escalated.sort((a, b) => a.deadline.localeCompare(b.deadline));
  return [...groups.values()];
};

/** The recipient's open tasks due before the horizon, by deadline (overdue ones included). */
const digestTasks = async (db: Db, recipient: DigestRecipient, horizon: string): Promise<Task[]> => {
  const tasks: Task[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await queryTasks(db, {
      index: 'openByAssignee',
      partition: taskPartitions.openByAssignee(recipient.party, recipient.orgId, recipient.assigneeId),
      to: instantKeyThrough(horizon),
      ...(startKey ? { startKey } : {}),
    });
    tasks.push(...page.items);
    startKey = page.lastKey;
  } while (startKey);
  return tasks;
};

/**
 * One digest per recipient and local day of its org's calendar, at the first hourly run at or after
 * 06:00 there: the marker and the outbox entry commit together. A time zone whose digests are all out
 * today gets a checkpoint, so later runs skip its recipients without reading their tasks.
 */
const sendDigests = async (db: Db, policies: PolicyLookup, now: Date, concurrency: number) => {
  const at = now.toISOString();
  const counts = { digests: 0, digestsAlreadySent: 0, digestsEmpty: 0, digestsNotYet: 0 };
  const groups = await digestGroups(db, now);
  const withCalendar = await Promise.all(
    groups.map(async (group) => ({
      ...group,
      calendar: (await policies.of(group.recipient.party, group.recipient.orgId)).calendar,
    })),
  );
  const zones = new Map<string, typeof withCalendar>();
  for (const group of withCalendar) {
    const zone = `${group.calendar.timeZone}#${localDay(group.calendar, at)}`;
    zones.set(zone, [...(zones.get(zone) ?? []), group]);
  }
  for (const [zoneDay, members] of zones) {
    const calendar = members[0]?.calendar;
    if (!calendar || !isDigestTime(calendar, at)) {
      counts.digestsNotYet += members.length;
      continue;
    }
    if ((await getCheckpoint(db, DIGEST_JOB, zoneDay))?.done) continue;
    await mapBounded(members, concurrency, async ({ recipient, escalated, calendar: own }) => {
      const tasks = await digestTasks(db, recipient, digestHorizon(own, at));
      if (tasks.length === 0 && escalated.length === 0) {
        counts.digestsEmpty += 1;
        return;
      }
      try {
        await emitOnce(
          db,
          digestMarker(digestRecipientId(recipient), localDay(own, at)),
          [buildDigest(own, recipient, tasks, at, escalated)],
          now,
        );
        counts.digests += 1;
      } catch (error) {
        if (!(error instanceof DuplicateEventError)) throw error;
        counts.digestsAlreadySent += 1;
      }
    });
    await saveCheckpoint(db, { job: DIGEST_JOB, runKey: zoneDay, position: '', counts, done: true, updatedAt: at });
  }
  if (counts.digests + counts.digestsAlreadySent > 0) logger.info('daily digests sent', counts);
  return counts;
};

export const run = async (input: JobInput = {}, options: JobRunOptions = {}): Promise<JobSummary> => {
  const started = Date.now();
  const now = new Date(input.now ?? Date.now());
  const db = tasksDb();
  const policies = orgPolicies(db, await serviceCalendar());
  // Digests first: they read the reminder index before this hour's overdue tasks leave it.
  const digestCounts = await sendDigests(db, policies, now, options.concurrency ?? DEFAULT_CONCURRENCY);
  return runDueItemsJob({
    job: JOB,
    item: 'reminder',
    runKey: now.toISOString().slice(0, 13),
    index: 'dueForReminder',
    partition: taskPartitions.dueForReminder,
    parse: fromTaskItem,
    handle: (task) => sendDueReminder(db, policies, task, now),
    input,
    options,
    now,
    started,
    counts: digestCounts,
  });
};

export const handler = scheduledHandler(JOB, (input) => run(input));
