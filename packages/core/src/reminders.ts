// Deadline reminders and the daily digest (SPEC §3): when each reminder is due and what it says. Pure.
import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';
import { addWorkingDays, type Calendar, localDay, type StepCounter, workingTimeLocator } from './calendar.js';
import type { TaskChange } from './lifecycle.js';
import { type OrgPolicy, thresholdLabel, type WarningThreshold } from './org-settings.js';
import type { Party, ReminderPoint, Task, TaskType } from './task.js';

/** `Task Deadline Approaching` goes out this many business days before the deadline (SPEC default). */
export const APPROACHING_BUSINESS_DAYS = 3;
/** The paused-case follow-up escalates this many calendar days after its deadline. */
export const ESCALATION_CALENDAR_DAYS = 7;
/** How often the reminder job runs: a warning due longer ago than this was missed, not just reached. */
export const REMINDER_RUN_INTERVAL_MS = 3_600_000;
/** The daily digest goes out on the first hourly run at or after this local hour. */
export const DIGEST_LOCAL_HOUR = 6;

/**
 * Types whose reminders the paused-case state machine sends (with its escalation), so the hourly
 * job leaves them alone and nobody is told twice.
 */
export const workflowReminderTypes: ReadonlySet<TaskType> = new Set(['paused_case_follow_up', 'client_input_required']);

export type ReminderStage = ReminderPoint['stage'];

/** What scheduling needs of an org: its calendar and its reminder settings. */
export type ReminderPolicy = Pick<OrgPolicy, 'calendar' | 'reminders'>;

/** deadline − 3 business days, in the calendar's zone (the paused-case workflow's fixed warning). */
export const approachingAt = (calendar: Calendar, deadline: string): string =>
  addWorkingDays(calendar, deadline, -APPROACHING_BUSINESS_DAYS).toISOString();

/** deadline + 7 calendar days. */
export const escalationAt = (deadline: string): string =>
  addDays(new Date(deadline), ESCALATION_CALENDAR_DAYS).toISOString();

/**
 * When the warning thresholds fall for one task: percentages count working time from its creation. The
 * task's working time is indexed once, at its first percentage, however many thresholds use it.
 */
const warningPlanner = (calendar: Calendar, createdAt: string, deadline: string, counter?: StepCounter) => {
  let shareOfWorkingTime: ((fraction: number) => string) | undefined;
  return (threshold: WarningThreshold): string => {
    if (!('percentOfTime' in threshold)) {
      return addWorkingDays(calendar, deadline, -threshold.businessDaysBefore, counter).toISOString();
    }
    shareOfWorkingTime ??= workingTimeLocator(calendar, createdAt, deadline, counter);
    return shareOfWorkingTime(threshold.percentOfTime / 100);
  };
};

/** When a warning threshold falls for a task: percentages count working time from its creation. */
export const warningAt = (
  calendar: Calendar,
  threshold: WarningThreshold,
  createdAt: string,
  deadline: string,
  counter?: StepCounter,
): string => warningPlanner(calendar, createdAt, deadline, counter)(threshold);

/**
 * Every reminder point of the task's current deadline still ahead of `from`, by time: the org's
 * warnings (before the deadline), `overdue` at the deadline, and `escalation` when the org set one.
 * Bounded work however far the deadline (issue 15): see workingTimeLocator and addWorkingDays.
 */
export const reminderPlan = (
  policy: ReminderPolicy,
  task: Task,
  from: string,
  counter?: StepCounter,
): ReminderPoint[] => {
  const { calendar, reminders } = policy;
  const fromMs = Date.parse(from);
  const deadlineMs = Date.parse(task.deadline);
  const warningOf = warningPlanner(calendar, task.createdAt, task.deadline, counter);
  const warnings = reminders.warnings
    .map((threshold) => ({
      stage: 'approaching' as const,
      at: warningOf(threshold),
      threshold: thresholdLabel(threshold),
    }))
    .filter((point) => Date.parse(point.at) > fromMs && Date.parse(point.at) < deadlineMs);
  const escalation = reminders.escalation
    ? [
        {
          stage: 'escalation' as const,
          at: addWorkingDays(calendar, task.deadline, reminders.escalation.businessDaysOverdue, counter).toISOString(),
        },
      ]
    : [];
  const byTime = (a: ReminderPoint, b: ReminderPoint) => Date.parse(a.at) - Date.parse(b.at);
  return [...warnings.sort(byTime), { stage: 'overdue', at: task.deadline }, ...escalation];
};

const toSchedule = (points: readonly ReminderPoint[]): Task['reminder'] => {
  const [next, ...later] = points;
  if (!next) return undefined;
  return {
    stage: next.stage,
    nextAt: next.at,
    ...(next.threshold === undefined ? {} : { threshold: next.threshold }),
    ...(later.length > 0 ? { later } : {}),
  };
};

/**
 * The points of a stored schedule. A plan always holds `overdue` after its warnings, but a schedule
 * written before per-org thresholds existed is just `{stage: 'approaching', nextAt}` with the overdue
 * implied: it is made explicit here, or tasks open at the upgrade would never be reported overdue.
 */
const pointsOf = (reminder: NonNullable<Task['reminder']>, deadline: string): ReminderPoint[] => {
  const points: ReminderPoint[] = [
    {
      stage: reminder.stage,
      at: reminder.nextAt,
      ...(reminder.threshold === undefined ? {} : { threshold: reminder.threshold }),
    },
    ...(reminder.later ?? []),
  ];
  return points.every((point) => point.stage === 'approaching')
    ? [...points, { stage: 'overdue', at: deadline }]
    : points;
};

/**
 * The task with its reminders planned for its current deadline. Call it when a task is created
 * (from = createdAt) and when its deadline moves (from = now): a postponed task starts again. A
 * warning already behind `from` is skipped (a task born within 3 business days of its deadline gets
 * no `approaching`: its `Task Created` already says so).
 */
export const scheduleReminder = (policy: ReminderPolicy, task: Task, from: string = task.createdAt): Task => {
  const { reminder: _previous, escalatedAt: _escalated, ...rest } = task;
  if (task.status !== 'open' || workflowReminderTypes.has(task.type)) return rest;
  const reminder = toSchedule(reminderPlan(policy, task, from));
  return reminder ? { ...rest, reminder } : rest;
};

/**
 * Keeps a change's reminders in step with its deadline: when a change moves the deadline (postpone,
 * a rescheduled call), the plan starts again from `now`, escalation included.
 */
export const rescheduleOnDeadlineMove = (policy: ReminderPolicy, change: TaskChange, now: string): TaskChange =>
  change.after.deadline === change.before.deadline
    ? change
    : { ...change, after: scheduleReminder(policy, change.after, now) };

export type ReminderEventType = 'Task Deadline Approaching' | 'Task Overdue' | 'Task Escalated';

export interface ReminderSend {
  type: ReminderEventType;
  threshold?: string;
}

export interface DueReminder {
  /** The events to send now, in order; empty when nothing is due yet. */
  send: ReminderSend[];
  /** The task's reminder after sending: the next point, or undefined when all are done. */
  next?: Task['reminder'];
}

/**
 * What the hourly job does with a task whose reminder came due. Every warning that came due within
 * the last run interval goes out; of warnings missed longer ago (the job was down) only the latest
 * does, and none once the deadline has passed: telling
 * someone a deadline is near after it passed helps nobody. Each point is sent at most once because
 * it leaves the schedule in the same conditional write that sends it.
 */
export const dueReminder = (task: Task, now: string): DueReminder => {
  const { reminder } = task;
  if (task.status !== 'open' || !reminder) return { send: [] };
  const nowMs = Date.parse(now);
  const points = pointsOf(reminder, task.deadline);
  const due = points.filter((point) => Date.parse(point.at) <= nowMs);
  if (due.length === 0) return { send: [] };
  const warnings = Date.parse(task.deadline) > nowMs ? due.filter((point) => point.stage === 'approaching') : [];
  // Warnings that came due since the previous hourly run all go out (two thresholds may share an
  // instant); older ones were missed while the job was down, and only the latest of those matters.
  const recent = warnings.filter((point) => Date.parse(point.at) > nowMs - REMINDER_RUN_INTERVAL_MS);
  const sent = recent.length > 0 ? recent : warnings.slice(-1);
  const send: ReminderSend[] = [
    ...sent.map((point) => ({
      type: 'Task Deadline Approaching' as const,
      ...(point.threshold ? { threshold: point.threshold } : {}),
    })),
    ...(due.some((point) => point.stage === 'overdue') ? [{ type: 'Task Overdue' as const }] : []),
    ...(due.some((point) => point.stage === 'escalation') ? [{ type: 'Task Escalated' as const }] : []),
  ];
  const next = toSchedule(points.filter((point) => Date.parse(point.at) > nowMs));
  return { send, ...(next ? { next } : {}) };
};

/** Detail of the reminder events: the task as it is when the reminder goes out. */
export const reminderEvent = (
  detailType: Exclude<ReminderEventType, 'Task Escalated'> | 'Paused Case Escalated',
  task: Task,
  at: string,
  threshold?: string,
) => ({
  detailType,
  detail: { task, remindedAt: at, ...(threshold === undefined ? {} : { threshold }) },
});

/** `Task Escalated`: for the org's owners and managers, once per deadline. */
export const escalationEvent = (task: Task, at: string, businessDaysOverdue: number) => ({
  detailType: 'Task Escalated' as const,
  detail: {
    task,
    escalatedAt: at,
    businessDaysOverdue,
    notify: { party: task.accessLevel, orgId: task.orgId, roles: ['owner', 'manager'] as ('owner' | 'manager')[] },
  },
});

// ---- daily digest -------------------------------------------------------------------------------

/** Who gets a digest: the assignee, or the org's owners and managers for unassigned (and escalated) tasks. */
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

/**
 * The `Daily Digest` detail for one recipient, from their open tasks sorted by deadline. The org
 * recipient (owners and managers, `assigneeId: null`) also gets a line per escalated open task.
 */
export const buildDigest = (
  calendar: Calendar,
  recipient: DigestRecipient,
  tasks: readonly Task[],
  now: string,
  escalated: readonly Task[] = [],
) => {
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
      ...(escalated.length > 0
        ? {
            escalated: escalated
              .slice(0, DIGEST_MAX_TASKS)
              .map((task) => ({ ...ref(task), assigneeId: task.assigneeId, escalatedAt: task.escalatedAt ?? now })),
          }
        : {}),
    },
  };
};
