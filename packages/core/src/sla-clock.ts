// The SLA clock of issue 19: the deadline a task is measured against (slaDeadline), moved by approved
// extensions and by the working time its clock stood still. Pure: writers store what these return.
import { addWorkingDays, addWorkingMs, type Calendar, workingMsBetween } from './calendar.js';
import { type ClockPause, MAX_CLOCK_PAUSES, type SlaExtension, type Task } from './task.js';

/** The deadline the SLA measures: slaDeadline when the clock moved it, else originalDeadline. */
export const slaDeadlineOf = (task: Pick<Task, 'slaDeadline' | 'originalDeadline'>): string =>
  task.slaDeadline ?? task.originalDeadline;

/** The pause the clock stands in now (end null), if any. */
export const runningPause = (task: Pick<Task, 'clockPauses'>): ClockPause | undefined =>
  task.clockPauses?.find((pause) => pause.end === null);

/**
 * The instant the SLA measures an end against: a running pause freezes the clock at its start, so lateness
 * does not grow while the task cannot be worked (an open task's "now", or a completion during a pause).
 */
export const slaEndOf = (task: Pick<Task, 'clockPauses'>, endedAt: string): string => {
  const running = runningPause(task);
  return running && running.start < endedAt ? running.start : endedAt;
};

/** Business days of the approved extensions. */
export const approvedExtensionDays = (extensions: readonly SlaExtension[] | undefined): number =>
  (extensions ?? []).filter((extension) => extension.status === 'approved').reduce((sum, e) => sum + e.businessDays, 0);

/**
 * A case's pause intervals as they apply to one task: clipped to the task's life [createdAt, completedAt),
 * empty stretches dropped, oldest first; beyond MAX_CLOCK_PAUSES the oldest closed ones merge into one
 * stretch with the earliest start and the latest end of those merged (their working time is kept exactly
 * in pausedWorkingMs, which is computed from the unmerged list).
 */
export const clipPauses = (
  pauses: readonly ClockPause[],
  task: Pick<Task, 'createdAt' | 'completedAt'>,
): ClockPause[] => {
  const clipped: ClockPause[] = [];
  for (const pause of [...pauses].sort((a, b) => a.start.localeCompare(b.start))) {
    const start = pause.start < task.createdAt ? task.createdAt : pause.start;
    let end = pause.end;
    if (task.completedAt !== undefined && (end === null || end > task.completedAt)) {
      // A pause running at completion stays open: the score freezes at its start (slaEndOf).
      end = pause.start >= task.completedAt ? null : end === null ? null : task.completedAt;
      if (pause.start >= task.completedAt) continue;
    }
    if (end !== null && end <= start) continue;
    clipped.push({ start, end, reason: pause.reason });
  }
  return clipped;
};

const mergeOldest = (pauses: readonly ClockPause[]): ClockPause[] => {
  if (pauses.length <= MAX_CLOCK_PAUSES) return [...pauses];
  const overflow = pauses.length - MAX_CLOCK_PAUSES + 1;
  const merged = pauses.slice(0, overflow);
  const first = merged[0] as ClockPause;
  const last = merged.at(-1) as ClockPause;
  return [{ start: first.start, end: last.end, reason: first.reason }, ...pauses.slice(overflow)];
};

/** Working time of the closed pauses (overlapping stretches counted once). */
export const pausedWorkingMsOf = (calendar: Calendar, pauses: readonly ClockPause[]): number => {
  let total = 0;
  let coveredUntil = '';
  for (const pause of [...pauses].sort((a, b) => a.start.localeCompare(b.start))) {
    if (pause.end === null) continue;
    const start = pause.start < coveredUntil ? coveredUntil : pause.start;
    if (pause.end > start) total += workingMsBetween(calendar, start, pause.end);
    if (pause.end > coveredUntil) coveredUntil = pause.end;
  }
  return total;
};

export interface SlaClockInput {
  /** The case's pause intervals that stop this task's clock (before clipping); absent = keep the task's. */
  pauses?: readonly ClockPause[];
  /** The task's extension requests; absent = keep the task's. */
  extensions?: readonly SlaExtension[];
}

/**
 * The task's SLA clock fields for these pauses and extensions: slaDeadline = originalDeadline + approved
 * extension business days + paused working time. The working deadline follows: a task never postponed
 * (deadline = its previous SLA deadline) moves with it; a postponed one keeps the later of the two.
 * Returns only the fields that change, so "nothing changed" is an empty patch.
 */
export const slaClockPatch = (calendar: Calendar, task: Task, input: SlaClockInput): Partial<Task> => {
  const extensions = input.extensions ?? task.extensions ?? [];
  const pauses = input.pauses === undefined ? (task.clockPauses ?? []) : clipPauses(input.pauses, task);
  const pausedWorkingMs = pausedWorkingMsOf(calendar, pauses);
  const extensionDays = approvedExtensionDays(extensions);
  const extended =
    extensionDays > 0
      ? addWorkingDays(calendar, task.originalDeadline, extensionDays).toISOString()
      : task.originalDeadline;
  const slaDeadline = addWorkingMs(calendar, extended, pausedWorkingMs);
  const previousSla = slaDeadlineOf(task);
  const next: Partial<Task> = {
    ...(extensions.length > 0 ? { extensions: [...extensions] } : {}),
    ...(pauses.length > 0 ? { clockPauses: mergeOldest(pauses) } : {}),
    ...(pausedWorkingMs > 0 ? { pausedWorkingMs } : {}),
    ...(slaDeadline !== task.originalDeadline ? { slaDeadline } : {}),
  };
  if (task.status === 'open' && slaDeadline !== previousSla) {
    next.deadline = task.deadline === previousSla || slaDeadline > task.deadline ? slaDeadline : task.deadline;
  }
  const patch: Partial<Task> = {};
  const fields = ['extensions', 'clockPauses', 'pausedWorkingMs', 'slaDeadline', 'deadline'] as const;
  for (const field of fields) {
    const [before, after] = [task[field], next[field]];
    if (field === 'deadline' && after === undefined) continue;
    if (JSON.stringify(before) !== JSON.stringify(after)) Object.assign(patch, { [field]: after });
  }
  return patch;
};
