// Shared set-up of the event lifecycle tests: a fresh table, the event processor on it, and readers.

import { type PlatformEventOutcome, processPlatformEvent } from '@casetasks/app/events';
import {
  type PausedCaseRef,
  type PausedCaseStart,
  resetClients,
  resetConfig,
  setWorkflowStarter,
} from '@casetasks/app/runtime';
import { type Party, type Task, type TaskStatus, weekendCalendar } from '@casetasks/core';
import { allTasksOf, type Db, getOpenTaskOfScope, listOutboxSince, planTaskList, type ScopeRef } from '@casetasks/db';
import { ulid } from 'ulid';
import { afterAll, beforeAll } from 'vitest';
import { createTestTable, type TestTable } from '../support/table.js';

export const calendar = weekendCalendar('UTC');
/**
 * The service clock of the event suites: after every fixed event time they use, so those stay inside
 * `time`'s ceiling (service clock + 5 minutes) whatever day the suite runs.
 */
export const fixtureNow = new Date('2027-06-30T00:00:00.000Z');

export interface RawEvent {
  id: string;
  source: string;
  'detail-type': string;
  time: string;
  detail: Record<string, unknown>;
}

export const platformEvent = (
  detailType: string,
  detail: Record<string, unknown>,
  time: string,
  id: string = ulid(),
): RawEvent => ({ id, source: 'platform', 'detail-type': detailType, time, detail });

/** A recording workflow starter: the paused-case follow-ups started and stopped. */
export const recordingWorkflow = () => {
  const started: PausedCaseStart[] = [];
  const stopped: PausedCaseRef[] = [];
  setWorkflowStarter({
    startPausedCaseFollowUp: async (start) => {
      started.push(start);
    },
    stopPausedCaseFollowUp: async (ref) => {
      stopped.push(ref);
    },
  });
  return { started, stopped };
};

export interface EventsHarness {
  table: TestTable;
  db: Db;
  send(event: RawEvent): Promise<PlatformEventOutcome>;
  emit(detailType: string, detail: Record<string, unknown>, time: string, id?: string): Promise<PlatformEventOutcome>;
  open(scope: ScopeRef): Promise<Task | undefined>;
  /** Every task of an organisation for one party: open and completed (Query openByDeadline + completedByOrg). */
  tasksOf(party: Party, orgId: string): Promise<Task[]>;
  outboxTypes(): Promise<string[]>;
}

export const eventsHarness = async (prefix: string): Promise<EventsHarness> => {
  const table = await createTestTable(prefix);
  process.env.TABLE_NAME = table.tableName;
  resetConfig();
  resetClients();
  const { db } = table;
  const send = (event: RawEvent) => processPlatformEvent(event, { db, calendar, now: fixtureNow });
  /** Every task of the org in `status`, oldest first (the portal lists completed ones newest first). */
  const all = (party: Party, orgId: string, status: TaskStatus): Promise<Task[]> =>
    allTasksOf(db, { ...planTaskList({ party, orgId, status }), descending: false });
  return {
    table,
    db,
    send,
    emit: (detailType, detail, time, id) => send(platformEvent(detailType, detail, time, id)),
    open: async (scope) => (await getOpenTaskOfScope(db, scope)).task,
    tasksOf: async (party, orgId) => [...(await all(party, orgId, 'open')), ...(await all(party, orgId, 'completed'))],
    outboxTypes: async () => (await listOutboxSince(db, '0')).map((entry) => entry.detailType),
  };
};

/**
 * The two tables of a replay suite, made before its tests and dropped after: one gets the stream in order,
 * the other every event twice, shuffled. Paused-case workflows are recorded, not started.
 */
export const replayHarnesses = (prefix: string): { inOrder: EventsHarness; shuffled: EventsHarness } => {
  const pair = {} as { inOrder: EventsHarness; shuffled: EventsHarness };
  beforeAll(async () => {
    recordingWorkflow();
    [pair.inOrder, pair.shuffled] = await Promise.all([eventsHarness(`${prefix}-a`), eventsHarness(`${prefix}-b`)]);
  });
  afterAll(async () => {
    setWorkflowStarter(undefined);
    await Promise.all([pair.inOrder.table.drop(), pair.shuffled.table.drop()]);
  });
  return pair;
};
