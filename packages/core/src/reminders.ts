// Deadline reminders and the daily digest (SPEC §3): when each reminder is due and what it says. Pure.
import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';
import { addWorkingDays, type Calendar, localDay } from './calendar.js';
import type { TaskChange } from './lifecycle.js';
import type { Party, Task, TaskType } from './task.js';

/** `Task Deadline Approaching` goes out this many business days before the deadline. */
export const APPROACHING_BUSINESS_DAYS = 3;
/** The paused-case follow-up escalates this many calendar days after its deadline. */
export const ESCALATION_CALENDAR_DAYS = 7;
/** The daily digest goes out on the first hourly run at or after this local hour. */
export const DIGEST_LOCAL_HOUR = 6;

/**
 * Types whose reminders the paused-case state machine sends (with its escalation), so the hourly
 * job leaves them alone and nobody is told twice.
 */
export const workflowReminderTypes: ReadonlySet<TaskType> = new Set(['paused_case_follow_up', 'client_input_required']);

export type ReminderStage = NonNullable<Task['reminder']>['stage'];

/** deadline − 3 business days, in the calendar's zone. */
export const approachingAt = (calendar: Calendar, deadline: string): string =>
  addWorkingDays(calendar, deadline, -APPROACHING_BUSINESS_DAYS).toISOString();

/** deadline + 7 calendar days. */
export const escalationAt = (deadline: string): string =>
  addDays(new Date(deadline), ESCALATION_CALENDAR_DAYS).toISOString();

/**
 * The task with its first reminder still to send for its current deadline. Call it when a task is
 * created (from = createdAt) and when its deadline moves (from = now): a postponed task starts both
 * stages again. A task born within 3 business days of its deadline skips `approaching` (its
 * `Task Created` already says so) and gets only `overdue`.
 */
export const scheduleReminder = (calendar: Calendar, task: Task, from: string = task.createdAt): Task => {
  const { reminder: _previous, ...rest } = task;
  if (task.status !== 'open' || workflowReminderTypes.has(task.type)) return rest;
  const approaching = approachingAt(calendar, task.deadline);
  const reminder =
    Date.parse(approaching) > Date.parse(from)
      ? { stage: 'approaching' as const, nextAt: approaching }
      : { stage: 'overdue' as const, nextAt: task.deadline };
  return { ...rest, reminder };
};

/**
 * Keeps a change's reminder in step with its deadline: when a change moves the deadline (postpone,
 * a rescheduled call), both reminder stages start again from `now`.
 */
export const rescheduleOnDeadlineMove = (calendar: Calendar, change: TaskChange, now: string): TaskChange =>
  change.after.deadline === change.before.deadline
    ? change
    : { ...change, after: scheduleReminder(calendar, change.after, now) };

export type ReminderEventType = 'Task Deadline Approaching' | 'Task Overdue';

export interface DueReminder {
  /** The event to send now, or none when the reminder is not due yet. */
  send?: ReminderEventType;
  /** The task's reminder after sending: the next stage, or undefined when both are done. */
  next?: Task['reminder'];
}

/**
 * What the hourly job does with a task whose reminder came due. A late `approaching` whose
 * deadline has passed meanwhile is dropped for `overdue`: telling someone a deadline is near after
 * it passed helps nobody.
 */
export const dueReminder = (task: Task, now: string): DueReminder => {
  const { reminder } = task;
  if (task.status !== 'open' || !reminder || Date.parse(reminder.nextAt) > Date.parse(now)) return {};
  if (reminder.stage === 'approaching' && Date.parse(task.deadline) > Date.parse(now)) {
    return { send: 'Task Deadline Approaching', next: { stage: 'overdue', nextAt: task.deadline } };
  }
  return { send: 'Task Overdue' };
};

/** Detail of the reminder events: the task as it is when the reminder goes out. */
export const reminderEvent = (detailType: ReminderEventType | 'Paused Case Escalated', task: Task, at: string) => ({
  detailType,
  detail: { task, remindedAt: at },
});

// ---- daily digest -------------------------------------------------------------------------------

/** Who gets a digest: the assignee, or the whole organisation for unassigned tasks. */
export interface DigestRecipient {
  party: Party;
  orgId: string;
  assigneeId: string | null;
}

export const digestRecipientOf = (task: Task): DigestRecipient => ({
  party: task.accessLevel,
  orgId: task.orgId,
  assigneeId: task.assigneeId,
});

export const digestRecipientId = (recipient: DigestRecipient): string =>
  `${recipient.party}#${recipient.orgId}#${recipient.assigneeId ?? '-'}`;

/** Is it late enough in the local day to send today's digests? */
export const isDigestTime = (calendar: Calendar, now: string): boolean =>
  new TZDate(Date.parse(now), calendar.timeZone).getHours() >= DIGEST_LOCAL_HOUR;

/** End of the local day of `now`, exclusive, as an ISO instant. */
export const endOfLocalDay = (calendar: Calendar, now: string): string =>
  addDays(startOfDay(new TZDate(Date.parse(now), calendar.timeZone)), 1).toISOString();

/** The digest covers open tasks due before this instant: overdue, due today, and the next 3 business days. */
export const digestHorizon = (calendar: Calendar, now: string): string =>
  addWorkingDays(calendar, endOfLocalDay(calendar, now), APPROACHING_BUSINESS_DAYS).toISOString();

export const DIGEST_MAX_TASKS = 20;

export interface DigestTaskRef {
  id: string;
  type: TaskType;
  title: string;
  caseId: string | null;
  deadline: string;
}

/** The `Daily Digest` detail for one recipient, from their open tasks sorted by deadline. */
export const buildDigest = (calendar: Calendar, recipient: DigestRecipient, tasks: readonly Task[], now: string) => {
  const endOfDay = Date.parse(endOfLocalDay(calendar, now));
  const nowMs = Date.parse(now);
  const overdue = tasks.filter((task) => Date.parse(task.deadline) <= nowMs);
  const dueToday = tasks.filter((task) => Date.parse(task.deadline) > nowMs && Date.parse(task.deadline) < endOfDay);
  const upcoming = tasks.filter((task) => Date.parse(task.deadline) >= endOfDay);
  const ref = (task: Task): DigestTaskRef => ({
    id: task.id,
    type: task.type,
    title: task.title,
    caseId: task.caseId,
    deadline: task.deadline,
  });
  return {
    detailType: 'Daily Digest' as const,
    detail: {
      recipient,
      day: localDay(calendar, now),
      counts: { overdue: overdue.length, dueToday: dueToday.length, upcoming: upcoming.length },
      tasks: tasks.slice(0, DIGEST_MAX_TASKS).map(ref),
    },
  };
};
