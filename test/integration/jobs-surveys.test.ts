import { runMonthlySurveys as run } from '@casetasks/app/jobs';
import { resetClients, resetConfig } from '@casetasks/app/runtime';
import type { CaseState, Task } from '@casetasks/core';
import { getCaseState, listOutboxSince, putSlaTermsVersion } from '@casetasks/db';
import { plantItem, storedItems } from '@casetasks/db/testing';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, type TestTable } from '../support/table.js';

let table: TestTable;
beforeAll(async () => {
  table = await createTestTable('jobs-surveys');
  process.env.TABLE_NAME = table.tableName;
  resetConfig();
  resetClients();
});
afterAll(async () => table.drop());

const seedCase = async (partnerOrgId: string, patch: Partial<CaseState> = {}): Promise<CaseState> => {
  const state: CaseState = {
    caseId: `c-${ulid()}`,
    creditorOrgId: 'cr-1',
    partnerOrgId,
    status: 'active',
    nextSurveyAt: '2026-11-20T08:00:00.000Z',
    version: 1,
    ...patch,
  };
  await plantItem(table.db, storedItems.caseState(state));
  return state;
};

const surveyTasks = async (partnerOrgId: string): Promise<Task[]> =>
  (await listOutboxSince(table.db, '0'))
    .filter((entry) => entry.detailType === 'Task Created')
    .map((entry) => entry.detail.task as Task)
    .filter((task) => task.type === 'update_case_status' && task.orgId === partnerOrgId);

describe('monthly surveys', () => {
  it("take the creditor's agreed survey deadline and record the terms and the creditor (issue 19)", async () => {
    // Prepare: creditor cr-terms agreed 8 business days for update_case_status before the run.
    await putSlaTermsVersion(table.db, {
      creditorOrgId: 'cr-terms',
      partnerOrgId: null,
      version: 1,
      effectiveFrom: '2026-11-01T00:00:00.000Z',
      terms: { taskDeadlines: { update_case_status: 8 }, updateIntervals: {} },
      setBy: 'u-owner',
      setAt: '2026-11-01T00:00:00.000Z',
    });
    const due = await seedCase('p-terms', { creditorOrgId: 'cr-terms' });

    // Act
    await run({ now: '2026-11-23T03:00:00.000Z' });

    // Assess: Mon 11-23 03:00 + 8 business days = Thu 12-03 03:00 (the catalogue's 5 would be Mon 11-30).
    const [task] = await surveyTasks('p-terms');
    expect(task).toMatchObject({
      caseId: due.caseId,
      deadline: '2026-12-03T03:00:00.000Z',
      slaTerms: { source: 'creditor', version: 1 },
      creditorOrgId: 'cr-terms',
    });
  });

  it('creates one survey task per due case and moves its next survey a month on', async () => {
    // Prepare
    const due = await seedCase('p-once');
    const notYet = await seedCase('p-once', { nextSurveyAt: '2026-11-25T08:00:00.000Z' });
    await seedCase('p-once', { status: 'paused' });

    // Act
    const first = await run({ now: '2026-11-23T03:00:00.000Z' });
    const second = await run({ now: '2026-11-24T03:00:00.000Z' });

    // Assess
    expect(first.counts.created).toBe(1);
    expect(second.counts.created).toBeUndefined();
    const tasks = await surveyTasks('p-once');
    expect(tasks.map((task) => task.caseId)).toEqual([due.caseId]);
    expect(tasks[0]?.deadline).toBe('2026-11-30T03:00:00.000Z');
    expect(tasks[0]?.reminder).toMatchObject({ stage: 'approaching', nextAt: '2026-11-25T03:00:00.000Z' });
    expect((await getCaseState(table.db, due.caseId))?.nextSurveyAt).toBe('2026-12-20T08:00:00.000Z');
    expect((await getCaseState(table.db, notYet.caseId))?.nextSurveyAt).toBe('2026-11-25T08:00:00.000Z');
  });

  it('two overlapping runs create each survey task once', async () => {
    // Prepare
    const cases = await Promise.all(Array.from({ length: 25 }, () => seedCase('p-race')));

    // Act
    const [a, b] = await Promise.all([
      run({ now: '2026-11-23T03:00:00.000Z' }),
      run({ now: '2026-11-23T03:00:00.000Z' }),
    ]);

    // Assess
    expect((a.counts.created ?? 0) + (b.counts.created ?? 0)).toBe(cases.length);
    const tasks = await surveyTasks('p-race');
    expect(tasks).toHaveLength(cases.length);
    expect(new Set(tasks.map((task) => task.caseId)).size).toBe(cases.length);
  });

  it('never two in a month: a stale index copy of the same month is a no-op', async () => {
    // Prepare: the survey ran, then an old copy of the case (same due time, newer version) reappears.
    const state = await seedCase('p-month');
    await run({ now: '2026-11-23T03:00:00.000Z' });
    const current = await getCaseState(table.db, state.caseId);
    await seedCase('p-month', { ...state, version: (current?.version ?? 0) + 1 });

    // Act
    const again = await run({ now: '2026-11-23T04:00:00.000Z' });

    // Assess
    expect(again.counts.alreadyDone).toBeGreaterThanOrEqual(1);
    expect(await surveyTasks('p-month')).toHaveLength(1);
  });

  it('at most one open: while last month’s survey is open, next month only moves the case on', async () => {
    // Prepare
    const state = await seedCase('p-open');
    await run({ now: '2026-11-23T03:00:00.000Z' });

    // Act: a month later the first survey task is still open.
    const next = await run({ now: '2026-12-21T03:00:00.000Z' });

    // Assess
    // Other cases of this file are due again too: counts are per run, the assertions per case.
    expect(next.counts.alreadyOpen).toBeGreaterThanOrEqual(1);
    expect(await surveyTasks('p-open')).toHaveLength(1);
    expect((await getCaseState(table.db, state.caseId))?.nextSurveyAt).toBe('2027-01-20T08:00:00.000Z');
  });
});
