// Shared set-up of the issue-11 scenario tests: a table for the handlers, org settings written straight, events in, outbox out.

import { type PlatformEventOutcome, processPlatformEvent } from '@casetasks/app/events';
import { resetClients, resetConfig } from '@casetasks/app/runtime';
import type { OrgCalendarSettings, OrgSettings, Party, Task, TaskType } from '@casetasks/core';
import { materialiseHolidays } from '@casetasks/core/holidays';
import {
  type Db,
  getTask,
  listOutboxSince,
  type OutboxEntry,
  putOrgCalendarSection,
  putOrgSettingsSection,
} from '@casetasks/db';
import { ulid } from 'ulid';
import { createTestTable, type TestTable } from '../support/table.js';
import { fixtureNow, platformEvent } from './events-helpers.js';

/** A fresh table the handlers and the hourly job read through the environment, as in Lambda. */
export const handlerTable = async (prefix: string): Promise<TestTable> => {
  const table = await createTestTable(prefix);
  process.env.TABLE_NAME = table.tableName;
  resetConfig();
  resetClients();
  return table;
};

/** Ids that no other test of the file uses (the tests of a file share one table). */
export const freshId = (prefix: string): string => `${prefix}-${ulid().slice(-8).toLowerCase()}`;

type Sections = Partial<Pick<OrgSettings, 'calendar' | 'reminders' | 'autoAssignment'>>;

/** What an owner would PUT, written section by section as the settings routes do (a calendar with its holidays). */
export const setOrgSettings = async (db: Db, party: Party, orgId: string, sections: Sections): Promise<void> => {
  for (const [section, value] of Object.entries(sections) as [keyof Sections, Sections[keyof Sections]][]) {
    if (value === undefined) continue;
    const write = { party, orgId, updatedBy: 'u-owner', now: new Date() };
    if (section === 'calendar') {
      const calendar = value as OrgCalendarSettings;
      const holidays = calendar.country === null ? null : materialiseHolidays(calendar.country);
      await putOrgCalendarSection(db, { ...write, section, value: calendar, holidays });
    } else {
      await putOrgSettingsSection(db, { ...write, section: section as keyof Sections, value });
    }
  }
};

export interface SubmittedCase {
  caseId: string;
  partnerOrgId: string;
  creditorOrgId: string;
  hasBankAccount?: boolean;
}

/** `Case Submitted` through the real event path: review_new_case (partner), assign_bank_account when no account. */
export const submitCase = (db: Db, submitted: SubmittedCase, time: string): Promise<PlatformEventOutcome> =>
  processPlatformEvent(
    platformEvent(
      'Case Submitted',
      {
        caseId: submitted.caseId,
        creditorOrgId: submitted.creditorOrgId,
        partnerOrgId: submitted.partnerOrgId,
        hasBankAccount: submitted.hasBankAccount ?? true,
        contractSigned: true,
        requiresQuote: false,
      },
      time,
    ),
    { db, now: fixtureNow },
  );

/** The task of this type an event created, as stored. */
export const createdTask = async (db: Db, outcome: PlatformEventOutcome, type: TaskType): Promise<Task> => {
  const effect = outcome.effects.find((candidate) => candidate.action === 'created' && candidate.type === type);
  const task = effect?.taskId ? await getTask(db, effect.taskId, true) : undefined;
  if (!task) throw new Error(`the event created no ${type}: ${JSON.stringify(outcome.effects)}`);
  return task;
};

/** Outbox entries of one detail-type about one task, in the order they were written. */
export const emittedFor = async (db: Db, detailType: string, taskId: string): Promise<OutboxEntry[]> =>
  (await listOutboxSince(db, '0')).filter(
    (entry) => entry.detailType === detailType && (entry.detail.task as Task | undefined)?.id === taskId,
  );
