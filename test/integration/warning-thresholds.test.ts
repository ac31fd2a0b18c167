// Issue 11, warning thresholds: the hourly job sends each org's warnings once each, then one overdue; a postpone plans them again.

import { runDeadlineReminders as run } from '@casetasks/app/jobs';
import { applyChange } from '@casetasks/app/tasks';
import { creationEntry, newTask, platformActor, postponeTask, type Task, userActor } from '@casetasks/core';
import { createTask, getTask, type OutboxEntry } from '@casetasks/db';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestTable } from '../support/table.js';
import { createdTask, emittedFor, freshId, handlerTable, setOrgSettings, submitCase } from './org-settings-fixtures.js';

const HOUR = 3_600_000;

// Mon 2 Nov 10:00Z; assign_bank_account + 7 BD = Wed 11 Nov 10:00Z (UTC, the deployment default calendar).
// 168 h of open days in between: 50 % = Thu 5 Nov 22:00, 2 BD before = Mon 9 Nov 10:00, 75 % = Mon 9 Nov 16:00.
const created = '2026-11-02T10:00:00.000Z';
const deadline = '2026-11-11T10:00:00.000Z';
const points = {
  half: '2026-11-05T22:00:00.000Z',
  twoDays: '2026-11-09T10:00:00.000Z',
  threeQuarters: '2026-11-09T16:00:00.000Z',
};
const warnings = [{ percentOfTime: 50 }, { percentOfTime: 75 }, { businessDaysBefore: 2 }];

let table: TestTable;
beforeAll(async () => {
  table = await handlerTable('warning-thresholds');
});
afterAll(async () => table.drop());

/** A bank-account task of a fresh creditor org with these reminder settings (none = never set). */
const bankTask = async (reminders?: { warnings: typeof warnings | []; escalation: null }) => {
  const creditorOrgId = freshId('cr');
  if (reminders) await setOrgSettings(table.db, 'creditor', creditorOrgId, { reminders });
  const outcome = await submitCase(
    table.db,
    { caseId: freshId('c'), partnerOrgId: freshId('p'), creditorOrgId, hasBankAccount: false },
    created,
  );
  return createdTask(table.db, outcome, 'assign_bank_account');
};

const thresholdsOf = (entries: OutboxEntry[]) =>
  entries.map((entry) => [entry.detail.threshold, entry.createdAt] as const);

/** Two overlapping runs at the instant, then one an hour later. */
const runAround = async (at: string) => {
  await Promise.all([run({ now: at }), run({ now: at })]);
  await run({ now: new Date(Date.parse(at) + HOUR).toISOString() });
};

describe('warning thresholds', () => {
  it('hour by hour from creation to past the deadline: one warning per threshold, one overdue, per org setting', async () => {
    // Prepare
    const configured = await bankTask({ warnings, escalation: null });
    const silent = await bankTask({ warnings: [], escalation: null });
    const unset = await bankTask();

    // Act: every hour from creation to a day past the deadline, the 75 % hour with two overlapping runs.
    for (let at = Date.parse(created) + HOUR; at <= Date.parse(deadline) + 24 * HOUR; at += HOUR) {
      const now = new Date(at).toISOString();
      if (now === points.threeQuarters) await Promise.all([run({ now }), run({ now })]);
      else await run({ now });
    }

    // Assess
    expect(configured.deadline).toBe(deadline);
    expect(thresholdsOf(await emittedFor(table.db, 'Task Deadline Approaching', configured.id))).toEqual([
      ['50%', points.half],
      ['2bd', points.twoDays],
      ['75%', points.threeQuarters],
    ]);
    expect((await emittedFor(table.db, 'Task Overdue', configured.id)).map((entry) => entry.createdAt)).toEqual([
      deadline,
    ]);
    expect(await emittedFor(table.db, 'Task Deadline Approaching', silent.id)).toHaveLength(0);
    expect(await emittedFor(table.db, 'Task Overdue', silent.id)).toHaveLength(1);
    // Never set: SPEC's rule, 3 business days before (Wed 11 → Fri 6 Nov).
    expect(thresholdsOf(await emittedFor(table.db, 'Task Deadline Approaching', unset.id))).toEqual([
      ['3bd', '2026-11-06T10:00:00.000Z'],
    ]);
    expect(await emittedFor(table.db, 'Task Overdue', unset.id)).toHaveLength(1);
  }, 240_000); // 241 hourly runs: ~15 s alone, several times that beside the rest of the suite

  it('a postpone plans the warnings again for the new deadline: each fires once more, none behind the postpone', async () => {
    // Prepare
    const task = await bankTask({ warnings, escalation: null });
    const manager = { userId: 'u-m', orgId: task.orgId, party: 'creditor', role: 'manager' } as const;
    for (const at of Object.values(points)) await runAround(at);

    // Act: Tue 10 Nov 12:00, postponed to Wed 18 Nov 10:00 (50 % of the new span, Tue 10 Nov 10:00, is behind).
    const postponedAt = new Date('2026-11-10T12:00:00.000Z');
    const postponed = await applyChange(manager, task.id, postponedAt, (current) =>
      postponeTask(current, '2026-11-18T10:00:00.000Z', userActor(manager), postponedAt.toISOString()),
    );
    for (const at of [deadline, '2026-11-13T10:00:00.000Z', '2026-11-16T10:00:00.000Z', '2026-11-18T10:00:00.000Z']) {
      await runAround(at);
    }

    // Assess
    expect(postponed.reminder).toEqual({
      stage: 'approaching',
      nextAt: '2026-11-13T10:00:00.000Z',
      threshold: '75%',
      later: [
        { stage: 'approaching', at: '2026-11-16T10:00:00.000Z', threshold: '2bd' },
        { stage: 'overdue', at: '2026-11-18T10:00:00.000Z' },
      ],
    });
    expect(thresholdsOf(await emittedFor(table.db, 'Task Deadline Approaching', task.id))).toEqual([
      ['50%', points.half],
      ['2bd', points.twoDays],
      ['75%', points.threeQuarters],
      ['75%', '2026-11-13T10:00:00.000Z'],
      ['2bd', '2026-11-16T10:00:00.000Z'],
    ]);
    // No overdue for the deadline that moved away; one for the new one.
    expect((await emittedFor(table.db, 'Task Overdue', task.id)).map((entry) => entry.createdAt)).toEqual([
      '2026-11-18T10:00:00.000Z',
    ]);
  });

  it('a task stored before per-org thresholds (approaching only) still gets its warning and its overdue', async () => {
    // Prepare: the pre-issue-11 stored form, with the overdue implied by the deadline.
    const task = newTask({
      id: ulid(),
      type: 'assign_bank_account',
      party: 'creditor',
      orgId: freshId('cr'),
      scopeKey: freshId('creditor'),
      caseId: null,
      createdAt: created,
      deadline,
    });
    const legacy: Task = { ...task, reminder: { stage: 'approaching', nextAt: '2026-11-06T10:00:00.000Z' } };
    await createTask(table.db, legacy, creationEntry(legacy, platformActor));

    // Act
    for (const at of ['2026-11-06T10:00:00.000Z', deadline]) await runAround(at);

    // Assess
    expect((await emittedFor(table.db, 'Task Deadline Approaching', task.id)).map((entry) => entry.createdAt)).toEqual([
      '2026-11-06T10:00:00.000Z',
    ]);
    expect((await emittedFor(table.db, 'Task Overdue', task.id)).map((entry) => entry.createdAt)).toEqual([deadline]);
    expect((await getTask(table.db, task.id, true))?.reminder).toBeUndefined();
  });
});
