// Pure lifecycle rules: how a task is born, changes and ends. Persistence applies what these return.
import { type Calendar, deadlineAfter } from './calendar.js';
import { catalogue } from './catalogue.js';
import { ForbiddenError, TaskNotFoundError, TaskRuleError, TaskStateError } from './errors.js';
import type {
  Actor,
  CallResult,
  HistoryAction,
  HistoryEntry,
  Party,
  Resolution,
  Task,
  TaskDetails,
  TaskType,
} from './task.js';

export interface Principal {
  userId: string;
  orgId: string;
  party: Party;
  role: 'owner' | 'manager' | 'contributor';
  /** From the token's optional `email` claim: the address notifications go to (issue 21). */
  email?: string;
}

export interface NewTaskInput {
  id: string;
  type: TaskType;
  party: Party;
  orgId: string;
  scopeKey: string;
  /** When the clock starts: the creating event's `time`, or now for manual tasks. */
  createdAt: string;
  deadline: string;
  title?: string;
  description?: string;
  caseId?: string | null;
  caseIds?: string[];
  assigneeId?: string | null;
  details?: TaskDetails;
}

/** A change the repository writes atomically: the new task state and its audit entry. */
export interface TaskChange {
  before: Task;
  after: Task;
  entry: HistoryEntry;
}

const platform: Actor = { kind: 'platform', id: 'casetasks' };
export const platformActor = platform;
export const userActor = (principal: Principal): Actor => ({ kind: 'user', id: principal.userId });

/** Deadline of a catalogue task created by an event at `eventTime`; `agreedDays` from SLA terms replace the catalogue's. */
export const catalogueDeadline = (
  calendar: Calendar,
  type: TaskType,
  eventTime: string,
  agreedDays?: number,
): string => {
  const days = agreedDays ?? catalogue[type].businessDays;
  if (days === null) throw new TaskRuleError(`${type} has no catalogue deadline`, 'deadline');
  return deadlineAfter(calendar, eventTime, days);
};

export const newTask = (input: NewTaskInput): Task => ({
  id: input.id,
  type: input.type,
  title: input.title ?? catalogue[input.type].label,
  ...(input.description === undefined ? {} : { description: input.description }),
  accessLevel: input.party,
  orgId: input.orgId,
  caseId: input.caseId ?? null,
  ...(input.caseIds === undefined ? {} : { caseIds: input.caseIds }),
  scopeKey: input.scopeKey,
  assigneeId: input.assigneeId ?? null,
  status: 'open',
  createdAt: input.createdAt,
  deadline: input.deadline,
  originalDeadline: input.deadline,
  ...(input.details === undefined ? {} : { details: input.details }),
  version: 1,
});

export const creationEntry = (task: Task, actor: Actor, eventId?: string): HistoryEntry => ({
  taskId: task.id,
  version: task.version,
  at: task.createdAt,
  action: 'created',
  actor,
  ...(eventId === undefined ? {} : { eventId }),
});

type Extra = Pick<HistoryEntry, 'reason' | 'eventId' | 'modelId'>;

const diff = (before: Task, after: Task): HistoryEntry['changes'] => {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys({ ...before, ...after }) as (keyof Task)[]) {
    if (key === 'version') continue;
    const [a, b] = [before[key], after[key]];
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = [a ?? null, b ?? null];
  }
  return changes;
};

/** Applies `patch` as the next version and records why. Every change goes through here. */
export const changeTask = (
  before: Task,
  patch: Partial<Task>,
  action: HistoryAction,
  actor: Actor,
  at: string,
  extra: Extra = {},
): TaskChange => {
  const after: Task = { ...before, ...patch, version: before.version + 1 };
  const entry: HistoryEntry = {
    taskId: before.id,
    version: after.version,
    at,
    action,
    actor,
    changes: diff(before, after),
    ...Object.fromEntries(Object.entries(extra).filter(([, value]) => value !== undefined)),
  };
  return { before, after, entry };
};

const requireOpen = (task: Task): void => {
  if (task.status !== 'open') throw new TaskStateError('task is already completed', 'status');
};

const closingAction: Record<Resolution, HistoryAction> = {
  done: 'completed',
  auto: 'auto_closed',
  ai: 'ai_resolved',
  cancelled: 'cancelled',
};

/** Ends an open task with a resolution. */
export const closeTask = (
  task: Task,
  resolution: Resolution,
  actor: Actor,
  at: string,
  extra: Extra = {},
): TaskChange => {
  requireOpen(task);
  return changeTask(
    task,
    { status: 'completed', resolution, completedAt: at, completedBy: actor.id },
    closingAction[resolution],
    actor,
    at,
    extra,
  );
};

// ---- access ---------------------------------------------------------------------------------

/** A task of another party or organisation does not exist for the caller. */
export const assertVisible = (principal: Principal, task: Task | undefined): Task => {
  if (!task || task.accessLevel !== principal.party || task.orgId !== principal.orgId) {
    throw new TaskNotFoundError();
  }
  return task;
};

/** Contributors change only tasks assigned to them; owners and managers any task of their org. */
export const assertMayChange = (principal: Principal, task: Task | undefined): Task => {
  const visible = assertVisible(principal, task);
  if (principal.role === 'contributor' && visible.assigneeId !== principal.userId) {
    throw new ForbiddenError('contributors may change only tasks assigned to them');
  }
  return visible;
};

// ---- user actions ---------------------------------------------------------------------------

export const postponeTask = (
  task: Task,
  newDeadline: string,
  actor: Actor,
  now: string,
  reason?: string,
): TaskChange => {
  requireOpen(task);
  const target = Date.parse(newDeadline);
  if (Number.isNaN(target)) throw new TaskRuleError('deadline must be an ISO date-time', 'deadline');
  if (Date.parse(task.deadline) <= Date.parse(now)) {
    throw new TaskStateError('an overdue task cannot be postponed', 'deadline');
  }
  if (target <= Date.parse(now)) throw new TaskRuleError('deadline must be in the future', 'deadline');
  if (target <= Date.parse(task.deadline)) {
    throw new TaskRuleError('deadline must be later than the current deadline', 'deadline');
  }
  return changeTask(task, { deadline: new Date(target).toISOString() }, 'postponed', actor, now, {
    reason,
  });
};

export const assignTask = (task: Task, assigneeId: string | null, actor: Actor, now: string): TaskChange => {
  requireOpen(task);
  if (task.assigneeId === assigneeId) {
    throw new TaskStateError('task is already assigned so', 'assigneeId');
  }
  return changeTask(task, { assigneeId }, 'assigned', actor, now);
};

/** "Mark as done": only where the catalogue allows it. */
export const completeManually = (task: Task, actor: Actor, now: string, reason?: string): TaskChange => {
  requireOpen(task);
  if (!catalogue[task.type].manualCompletion) {
    throw new TaskStateError(`${catalogue[task.type].label} closes automatically when the action happens`, 'type');
  }
  return closeTask(task, 'done', actor, now, { reason });
};

export interface CallLogInput {
  result: CallResult;
  note?: string;
  rescheduleTo?: string;
}

/**
 * Logging a call ends a call reminder, unless it is rescheduled: then the reminder stays open
 * with the new deadline (a reschedule is a postpone that may also move an overdue reminder).
 */
export const logCall = (task: Task, call: CallLogInput, actor: Actor, now: string): TaskChange => {
  requireOpen(task);
  if (task.type !== 'call_reminder') throw new TaskStateError('calls are logged on call reminders only', 'type');
  const calls = [
    ...(task.details?.calls ?? []),
    {
      result: call.result,
      ...(call.note === undefined ? {} : { note: call.note }),
      loggedAt: now,
      loggedBy: actor.id,
      ...(call.rescheduleTo === undefined ? {} : { rescheduledTo: new Date(call.rescheduleTo).toISOString() }),
    },
  ];
  const details = { ...task.details, calls };
  if (call.rescheduleTo !== undefined) {
    if (Date.parse(call.rescheduleTo) <= Date.parse(now)) {
      throw new TaskRuleError('rescheduleTo must be in the future', 'rescheduleTo');
    }
    return changeTask(
      task,
      { details, deadline: new Date(call.rescheduleTo).toISOString() },
      'call_logged',
      actor,
      now,
      {
        reason: `call ${call.result}, rescheduled`,
      },
    );
  }
  return changeTask(
    task,
    { details, status: 'completed', resolution: 'done', completedAt: now, completedBy: actor.id },
    'call_logged',
    actor,
    now,
    { reason: `call ${call.result}` },
  );
};

/** "Assign bank account to 3 cases": aggregated tasks show their live count. */
export const aggregateTitle = (type: TaskType, count: number): string => {
  const noun = count === 1 ? 'case' : 'cases';
  switch (type) {
    case 'assign_bank_account':
      return `Assign bank account to ${count} ${noun}`;
    case 'sign_contract':
      return `Sign contract for ${count} ${noun}`;
    default:
      return `${catalogue[type].label} (${count} ${noun})`;
  }
};
