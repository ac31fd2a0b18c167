// The building blocks every event rule uses: a marked write step, open-a-task and close-a-scope.

import {
  type CaseState,
  type CatalogueTaskInput,
  caseClosedAt,
  catalogue,
  catalogueTask,
  changeTask,
  closeTask,
  creationEntry,
  decideCreation,
  lateTask,
  type Party,
  platformActor,
  type Resolution,
  scheduleReminder,
  type Task,
  type TaskChange,
  type TaskType,
} from '@casetasks/core';
import {
  completedTasksOfCase,
  createGuardedTask,
  type Db,
  DuplicateEventError,
  getOpenTaskOfScope,
  getScope,
  recordLateTask,
  recordScopeClosure,
  type ScopeRef,
  type StepWrite,
  saveChange,
} from '@casetasks/db';
import { ulid } from 'ulid';
import { autoAssign, type PolicyLookup } from '../../policies/index.js';
import { serviceNow } from '../../runtime/clock.js';
import { taskTermsFor } from '../../sla/sla-terms.js';
import { endCaseClock, startCaseClock } from './clock-start.js';

export interface TaskEffect {
  action: 'created' | 'updated' | 'closed' | 'cancelled' | 'recorded' | 'ignored';
  taskId?: string;
  type?: string;
  note?: string;
}

/** What one event's rules share: where to write, each org's calendar and rules, and what happened so far. */
export interface StepContext {
  db: Db;
  policies: PolicyLookup;
  /** The platform event being applied; absent when the state machine calls in (no marker then). */
  eventId?: string;
  now: Date;
  effects: TaskEffect[];
  steps: { applied: number; duplicate: number };
}

export const newStepContext = (db: Db, policies: PolicyLookup, eventId?: string): StepContext => ({
  db,
  policies,
  ...(eventId === undefined ? {} : { eventId }),
  now: serviceNow(),
  effects: [],
  steps: { applied: 0, duplicate: 0 },
});

/**
 * One write of the event, with the marker `{eventId, step}` in its transaction: a retry of a partly
 * applied event skips the steps already written. Returns false when the step had been applied.
 */
export const step = async (ctx: StepContext, name: string, write: (options: StepWrite) => Promise<unknown>) => {
  try {
    await write({ ...(ctx.eventId ? { marker: { eventId: ctx.eventId, step: name } } : {}), now: ctx.now });
    ctx.steps.applied += 1;
    return true;
  } catch (error) {
    if (!(error instanceof DuplicateEventError)) throw error;
    ctx.steps.duplicate += 1;
    return false;
  }
};

const effectOf = (action: TaskEffect['action'], task: Task, note?: string): TaskEffect => ({
  action,
  taskId: task.id,
  type: task.type,
  ...(note === undefined ? {} : { note }),
});

export const scopeRef = (type: TaskType, orgId: string, scopeKey: string, party?: Party): ScopeRef => {
  const catalogueParty = catalogue[type].party;
  const resolved = catalogueParty === 'either' ? party : catalogueParty;
  if (!resolved) throw new Error(`${type} needs an explicit party`);
  return { type, party: resolved, orgId, scopeKey };
};

const scopeName = (scope: ScopeRef) => `${scope.type}:${scope.party}:${scope.orgId}:${scope.scopeKey}`;

/** What an event opens: a catalogue task (its id comes at creation) plus how to treat late events. */
export interface OpenTaskSpec extends Omit<CatalogueTaskInput, 'id'> {
  /** Record a task born completed when its closing event came first (single-opener scopes). */
  recordLate: boolean;
  /** The case, when the task is about one: a closed case cancels what it does not survive. */
  caseState?: CaseState;
  /** Further scopes whose closures end this task too (e.g. "the case left paused"). */
  closureScopes?: readonly ScopeRef[];
}

/** Opens the scope's task unless it is open already or its action already happened (see decideCreation). */
export const openTask = async (ctx: StepContext, spec: OpenTaskSpec): Promise<Task | undefined> => {
  const scope = scopeRef(spec.type, spec.orgId, spec.scopeKey, spec.party);
  const { scope: state, task: open } = await getOpenTaskOfScope(ctx.db, scope);
  if (open) {
    ctx.effects.push(effectOf('ignored', open, 'the scope already has an open task'));
    return open;
  }
  const closures = await Promise.all((spec.closureScopes ?? []).map((closure) => getScope(ctx.db, closure)));
  const closedAtCase = caseClosedAt(spec.caseState);
  const decision = decideCreation({
    type: spec.type,
    createdAt: spec.at,
    closedThrough: [state?.closedThrough, ...closures.map((closure) => closure?.closedThrough)],
    ...(closedAtCase === undefined ? {} : { caseClosedAt: closedAtCase }),
    recordLate: spec.recordLate,
  });
  if (decision.kind === 'skip') {
    ctx.effects.push({ action: 'ignored', type: spec.type, note: decision.reason });
    return undefined;
  }
  const policy = await ctx.policies.of(scope.party, spec.orgId);
  // The creditor's SLA terms in force at the event's time (issue 19): the agreed days, recorded on the task.
  const terms = await taskTermsFor(ctx, { ...spec, party: scope.party }, spec.caseState);
  const days = terms.days === undefined ? {} : { days: terms.days };
  const task = {
    ...catalogueTask(policy.calendar, { ...spec, id: ulid(), party: scope.party, ...days }),
    ...terms.fields,
  };
  if (decision.kind === 'late') {
    const born = lateTask(task, decision.resolution, decision.at, ctx.eventId);
    const late = { ...born, task: await startCaseClock(ctx.db, policy, born.task) };
    const applied = await step(ctx, `late:${scopeName(scope)}`, (options) => recordLateTask(ctx.db, late, options));
    if (applied) ctx.effects.push(effectOf('recorded', late.task, `${decision.resolution} at ${decision.at}`));
    return late.task;
  }
  const clocked = await startCaseClock(ctx.db, policy, scheduleReminder(policy, task));
  const scheduled = await autoAssign(ctx.db, policy, clocked);
  const entry = creationEntry(scheduled, platformActor, ctx.eventId);
  const applied = await step(ctx, `open:${scopeName(scope)}`, (options) =>
    createGuardedTask(ctx.db, scheduled, entry, { ...options, closureScopes: spec.closureScopes ?? [] }),
  );
  if (applied) ctx.effects.push(effectOf('created', scheduled));
  return applied ? scheduled : undefined;
};

/** Saves a change of a task found open (update or close) as one step named after the task. */
export const changeFoundTask = async (ctx: StepContext, name: string, found: TaskChange): Promise<void> => {
  const change = await endCaseClock(ctx.policies, found);
  const applied = await step(ctx, `${name}:${change.before.id}`, (options) => saveChange(ctx.db, change, options));
  if (!applied) return;
  const action: TaskEffect['action'] =
    change.after.status === 'open' ? 'updated' : change.after.resolution === 'cancelled' ? 'cancelled' : 'closed';
  ctx.effects.push(effectOf(action, change.after));
};

/** Ends an open task the platform saw acted on. */
export const endTask = (
  ctx: StepContext,
  task: Task,
  resolution: Resolution,
  at: string,
  reason?: string,
): Promise<void> =>
  changeFoundTask(
    ctx,
    'close',
    closeTask(task, resolution, platformActor, at, {
      ...(ctx.eventId === undefined ? {} : { eventId: ctx.eventId }),
      ...(reason === undefined ? {} : { reason }),
    }),
  );

export interface CloseScopeOptions {
  resolution?: Resolution;
  /** The case of the scope: lets a late closing event correct a cancellation it predates. */
  caseId?: string;
}

/**
 * The task of the scope was cancelled (the case closed) after this closing event happened: the
 * action came first, so the task ends `auto` at the event's time, as if delivered in order.
 */
const correctCancellation = async (ctx: StepContext, scope: ScopeRef, caseId: string, at: string) => {
  const cancelled = (await completedTasksOfCase(ctx.db, caseId, scope.party, scope.orgId)).filter(
    (task) =>
      task.type === scope.type &&
      task.scopeKey === scope.scopeKey &&
      task.resolution === 'cancelled' &&
      task.createdAt <= at &&
      (task.completedAt ?? '') > at,
  );
  for (const task of cancelled) {
    const change = changeTask(
      task,
      { resolution: 'auto', completedAt: at, completedBy: platformActor.id },
      'auto_closed',
      platformActor,
      at,
      {
        reason: 'the action happened before the case closed',
        ...(ctx.eventId === undefined ? {} : { eventId: ctx.eventId }),
      },
    );
    await changeFoundTask(ctx, 'reclose', change);
  }
};

/**
 * A closing event for a scope: closes its open task if that task is not newer than the event, and
 * remembers the closure so a creating event delivered later does not open the scope.
 */
export const closeScope = async (
  ctx: StepContext,
  scope: ScopeRef,
  at: string,
  options: CloseScopeOptions = {},
): Promise<void> => {
  const { scope: state, task } = await getOpenTaskOfScope(ctx.db, scope);
  if (task && task.createdAt <= at) await endTask(ctx, task, options.resolution ?? 'auto', at);
  else if (options.caseId) await correctCancellation(ctx, scope, options.caseId, at);
  if (task && task.createdAt > at) {
    ctx.effects.push(effectOf('ignored', task, 'the open task is newer than the closing event'));
  }
  const previous = state?.closedThrough;
  if (previous === undefined || at > previous) {
    const applied = await step(ctx, `closed-through:${scopeName(scope)}`, (options) =>
      recordScopeClosure(ctx.db, scope, at, previous, options),
    );
    if (applied && !task) ctx.effects.push({ action: 'recorded', type: scope.type, note: `closed through ${at}` });
  }
};
