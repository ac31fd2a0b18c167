import { processPlatformEvent } from '@casetasks/app/events';
import { resetClients, resetConfig, setWorkflowStarter } from '@casetasks/app/runtime';
import type { Task } from '@casetasks/core';
import { getTask, listOutboxSince } from '@casetasks/db';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalWorkflowStarter, type LocalWorkflowStarter } from '../../infra/local/state-machine.js';
import { createTestTable, type TestTable } from '../support/table.js';

const pausedAt = '2026-11-23T12:00:00.000Z';

let table: TestTable;
let workflow: LocalWorkflowStarter;
beforeAll(async () => {
  table = await createTestTable('workflow-events');
  process.env.TABLE_NAME = table.tableName;
  resetConfig();
  resetClients();
  workflow = createLocalWorkflowStarter({ startAt: pausedAt });
  setWorkflowStarter(workflow);
});
afterAll(async () => {
  setWorkflowStarter(undefined);
  workflow.close();
  await table.drop();
});

const platformEvent = (detailType: string, time: string, detail: Record<string, unknown>) =>
  processPlatformEvent({ id: ulid(), source: 'platform', 'detail-type': detailType, time, detail });

describe('paused-case follow-up driven by platform events', () => {
  it('a pause starts one execution; the case leaving paused on day 5 closes the task and stops it', async () => {
    // Prepare
    const caseId = `c-${ulid()}`;
    const surveyId = `s-${ulid()}`;
    await platformEvent('Case Submitted', '2026-11-02T09:00:00.000Z', {
      caseId,
      creditorOrgId: 'cr-1',
      partnerOrgId: 'p-1',
      hasBankAccount: true,
      contractSigned: true,
      requiresQuote: false,
    });
    await platformEvent('Case Status Changed', '2026-11-03T09:00:00.000Z', { caseId, status: 'active' });
    const pause = { caseId, surveyId, outcome: 'pause', unblockingParty: 'partner' };

    // Act: the pause (delivered twice), then the case becomes active again on day 5.
    await platformEvent('Case Survey Submitted', pausedAt, pause);
    await platformEvent('Case Survey Submitted', pausedAt, pause);
    await workflow.settled();
    const parkedUntil = workflow.execution({ caseId, pauseId: surveyId })?.waitingUntil;
    await workflow.advanceTo('2026-11-28T12:00:00.000Z');
    await platformEvent('Case Status Changed', '2026-11-28T12:00:00.000Z', { caseId, status: 'active' });
    await workflow.advanceTo('2027-01-31T00:00:00.000Z');

    // Assess
    expect(workflow.executions().filter((execution) => execution.input.caseId === caseId)).toHaveLength(1);
    expect(parkedUntil).toBe('2026-12-08T12:00:00.000Z');
    expect(workflow.execution({ caseId, pauseId: surveyId })?.status).toBe('stopped');
    const followUps = (await listOutboxSince(table.db, '0'))
      .filter((entry) => entry.detailType === 'Task Created')
      .map((entry) => entry.detail.task as Task)
      .filter((task) => task.caseId === caseId && task.type === 'paused_case_follow_up');
    expect(followUps).toHaveLength(1);
    expect((await getTask(table.db, followUps[0]?.id ?? '', true))?.resolution).toBe('auto');
    // Nothing but the auto-close after creation: no approaching, overdue or escalation.
    const later = (await listOutboxSince(table.db, '0')).filter(
      (entry) => entry.detailType !== 'Task Created' && (entry.detail.task as Task | undefined)?.caseId === caseId,
    );
    expect(later.map((entry) => entry.detailType)).toEqual(['Task Completed']);
  });
});
