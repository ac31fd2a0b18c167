// The digest pass of the hourly job: one `Daily Digest` per recipient and local day, at 06:00 in its org's time zone.

import {
  buildDigest,
  type DigestRecipient,
  digestHorizon,
  digestRecipientId,
  digestRecipientOf,
  isDigestTime,
  localDay,
  mapBounded,
  type Task,
} from '@casetasks/core';
import {
  type Db,
  DuplicateEventError,
  digestMarker,
  dueForReminder,
  emitOnce,
  escalatedThrough,
  getCheckpoint,
  openTasksOfAssigneeThrough,
  saveCheckpoint,
} from '@casetasks/db';
import type { PolicyLookup } from '../policies/org-policies.js';
import { logger } from '../runtime/observability.js';

const DIGEST_JOB = 'daily-digest';

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
  await dueForReminder(db, window, (task) => groupOf(digestRecipientOf(task)));
  await escalatedThrough(db, now.toISOString(), (task) =>
    groupOf({ party: task.accessLevel, orgId: task.orgId, assigneeId: null }).escalated.push(task),
  );
  for (const group of groups.values()) group.escalated.sort((a, b) => a.deadline.localeCompare(b.deadline));
  return [...groups.values()];
};

/**
 * One digest per recipient and local day of its org's calendar, at the first hourly run at or after
 * 06:00 there: the marker and the outbox entry commit together. A time zone whose digests are all out
 * today gets a checkpoint, so later runs skip its recipients without reading their tasks.
 */
export const sendDigests = async (db: Db, policies: PolicyLookup, now: Date, concurrency: number) => {
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
      // The recipient's open tasks due before the horizon, by deadline (overdue ones included).
      const tasks = await openTasksOfAssigneeThrough(db, recipient, digestHorizon(own, at));
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
