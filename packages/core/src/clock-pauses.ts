// When a case's SLA clocks stand still (issue 19): pause intervals as a pure function of the case's logs,
// which task types each reason stops, and the clock change of one task. Pure.
import { createHash } from 'node:crypto';
import type { Calendar } from './calendar.js';
import type { CaseState } from './case-state.js';
import { waitingReasonOf, waitingUntil } from './case-update-sla.js';
import { changeTask, platformActor, type TaskChange } from './lifecycle.js';
import { type ReminderPolicy, scheduleReminder } from './reminders.js';
import { runningPause, slaClockPatch } from './sla-clock.js';
import type { ClockPause, ClockPauseReason, Task, TaskType } from './task.js';

/**
 * Which partner task types each reason stops. A paused case stops the work the partner cannot do while
 * paused; the chat stays live (new_message) and the pause's own follow-up tasks are the work of the pause.
 * Waiting on the client or a third party stops only the case-update clock (update_case_status).
 */
export const pausedTaskTypes: Readonly<Record<ClockPauseReason, readonly TaskType[]>> = {
  case_paused: ['review_new_case', 'update_case_status', 'provide_quote', 'respond_to_complaint'],
  waiting_on_client: ['update_case_status'],
  waiting_on_third_party: ['update_case_status'],
};

/** Does any pause reason stop tasks of this type? Only partner tasks are ever paused. */
export const clockPausesApply = (task: Pick<Task, 'type' | 'accessLevel'>): boolean =>
  task.accessLevel === 'partner' && Object.values(pausedTaskTypes).some((types) => types.includes(task.type));

/** The case's stretches with status `paused`: each to the next other status, end null while still paused. */
const pausedStretches = (state: CaseState): ClockPause[] => {
  const pauses: ClockPause[] = [];
  let start: string | undefined;
  for (const entry of state.statusLog ?? []) {
    if (entry.status === 'paused') start ??= entry.at;
    else if (start !== undefined) {
      pauses.push({ start, end: entry.at, reason: 'case_paused' });
      start = undefined;
    }
  }
  if (start !== undefined) pauses.push({ start, end: null, reason: 'case_paused' });
  return pauses;
};

/**
 * The waiting stretches: from a waiting update to the earliest of the next update, the end of its
 * expectedDate's day, or MAX_WAITING_DAYS after it. Their end is always known, so they never run open.
 */
const waitingStretches = (state: CaseState): ClockPause[] => {
  const updates = state.statusUpdateLog ?? [];
  return updates.flatMap((update, index) => {
    const reason = waitingReasonOf(update.statusType);
    if (!reason) return [];
    const next = updates.slice(index + 1).find((later) => later.at > update.at);
    const until = new Date(waitingUntil(update)).toISOString();
    const end = next && next.at < until ? next.at : until;
    return end > update.at ? [{ start: update.at, end, reason }] : [];
  });
};

/** Every pause of the case, oldest first: the same logs give the same pauses, whatever the delivery order. */
export const casePauses = (state: CaseState | undefined): ClockPause[] =>
  state
    ? [...pausedStretches(state), ...waitingStretches(state)].sort(
        (a, b) => a.start.localeCompare(b.start) || a.reason.localeCompare(b.reason),
      )
    : [];

/** The pauses that stop this task's clock (not yet clipped to its life: slaClockPatch does that). */
export const pausesOfTask = (pauses: readonly ClockPause[], task: Pick<Task, 'type' | 'accessLevel'>) =>
  clockPausesApply(task) ? pauses.filter((pause) => pausedTaskTypes[pause.reason].includes(task.type)) : [];

/**
 * The earliest instant whose pauses a fact at `at` may have changed: `at` itself, or the start of a pause
 * of the state after the fact that reaches it (a new status or update ends the stretch it falls into).
 * Tasks completed before this instant keep their pauses.
 */
export const pausesChangedFrom = (state: CaseState | undefined, at: string): string => {
  const reaching = casePauses(state).filter((pause) => pause.end === null || pause.end >= at);
  return reaching.reduce((min, pause) => (pause.start < min ? pause.start : min), at);
};

/** A stable short name of a list of pauses: the step name of the write that records them. */
export const pausesHash = (pauses: readonly ClockPause[]): string => {
  const text = pauses.map((pause) => `${pause.start}/${pause.end ?? '-'}/${pause.reason}`).join(',');
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
};

const pauseText = (pause: ClockPause): string =>
  pause.end === null ? `${pause.reason} since ${pause.start}` : `${pause.reason} from ${pause.start} to ${pause.end}`;

/**
 * The change that brings the task's clock in line with the case's pauses, or undefined when it already
 * is: `clock_paused` when a pause now runs that did not, else `clock_resumed`; the reason names each pause
 * that is new or changed. While a pause runs the task has no reminders; when none runs any more, or the
 * deadline moved, its reminders are planned again from `now`.
 */
export const clockChange = (
  policy: ReminderPolicy,
  task: Task,
  casePausesNow: readonly ClockPause[],
  now: string,
  eventId?: string,
): TaskChange | undefined => {
  const patch = slaClockPatch(policy.calendar, task, { pauses: pausesOfTask(casePausesNow, task) });
  if (Object.keys(patch).length === 0) return undefined;
  const after = { ...task, ...patch };
  const running = runningPause(after);
  const known = new Set((task.clockPauses ?? []).map(pauseText));
  const changed = (after.clockPauses ?? []).map(pauseText).filter((text) => !known.has(text));
  const reason = changed.length > 0 ? `clock: ${changed.join('; ')}` : 'clock: a pause ended or was withdrawn';
  const action = running && !runningPause(task) ? 'clock_paused' : 'clock_resumed';
  const change = changeTask(task, patch, action, platformActor, now, {
    reason,
    ...(eventId === undefined ? {} : { eventId }),
  });
  if (change.after.status !== 'open') return change;
  if (running) {
    const { reminder: _stopped, ...rest } = change.after;
    return { ...change, after: rest };
  }
  const resumed = runningPause(task) !== undefined || change.after.deadline !== task.deadline;
  return resumed ? { ...change, after: scheduleReminder(policy, change.after, now) } : change;
};

/**
 * A task born on a case that has pauses: its clock as if it had been open through them (clipped to its
 * life), without reminders while a pause runs and with them planned again when its deadline moved.
 */
export const withCaseClock = (policy: ReminderPolicy, task: Task, state: CaseState | undefined): Task => {
  const patch = slaClockPatch(policy.calendar, task, { pauses: pausesOfTask(casePauses(state), task) });
  if (Object.keys(patch).length === 0) return task;
  const clocked: Task = { ...task, ...patch };
  if (clocked.status !== 'open') return clocked;
  if (runningPause(clocked)) {
    const { reminder: _stopped, ...rest } = clocked;
    return rest;
  }
  return clocked.deadline === task.deadline ? clocked : scheduleReminder(policy, clocked);
};

/**
 * A change that completes a task, with the task's pauses clipped to its end: pauses learnt while it was
 * open may reach past a completion (a waiting stretch with a known end, or a pause whose events came
 * before a completion delivered late). History shows the clock fields that moved.
 */
export const clockAtCompletion = (calendar: Calendar, change: TaskChange): TaskChange => {
  const { before, after } = change;
  if (after.status !== 'completed' || !after.clockPauses?.length) return change;
  const patch = slaClockPatch(calendar, after, { pauses: after.clockPauses });
  if (Object.keys(patch).length === 0) return change;
  const moved: Record<string, [unknown, unknown]> = {};
  for (const [field, value] of Object.entries(patch))
    moved[field] = [before[field as keyof Task] ?? null, value ?? null];
  return {
    ...change,
    after: { ...after, ...patch },
    entry: { ...change.entry, changes: { ...change.entry.changes, ...moved } },
  };
};
