// Issue 11, org calendars: deadlines and reminder times of event- and user-created tasks follow each org's zone, holidays and closed days.

import { runDeadlineReminders as run } from '@casetasks/app/jobs';
import { createTaskBodySchema } from '@casetasks/app/tasks';
import type { OrgCalendarSettings, Principal } from '@casetasks/core';
import { getOrgSettings, getTask, listOutboxSince } from '@casetasks/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/http/task-actions.js';
import type { TestTable } from '../support/table.js';
import { createdTask, emittedFor, freshId, handlerTable, setOrgSettings, submitCase } from './org-settings-fixtures.js';

// 26 Oct (a Monday) is the DK org's own closed day, New Year's Eve too; 25 Dec and 1 Jan are DK holidays.
const copenhagen: OrgCalendarSettings = {
  timeZone: 'Europe/Copenhagen',
  country: 'DK',
  closedDays: ['2026-10-26', '2026-12-31'],
};
const newYork: OrgCalendarSettings = { timeZone: 'America/New_York', country: 'US', closedDays: [] };

let table: TestTable;
beforeAll(async () => {
  table = await handlerTable('org-calendars');
});
afterAll(async () => table.drop());

/** A DK partner, a US creditor and a pair of orgs that never set anything, all fresh. */
const orgs = async () => {
  const ids = {
    caseId: freshId('c'),
    dkPartner: freshId('p-dk'),
    dkCreditor: freshId('cr-dk'),
    nyPartner: freshId('p-ny'),
    nyCreditor: freshId('cr-ny'),
    plainPartner: freshId('p-plain'),
    plainCreditor: freshId('cr-plain'),
  };
  await setOrgSettings(table.db, 'partner', ids.dkPartner, { calendar: copenhagen });
  await setOrgSettings(table.db, 'creditor', ids.dkCreditor, { calendar: copenhagen });
  await setOrgSettings(table.db, 'partner', ids.nyPartner, { calendar: newYork });
  await setOrgSettings(table.db, 'creditor', ids.nyCreditor, { calendar: newYork });
  return ids;
};

describe('deadlines of event-created tasks', () => {
  it('one event on the Friday before DST ends: each of its two orgs gets a deadline on its own calendar', async () => {
    // Prepare: Fri 23 Oct 2026 08:00Z = 10:00 in Copenhagen (CEST), 04:00 in New York (EDT).
    const x = await orgs();
    const time = '2026-10-23T08:00:00.000Z';

    // Act
    const configured = await submitCase(
      table.db,
      { caseId: x.caseId, partnerOrgId: x.dkPartner, creditorOrgId: x.nyCreditor, hasBankAccount: false },
      time,
    );
    const plain = await submitCase(
      table.db,
      { caseId: freshId('c'), partnerOrgId: x.plainPartner, creditorOrgId: x.plainCreditor, hasBankAccount: false },
      time,
    );

    // Assess: DK review + 2 BD skips the weekend (DST ends Sun 25) and the closed Mon 26 → Wed 28 10:00 CET.
    const dkReview = await createdTask(table.db, configured, 'review_new_case');
    expect(dkReview).toMatchObject({ orgId: x.dkPartner, createdAt: time, deadline: '2026-10-28T09:00:00.000Z' });
    // US bank account + 7 BD → Tue 3 Nov 04:00 EST, after New York's own DST end (Sun 1 Nov).
    const nyBank = await createdTask(table.db, configured, 'assign_bank_account');
    expect(nyBank).toMatchObject({ orgId: x.nyCreditor, createdAt: time, deadline: '2026-11-03T09:00:00.000Z' });
    // Orgs without settings keep the deployment default: UTC, weekends only.
    expect(await getOrgSettings(table.db, 'partner', x.plainPartner)).toEqual({ version: 0 });
    expect(await createdTask(table.db, plain, 'review_new_case')).toMatchObject({
      deadline: '2026-10-27T08:00:00.000Z',
    });
    expect(await createdTask(table.db, plain, 'assign_bank_account')).toMatchObject({
      deadline: '2026-11-03T08:00:00.000Z',
    });
  });

  it('across Christmas and New Year the DK org skips its public holidays and its extra closed day', async () => {
    // Prepare: Wed 23 Dec and Tue 29 Dec, 09:00 in Copenhagen.
    const x = await orgs();
    const beforeChristmas = '2026-12-23T08:00:00.000Z';
    const beforeNewYear = '2026-12-29T08:00:00.000Z';
    const caseOf = (partnerOrgId: string) => ({ caseId: freshId('c'), partnerOrgId, creditorOrgId: x.plainCreditor });

    // Act
    const dkChristmas = await submitCase(table.db, caseOf(x.dkPartner), beforeChristmas);
    const dkNewYear = await submitCase(table.db, caseOf(x.dkPartner), beforeNewYear);
    const plainChristmas = await submitCase(table.db, caseOf(x.plainPartner), beforeChristmas);
    const plainNewYear = await submitCase(table.db, caseOf(x.plainPartner), beforeNewYear);

    // Assess: Thu 24 counts, Fri 25 (Juledag) and the weekend do not → Mon 28 Dec 09:00.
    expect((await createdTask(table.db, dkChristmas, 'review_new_case')).deadline).toBe('2026-12-28T08:00:00.000Z');
    // Wed 30 counts; Thu 31 (closed day), Fri 1 Jan (Nytårsdag) and the weekend do not → Mon 4 Jan 09:00.
    expect((await createdTask(table.db, dkNewYear, 'review_new_case')).deadline).toBe('2027-01-04T08:00:00.000Z');
    expect((await createdTask(table.db, plainChristmas, 'review_new_case')).deadline).toBe('2026-12-25T08:00:00.000Z');
    expect((await createdTask(table.db, plainNewYear, 'review_new_case')).deadline).toBe('2026-12-31T08:00:00.000Z');
  });

  it('the same event time on Thanksgiving eve: the US org skips Thanksgiving, the DK and default orgs do not', async () => {
    // Prepare: Wed 25 Nov 15:00Z = 10:00 in New York (EST), 16:00 in Copenhagen (CET).
    const x = await orgs();
    const time = '2026-11-25T15:00:00.000Z';
    const caseOf = (partnerOrgId: string) => ({ caseId: freshId('c'), partnerOrgId, creditorOrgId: x.plainCreditor });

    // Act
    const ny = await submitCase(table.db, caseOf(x.nyPartner), time);
    const dk = await submitCase(table.db, caseOf(x.dkPartner), time);
    const plain = await submitCase(table.db, caseOf(x.plainPartner), time);

    // Assess: Thu 26 is Thanksgiving (closed), Fri 27 is day 1, Mon 30 is day 2, at 10:00 EST.
    expect((await createdTask(table.db, ny, 'review_new_case')).deadline).toBe('2026-11-30T15:00:00.000Z');
    expect((await createdTask(table.db, dk, 'review_new_case')).deadline).toBe('2026-11-27T15:00:00.000Z');
    expect((await createdTask(table.db, plain, 'review_new_case')).deadline).toBe('2026-11-27T15:00:00.000Z');
  });
});

describe('manual tasks', () => {
  it('POST /tasks counts dueInBusinessDays on the caller org calendar', async () => {
    // Prepare: the create route's own handler with a pinned clock (the HTTP chain only adds claims and parsing).
    const x = await orgs();
    const caller = (orgId: string): Principal => ({ userId: 'u-1', orgId, party: 'partner', role: 'manager' });
    const body = createTaskBodySchema.parse({ type: 'call_reminder', title: 'Call the debtor', dueInBusinessDays: 2 });
    const create = (orgId: string) =>
      routes['POST /tasks'].handle({
        principal: caller(orgId),
        params: {},
        query: {},
        body,
        headers: {},
        now: new Date('2026-10-23T08:00:00.000Z'),
        event: {} as never,
      });

    // Act
    const dk = (await create(x.dkPartner)).body as { id: string; deadline: string };
    const plain = (await create(x.plainPartner)).body as { id: string; deadline: string };

    // Assess
    expect(dk.deadline).toBe('2026-10-28T09:00:00.000Z');
    expect(plain.deadline).toBe('2026-10-27T08:00:00.000Z');
    expect((await getTask(table.db, dk.id, true))?.deadline).toBe('2026-10-28T09:00:00.000Z');
  });
});

describe('reminder times', () => {
  it('the 3-business-day warning of a deadline right after New Year is counted on the DK calendar', async () => {
    // Prepare: Mon 21 Dec 09:00 Copenhagen; + 7 BD skipping 25 Dec, 31 Dec and 1 Jan = Mon 4 Jan 09:00.
    const x = await orgs();
    const outcome = await submitCase(
      table.db,
      { caseId: freshId('c'), partnerOrgId: x.plainPartner, creditorOrgId: x.dkCreditor, hasBankAccount: false },
      '2026-12-21T08:00:00.000Z',
    );
    const task = await createdTask(table.db, outcome, 'assign_bank_account');
    const plain = await createdTask(
      table.db,
      await submitCase(
        table.db,
        { caseId: freshId('c'), partnerOrgId: x.plainPartner, creditorOrgId: x.plainCreditor, hasBankAccount: false },
        '2026-12-21T08:00:00.000Z',
      ),
      'assign_bank_account',
    );

    // Act: the hourly job just before and at the warning point.
    await run({ now: '2026-12-28T07:00:00.000Z' });
    const early = await emittedFor(table.db, 'Task Deadline Approaching', task.id);
    await run({ now: '2026-12-28T08:00:00.000Z' });
    const warned = await emittedFor(table.db, 'Task Deadline Approaching', task.id);

    // Assess: 3 BD back from Mon 4 Jan skips 1 Jan, 31 Dec and the weekend → Wed 30, Tue 29, Mon 28.
    expect(task.deadline).toBe('2027-01-04T08:00:00.000Z');
    expect(task.reminder).toEqual({
      stage: 'approaching',
      nextAt: '2026-12-28T08:00:00.000Z',
      threshold: '3bd',
      later: [{ stage: 'overdue', at: '2027-01-04T08:00:00.000Z' }],
    });
    // The same event for an org without settings: Wed 30 Dec, warned on Fri 25 Dec (UTC, no holidays).
    expect(plain.deadline).toBe('2026-12-30T08:00:00.000Z');
    expect(plain.reminder?.nextAt).toBe('2026-12-25T08:00:00.000Z');
    expect(early).toHaveLength(0);
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({ createdAt: '2026-12-28T08:00:00.000Z', detail: { threshold: '3bd' } });
  });

  it('each org gets its daily digest at 06:00 of its own zone', async () => {
    // Prepare: unassigned reviews of a DK and a US partner, due Tue 24 Nov.
    const x = await orgs();
    const caseOf = (partnerOrgId: string) => ({ caseId: freshId('c'), partnerOrgId, creditorOrgId: x.plainCreditor });
    await submitCase(table.db, caseOf(x.dkPartner), '2026-11-20T12:00:00.000Z');
    await submitCase(table.db, caseOf(x.nyPartner), '2026-11-20T12:00:00.000Z');

    // Act: 05:00 and 06:00 in Copenhagen, then 05:00 and 06:00 in New York, on Mon 23 Nov.
    for (const now of ['2026-11-23T04:00:00.000Z', '2026-11-23T05:00:00.000Z', '2026-11-23T10:00:00.000Z']) {
      await run({ now });
    }
    const beforeNewYork = await digestOf(x.nyPartner, '2026-11-23');
    await run({ now: '2026-11-23T11:00:00.000Z' });

    // Assess
    expect((await digestOf(x.dkPartner, '2026-11-23')).map((entry) => entry.createdAt)).toEqual([
      '2026-11-23T05:00:00.000Z',
    ]);
    expect(beforeNewYork).toHaveLength(0);
    const newYork = await digestOf(x.nyPartner, '2026-11-23');
    expect(newYork.map((entry) => entry.createdAt)).toEqual(['2026-11-23T11:00:00.000Z']);
    expect(newYork[0]?.detail.counts).toEqual({ overdue: 0, dueToday: 0, upcoming: 1 });
  });
});

/** Digests of an org's unassigned tasks for one local day. */
const digestOf = async (orgId: string, day: string) =>
  (await listOutboxSince(table.db, '0')).filter(
    (entry) =>
      entry.detailType === 'Daily Digest' &&
      entry.detail.day === day &&
      (entry.detail.recipient as { orgId: string }).orgId === orgId,
  );
