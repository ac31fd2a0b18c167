// Event-created tasks: the catalogue deadline, and what a creating event does when its task was already acted on.
import type { Calendar } from '../calendar.js';
import { catalogue } from '../catalogue.js';
import { catalogueDeadline, closeTask, creationEntry, newTask, platformActor } from '../lifecycle.js';
import type { HistoryEntry, Party, Task, TaskDetails, TaskType } from '../task.js';

export interface CatalogueTaskInput {
  id: string;
  type: TaskType;
  /** Needed only where the catalogue says `either` (new_message). */
  party?: Party;
  orgId: string;
  scopeKey: string;
  caseId?: string | null;
  caseIds?: string[];
  /** The creating event's `time`: the clock starts here. */
  at: string;
  title?: string;
  details?: TaskDetails;
  /** Business days agreed in the creditor's SLA terms (sla-terms.ts), instead of the catalogue's. */
  days?: number;
}

const partyOf = (type: TaskType, party: Party | undefined): Party => {
  const catalogueParty = catalogue[type].party;
  if (catalogueParty !== 'either') return catalogueParty;
  if (!party) throw new Error(`${type} needs an explicit party`);
  return party;
};

/** A new open task of a catalogue type: deadline = event time + the type's (or the agreed) business days. */
export const catalogueTask = (calendar: Calendar, input: CatalogueTaskInput): Task =>
  newTask({
    id: input.id,
    type: input.type,
    party: partyOf(input.type, input.party),
    orgId: input.orgId,
    scopeKey: input.scopeKey,
    createdAt: input.at,
    deadline: catalogueDeadline(calendar, input.type, input.at, input.days),
    caseId: input.caseId ?? null,
    ...(input.caseIds === undefined ? {} : { caseIds: input.caseIds }),
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(input.details === undefined ? {} : { details: input.details }),
  });

export type CreationDecision =
  | { kind: 'open' }
  /** The action already happened: record the task as born completed, for the audit trail and SLA. */
  | { kind: 'late'; resolution: 'auto' | 'cancelled'; at: string }
  | { kind: 'skip'; reason: string };

export interface CreationFacts {
  type: TaskType;
  createdAt: string;
  /** closedThrough of the task's scope and of any extra closure scopes (undefined = none seen). */
  closedThrough: readonly (string | undefined)[];
  /** statusAt of the case when its state says `closed`. */
  caseClosedAt?: string;
  /** Single-opener scopes record a late task; coalescing scopes (chat, aggregates) record nothing. */
  recordLate: boolean;
}

const notBefore = (at: string, values: readonly (string | undefined)[]) =>
  values.filter((value): value is string => value !== undefined && value >= at).sort();

/**
 * A creating event older than a closure seen for its scope does not open it: the action happened
 * after the event. The earliest such closure is when the task ended. A case closed after the event
 * cancels it, unless the type survives a case closing.
 */
export const decideCreation = (facts: CreationFacts): CreationDecision => {
  const [closedAt] = notBefore(facts.createdAt, facts.closedThrough);
  if (closedAt !== undefined) {
    return facts.recordLate
      ? { kind: 'late', resolution: 'auto', at: closedAt }
      : { kind: 'skip', reason: `closed at ${closedAt}, after the creating event` };
  }
  const caseClosed =
    facts.caseClosedAt !== undefined &&
    facts.caseClosedAt >= facts.createdAt &&
    !catalogue[facts.type].survivesCaseClose;
  if (caseClosed && facts.caseClosedAt !== undefined) {
    return facts.recordLate
      ? { kind: 'late', resolution: 'cancelled', at: facts.caseClosedAt }
      : { kind: 'skip', reason: `case closed at ${facts.caseClosedAt}` };
  }
  return { kind: 'open' };
};

export interface LateTask {
  task: Task;
  entries: HistoryEntry[];
}

/** The task a late creating event records: created at its own time, completed when the action happened. */
export const lateTask = (open: Task, resolution: 'auto' | 'cancelled', at: string, eventId?: string): LateTask => {
  const created = creationEntry(open, platformActor, eventId);
  const closed = closeTask(open, resolution, platformActor, at, {
    reason: 'the closing event arrived before the creating event',
    ...(eventId === undefined ? {} : { eventId }),
  });
  return { task: closed.after, entries: [created, closed.entry] };
};
