// The reminder pass of the hourly job: a task's due warnings, `Task Overdue` and `Task Escalated`, sent once per point.

import {
  changeTask,
  dueReminder,
  escalationEvent,
  type OrgPolicy,
  platformActor,
  type ReminderSend,
  reminderEvent,
  type Task,
} from '@casetasks/core';
import { type Db, getTask, type OutgoingEvent, saveReminder, VersionConflictError } from '@casetasks/db';
import type { PolicyLookup } from '../policies/org-policies.js';
import { expireExtension } from '../tasks/expire-extension.js';

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
export const sendDueReminder = async (db: Db, policies: PolicyLookup, first: Task, now: Date): Promise<string> => {
  const at = now.toISOString();
  let task: Task | undefined = first;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (task?.status !== 'open') return 'skipped';
    const due = dueReminder(task, at);
    if (due.send.length === 0) return attempt === 0 ? 'notDue' : 'alreadySent';
    // An unanswered extension request expires at its deadline instead of being reported overdue (issue 19).
    if (task.type === 'approve_extension' && due.send.some((item) => item.type === 'Task Overdue')) {
      if ((await expireExtension(db, policies, task, now)) === 'expired') return 'expired';
      task = await getTask(db, first.id, true);
      continue;
    }
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
