// Pausing the SLA clock (issue 19) through events: a paused case stops its partner tasks' clocks, the
// resume moves their deadlines by the paused working time, history names each pause; waiting updates too.

import { setWorkflowStarter } from '@casetasks/app/runtime';
import { creationEntry, newTask, platformActor, scopeKeys } from '@casetasks/core';
import { createTask, getTask, listHistory } from '@casetasks/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventsHarness, eventsHarness, platformEvent, recordingWorkflow } from './events-helpers.js';

const DAY = 86_400_000;
let h: EventsHarness;
beforeAll(async () => {
  recordingWorkflow();
  h = await eventsHarness('sla-clock');
});
afterAll(async () => {
  setWorkflowStarter(undefined);
  await h.table.drop();
});

// 2027-03-01 is a Monday; the harness calendar counts weekends only (UTC).
const submitted = (caseId: string, partnerOrgId: string, time: string) =>
  h.emit(
    'Case Submitted',
    {
      caseId,
      creditorOrgId: 'cr-clock',
      partnerOrgId,
      hasBankAccount: true,
      contractSigned: true,
      requiresQuote: false,
    },
    time,
  );
const reviewOf = (caseId: string, partnerOrgId: string) =>
  h.open({ type: 'review_new_case', party: 'partner', orgId: partnerOrgId, scopeKey: scopeKeys.case(caseId) });

describe('Case Status Changed paused → active', () => {
  const caseId = 'c-clock-1';
  const org = 'p-clock-1';

  it('the pause stops the review_new_case clock; the resume moves deadline and slaDeadline by 3 business days', async () => {
    // Prepare: submitted Mon 08:00 → review due Wed 2027-03-03 08:00 (2 business days).
    await submitted(caseId, org, '2027-03-01T08:00:00.000Z');
    const opened = await reviewOf(caseId, org);
    expect(opened).toMatchObject({ deadline: '2027-03-03T08:00:00.000Z', reminder: expect.anything() });
    // Act: paused Tue 08:00
    await h.emit('Case Status Changed', { caseId, status: 'paused' }, '2027-03-02T08:00:00.000Z');
    // Assess: the clock stands, nothing moved yet, no reminders while it stands
    const paused = await getTask(h.db, opened?.id ?? '', true);
    expect(paused).toMatchObject({
      deadline: '2027-03-03T08:00:00.000Z',
      clockPauses: [{ start: '2027-03-02T08:00:00.000Z', end: null, reason: 'case_paused' }],
    });
    expect(paused?.reminder).toBeUndefined();
    expect(paused?.slaDeadline).toBeUndefined();

    // Act: active again Fri 08:00, delivered twice
    const resume = platformEvent('Case Status Changed', { caseId, status: 'active' }, '2027-03-05T08:00:00.000Z');
    await h.send(resume);
    const again = await h.send(resume);
    // Assess: Tue 08:00 → Fri 08:00 is 3 days of working time; Wed 03-03 08:00 + 3 business days = Mon 03-08 08:00.
    expect(again).toMatchObject({ duplicate: true, effects: [] });
    const resumed = await getTask(h.db, opened?.id ?? '', true);
    expect(resumed).toMatchObject({
      status: 'open',
      originalDeadline: '2027-03-03T08:00:00.000Z',
      deadline: '2027-03-08T08:00:00.000Z',
      slaDeadline: '2027-03-08T08:00:00.000Z',
      pausedWorkingMs: 3 * DAY,
      clockPauses: [{ start: '2027-03-02T08:00:00.000Z', end: '2027-03-05T08:00:00.000Z', reason: 'case_paused' }],
      reminder: expect.anything(),
    });
    const history = await listHistory(h.db, opened?.id ?? '');
    expect(history.map((entry) => entry.action)).toEqual(['created', 'clock_paused', 'clock_resumed']);
    expect(history[2]).toMatchObject({
      reason: 'clock: case_paused from 2027-03-02T08:00:00.000Z to 2027-03-05T08:00:00.000Z',
      changes: {
        deadline: ['2027-03-03T08:00:00.000Z', '2027-03-08T08:00:00.000Z'],
        slaDeadline: [null, '2027-03-08T08:00:00.000Z'],
        pausedWorkingMs: [null, 3 * DAY],
      },
    });
  });

  it('the same pause and resume delivered before the submission give the same clock', async () => {
    // Prepare: resume first, then pause, then the submission (the case is known last)
    const late = 'c-clock-2';
    const lateOrg = 'p-clock-2';
    await h.emit('Case Status Changed', { caseId: late, status: 'active' }, '2027-03-05T08:00:00.000Z');
    await h.emit('Case Status Changed', { caseId: late, status: 'paused' }, '2027-03-02T08:00:00.000Z');
    // Act
    await submitted(late, lateOrg, '2027-03-01T08:00:00.000Z');
    // Assess
    expect(await reviewOf(late, lateOrg)).toMatchObject({
      deadline: '2027-03-08T08:00:00.000Z',
      slaDeadline: '2027-03-08T08:00:00.000Z',
      pausedWorkingMs: 3 * DAY,
      clockPauses: [{ start: '2027-03-02T08:00:00.000Z', end: '2027-03-05T08:00:00.000Z', reason: 'case_paused' }],
    });
  });
});

describe('a task created while its case is paused', () => {
  it('starts with a running pause and no reminders', async () => {
    // Prepare
    const caseId = 'c-clock-3';
    const org = 'p-clock-3';
    await submitted(caseId, org, '2027-03-01T08:00:00.000Z');
    await h.emit('Case Status Changed', { caseId, status: 'paused' }, '2027-03-02T08:00:00.000Z');
    // Act
    await h.emit(
      'Complaint Filed',
      { complaintId: 'k-clock-3', caseId, partnerOrgId: org },
      '2027-03-03T08:00:00.000Z',
    );
    // Assess: the pause is clipped to the task's creation
    const complaint = await h.open({
      type: 'respond_to_complaint',
      party: 'partner',
      orgId: org,
      scopeKey: scopeKeys.complaint('k-clock-3'),
    });
    expect(complaint).toMatchObject({
      clockPauses: [{ start: '2027-03-03T08:00:00.000Z', end: null, reason: 'case_paused' }],
    });
    expect(complaint?.reminder).toBeUndefined();
  });
});

describe('waiting on a third party', () => {
  it('stops the update_case_status clock until the end of the expected date; the next update ends it sooner', async () => {
    // Prepare: an update_case_status task as the monthly survey job opens it (Mon 08:00, due +5 business days)
    const caseId = 'c-clock-4';
    const org = 'p-clock-4';
    await submitted(caseId, org, '2027-03-01T08:00:00.000Z');
    const task = newTask({
      id: 't-clock-4',
      type: 'update_case_status',
      party: 'partner',
      orgId: org,
      scopeKey: scopeKeys.case(caseId),
      caseId,
      createdAt: '2027-03-01T08:00:00.000Z',
      deadline: '2027-03-08T08:00:00.000Z',
    });
    await createTask(h.db, task, creationEntry(task, platformActor));
    // Act: waiting on a third party from Tue 12:00, expected Thu 03-04 (the pause runs to Fri 00:00)
    await h.emit(
      'Case Status Updated',
      { caseId, statusType: 'waiting_on_third_party', expectedDate: '2027-03-04' },
      '2027-03-02T12:00:00.000Z',
    );
    // Assess: 2.5 days of working time; Mon 03-08 08:00 + 2.5 days = Wed 03-10 20:00
    expect(await getTask(h.db, task.id, true)).toMatchObject({
      clockPauses: [
        { start: '2027-03-02T12:00:00.000Z', end: '2027-03-05T00:00:00.000Z', reason: 'waiting_on_third_party' },
      ],
      pausedWorkingMs: 2.5 * DAY,
      slaDeadline: '2027-03-10T20:00:00.000Z',
      deadline: '2027-03-10T20:00:00.000Z',
    });
    // Act: the third party answered Wed 12:00
    await h.emit('Case Status Updated', { caseId, statusType: 'contact_established' }, '2027-03-03T12:00:00.000Z');
    // Assess: one day of working time
    expect(await getTask(h.db, task.id, true)).toMatchObject({
      clockPauses: [
        { start: '2027-03-02T12:00:00.000Z', end: '2027-03-03T12:00:00.000Z', reason: 'waiting_on_third_party' },
      ],
      pausedWorkingMs: DAY,
      slaDeadline: '2027-03-09T08:00:00.000Z',
      deadline: '2027-03-09T08:00:00.000Z',
    });
  });
});
