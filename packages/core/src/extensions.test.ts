// Extension rules with hand-computed fixtures: the score line of an approved / rejected request, refusals, and
// the order-independence of approvals and clock pauses (both go through slaClockPatch).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weekendCalendar } from './calendar.js';
import { approvalTaskFor, decideExtension, extensionRequestOf, requestExtension } from './extensions.js';
import { changeTask, closeTask, newTask } from './lifecycle.js';
import { slaClockPatch } from './sla-clock.js';
import { slaLineOf } from './sla-report.js';
import type { Actor, ClockPause, Task } from './task.js';

// Copenhagen in winter is UTC+1: "Mon 09:00" local is 08:00Z. Weekends closed, no holidays.
const calendar = weekendCalendar('Europe/Copenhagen');
const partner: Actor = { kind: 'user', id: 'u-partner' };
const creditor: Actor = { kind: 'user', id: 'u-creditor' };
const MON_0900 = '2026-11-23T08:00:00.000Z';
const TUE_1500 = '2026-11-24T14:00:00.000Z';
const WED_0900 = '2026-11-25T08:00:00.000Z';
const REQUESTED_AT = '2026-11-20T10:00:00.000Z'; // the Friday before
const request = { extensionId: 'ext-1', approvalTaskId: 'appr-1', businessDays: 2, reason: 'debtor abroad' };

const dueMonday = (): Task =>
  newTask({
    id: 't-1',
    type: 'review_new_case',
    party: 'partner',
    orgId: 'p-1',
    scopeKey: 'case#c-1',
    caseId: 'c-1',
    createdAt: '2026-11-16T08:00:00.000Z',
    deadline: MON_0900,
  });

/** The task with a 2-day request decided so, then completed Tue 15:00 local. */
const decidedThenCompleted = (decision: 'approved' | 'rejected') => {
  const requested = requestExtension(dueMonday(), request, partner, REQUESTED_AT).after;
  const decided = decideExtension(calendar, requested, 'ext-1', decision, creditor, '2026-11-20T12:00:00.000Z', 'ok');
  return { decided, completed: closeTask(decided.after, 'done', partner, TUE_1500).after };
};

describe('the score line of a decided extension (hand-computed)', () => {
  it('approved +2 business days: due Mon 09:00 → Wed 09:00, completed Tue 15:00 → points 1', () => {
    // Act
    const { decided, completed } = decidedThenCompleted('approved');
    const line = slaLineOf(completed, new Date('2026-12-01T00:00:00.000Z'));
    // Assess: the working deadline moved with the SLA deadline, history names the approval
    expect(decided.after.slaDeadline).toBe(WED_0900);
    expect(decided.after.deadline).toBe(WED_0900);
    expect(decided.after.originalDeadline).toBe(MON_0900);
    expect(decided.entry.action).toBe('extension_approved');
    expect(decided.entry.reason).toBe('ok');
    expect(line).toMatchObject({ slaDeadline: WED_0900, latenessDays: 0, points: 1, extensionDays: 2 });
  });

  it('rejected: still due Mon 09:00; Tue 15:00 is 30 h = 1.25 days late → points 1 − 1.25/7 = 23/28', () => {
    // Act
    const { decided, completed } = decidedThenCompleted('rejected');
    const line = slaLineOf(completed, new Date('2026-12-01T00:00:00.000Z'));
    // Assess
    expect(decided.after.deadline).toBe(MON_0900);
    expect(decided.after.slaDeadline).toBeUndefined();
    expect(decided.after.extensions?.[0]).toMatchObject({ status: 'rejected', decidedBy: 'u-creditor' });
    expect(decided.entry.action).toBe('extension_rejected');
    expect(line?.slaDeadline).toBe(MON_0900);
    expect(line?.latenessDays).toBe(1.25);
    expect(line?.points).toBeCloseTo(23 / 28, 12);
    expect(line?.extensionDays).toBe(0);
  });

  it('an approval after completion still counts: the score uses the approved deadline', () => {
    // Prepare
    const requested = requestExtension(dueMonday(), request, partner, REQUESTED_AT).after;
    const completed = closeTask(requested, 'done', partner, TUE_1500).after;
    // Act
    const decided = decideExtension(calendar, completed, 'ext-1', 'approved', creditor, '2026-11-25T09:00:00.000Z');
    // Assess: the working deadline of a completed task stays; the SLA deadline moves
    expect(decided.after.deadline).toBe(MON_0900);
    expect(slaLineOf(decided.after, new Date('2026-12-01T00:00:00.000Z'))?.points).toBe(1);
  });

  it('an expired request moves nothing', () => {
    const requested = requestExtension(dueMonday(), request, partner, REQUESTED_AT).after;
    const expired = decideExtension(calendar, requested, 'ext-1', 'expired', creditor, '2026-11-25T10:00:00.000Z');
    expect(expired.after.deadline).toBe(MON_0900);
    expect(expired.after.slaDeadline).toBeUndefined();
    expect(expired.entry.action).toBe('extension_expired');
  });
});

describe('who may request what', () => {
  it('refuses a second request while one is undecided, a fourth one, a completed task and a non-SLA type (409)', () => {
    const once = requestExtension(dueMonday(), request, partner, REQUESTED_AT).after;
    expect(() => requestExtension(once, { ...request, extensionId: 'ext-2' }, partner, REQUESTED_AT)).toThrow(
      /still awaits/,
    );
    let task = once;
    for (const id of ['ext-1', 'ext-2', 'ext-3']) {
      if (id !== 'ext-1') task = requestExtension(task, { ...request, extensionId: id }, partner, REQUESTED_AT).after;
      task = decideExtension(calendar, task, id, 'rejected', creditor, REQUESTED_AT).after;
    }
    expect(() => requestExtension(task, { ...request, extensionId: 'ext-4' }, partner, REQUESTED_AT)).toThrow(
      /at most 3/,
    );
    const done = closeTask(dueMonday(), 'done', partner, REQUESTED_AT).after;
    expect(() => requestExtension(done, request, partner, REQUESTED_AT)).toThrow(/completed/);
    const generic = { ...dueMonday(), type: 'generic' as const };
    expect(() => requestExtension(generic, request, partner, REQUESTED_AT)).toThrow(/do not count for the SLA/);
  });

  it('a decided request is not decided again (409)', () => {
    const { decided } = decidedThenCompleted('approved');
    expect(() => decideExtension(calendar, decided.after, 'ext-1', 'rejected', creditor, REQUESTED_AT)).toThrow(
      /already approved/,
    );
  });

  it('the approval task: the creditor’s, 3 business days on its calendar, scoped to the request', () => {
    // Fri 10:00Z + 3 business days = Wed 10:00Z (the weekend does not count)
    const approval = approvalTaskFor(calendar, dueMonday(), { ...request, creditorOrgId: 'c-9' }, REQUESTED_AT);
    expect(approval).toMatchObject({
      type: 'approve_extension',
      accessLevel: 'creditor',
      orgId: 'c-9',
      scopeKey: 'extension#ext-1',
      deadline: '2026-11-25T10:00:00.000Z',
      caseId: 'c-1',
    });
    expect(extensionRequestOf(approval)).toMatchObject({ taskId: 't-1', businessDays: 2, partnerOrgId: 'p-1' });
    expect(() => extensionRequestOf(dueMonday())).toThrow(/approve_extension/);
  });
});

describe('approvals and clock pauses commute (property)', () => {
  const DAY = 86_400_000;
  const base = Date.parse('2026-11-02T08:00:00.000Z');
  const at = (ms: number) => new Date(base + ms).toISOString();

  it('approve then pause and pause then approve give the same slaDeadline and deadline', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 2 * DAY, max: 30 * DAY }),
        fc.array(
          fc.record({ start: fc.integer({ min: 0, max: 40 * DAY }), length: fc.integer({ min: 1, max: 6 * DAY }) }),
          {
            maxLength: 4,
          },
        ),
        (businessDays, deadlineMs, stretches) => {
          // Prepare: an open task due `deadlineMs` after creation with one undecided request
          const created = {
            ...dueMonday(),
            createdAt: at(0),
            deadline: at(deadlineMs),
            originalDeadline: at(deadlineMs),
          };
          const task = requestExtension(created, { ...request, businessDays }, partner, at(1)).after;
          const pauses: ClockPause[] = stretches.map((s) => ({
            start: at(s.start),
            end: at(s.start + s.length),
            reason: 'case_paused',
          }));
          const pause = (t: Task) =>
            changeTask(t, slaClockPatch(calendar, t, { pauses }), 'clock_paused', partner, at(2)).after;
          const approve = (t: Task) => decideExtension(calendar, t, 'ext-1', 'approved', creditor, at(2)).after;
          // Act
          const first = approve(pause(task));
          const second = pause(approve(task));
          // Assess
          expect(first.slaDeadline).toBe(second.slaDeadline);
          expect(first.deadline).toBe(second.deadline);
          expect(first.pausedWorkingMs).toBe(second.pausedWorkingMs);
        },
      ),
      { numRuns: 200 },
    );
  });
});
