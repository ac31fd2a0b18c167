import { describe, expect, it } from 'vitest';
import { utcCalendar } from './calendar.js';
import { catalogue, manualTaskTypes, slaWeightFor } from './catalogue.js';
import { ForbiddenError, TaskNotFoundError, TaskRuleError, TaskStateError } from './errors.js';
import {
  aggregateTitle,
  assertMayChange,
  assignTask,
  catalogueDeadline,
  closeTask,
  completeManually,
  logCall,
  newTask,
  type Principal,
  platformActor,
  postponeTask,
} from './lifecycle.js';
import { lateness, slaPoints, weightedScore } from './sla.js';
import type { Task, TaskType } from './task.js';

const created = '2026-11-20T10:00:00.000Z';
const task = (type: TaskType = 'generic', patch: Partial<Task> = {}): Task => ({
  ...newTask({
    id: '01TASK',
    type,
    party: 'partner',
    orgId: 'p-1',
    scopeKey: 'case#c-1',
    createdAt: created,
    deadline: '2026-11-24T10:00:00.000Z',
    caseId: 'c-1',
  }),
  ...patch,
});
const user = { kind: 'user', id: 'u-1' } as const;
const now = '2026-11-23T10:00:00.000Z';

describe('catalogue', () => {
  it('has one entry per type with the SPEC deadlines', () => {
    expect(catalogue.review_new_case.businessDays).toBe(2);
    expect(catalogue.assign_bank_account.businessDays).toBe(7);
    expect(catalogue.paused_case_follow_up.businessDays).toBe(14);
    expect(catalogue.invoice_commission.actionItem.label).toBe('Record Payment');
    expect(manualTaskTypes).toContain('call_reminder');
    expect(manualTaskTypes).not.toContain('review_new_case');
  });

  it('weights only partner, non-commission tasks', () => {
    expect(slaWeightFor('review_new_case', 'partner')).toBe(3);
    expect(slaWeightFor('new_message', 'partner')).toBe(2);
    expect(slaWeightFor('new_message', 'creditor')).toBeNull();
    expect(slaWeightFor('invoice_commission', 'partner')).toBeNull();
    expect(slaWeightFor('generic', 'partner')).toBeNull();
  });

  it('computes the catalogue deadline from the event time', () => {
    expect(catalogueDeadline(utcCalendar, 'review_new_case', created)).toBe('2026-11-24T10:00:00.000Z');
    expect(catalogueDeadline(utcCalendar, 'assign_bank_account', created)).toBe('2026-12-01T10:00:00.000Z');
    expect(() => catalogueDeadline(utcCalendar, 'generic', created)).toThrow(TaskRuleError);
  });
});

describe('postpone', () => {
  it('moves the deadline, keeps the original, records the reason', () => {
    const change = postponeTask(task(), '2026-11-27T10:00:00.000Z', user, now, 'waiting on debtor');
    expect(change.after.deadline).toBe('2026-11-27T10:00:00.000Z');
    expect(change.after.originalDeadline).toBe('2026-11-24T10:00:00.000Z');
    expect(change.after.version).toBe(2);
    expect(change.entry).toMatchObject({ action: 'postponed', reason: 'waiting on debtor', version: 2 });
    expect(change.entry.changes?.deadline).toEqual(['2026-11-24T10:00:00.000Z', '2026-11-27T10:00:00.000Z']);
  });

  it.each([
    ['earlier than the current deadline', '2026-11-23T12:00:00.000Z', TaskRuleError],
    ['equal to the current deadline', '2026-11-24T10:00:00.000Z', TaskRuleError],
    ['not a date', 'soon', TaskRuleError],
  ])('rejects a deadline %s', (_, deadline, error) => {
    expect(() => postponeTask(task(), deadline, user, now)).toThrow(error);
  });

  it('rejects overdue and completed tasks', () => {
    expect(() => postponeTask(task(), '2026-12-01T10:00:00.000Z', user, '2026-11-25T00:00:00.000Z')).toThrow(
      TaskStateError,
    );
    const done = closeTask(task(), 'done', user, now).after;
    expect(() => postponeTask(done, '2026-12-01T10:00:00.000Z', user, now)).toThrow(TaskStateError);
  });
});

describe('manual completion, assignment, calls', () => {
  it('allows "Mark as done" only where the catalogue does', () => {
    expect(completeManually(task('invoice_commission'), user, now).after).toMatchObject({
      status: 'completed',
      resolution: 'done',
      completedBy: 'u-1',
      completedAt: now,
    });
    expect(() => completeManually(task('review_new_case'), user, now)).toThrow(TaskStateError);
  });

  it('assigns and unassigns, refusing a no-op', () => {
    const assigned = assignTask(task(), 'u-2', user, now).after;
    expect(assigned.assigneeId).toBe('u-2');
    expect(assignTask(assigned, null, user, now).after.assigneeId).toBeNull();
    expect(() => assignTask(assigned, 'u-2', user, now)).toThrow(TaskStateError);
  });

  it('a logged call completes a call reminder; a reschedule keeps it open', () => {
    const reminder = task('call_reminder');
    const answered = logCall(reminder, { result: 'answered', note: 'promised to pay' }, user, now).after;
    expect(answered).toMatchObject({ status: 'completed', resolution: 'done' });
    expect(answered.details?.calls?.[0]).toMatchObject({ result: 'answered', note: 'promised to pay' });
    const later = logCall(reminder, { result: 'not_answered', rescheduleTo: '2026-11-26T09:00:00.000Z' }, user, now);
    expect(later.after).toMatchObject({ status: 'open', deadline: '2026-11-26T09:00:00.000Z' });
    expect(() => logCall(task('generic'), { result: 'answered' }, user, now)).toThrow(TaskStateError);
  });

  it('aggregate titles show the live count', () => {
    expect(aggregateTitle('assign_bank_account', 3)).toBe('Assign bank account to 3 cases');
    expect(aggregateTitle('assign_bank_account', 1)).toBe('Assign bank account to 1 case');
  });
});

describe('access', () => {
  const principal = (patch: Partial<Principal> = {}): Principal => ({
    userId: 'u-1',
    orgId: 'p-1',
    party: 'partner',
    role: 'manager',
    ...patch,
  });
  it.each([
    ['other party', { party: 'creditor' as const }, TaskNotFoundError],
    ['other org', { orgId: 'p-2' }, TaskNotFoundError],
    ['contributor on a task of someone else', { role: 'contributor' as const }, ForbiddenError],
  ])('%s is refused', (_, patch, error) => {
    expect(() => assertMayChange(principal(patch), task('generic', { assigneeId: 'u-9' }))).toThrow(error);
  });
  it('contributor on own task and manager on any task are allowed', () => {
    expect(assertMayChange(principal({ role: 'contributor' }), task('generic', { assigneeId: 'u-1' })).id).toBe(
      '01TASK',
    );
    expect(assertMayChange(principal(), task('generic', { assigneeId: 'u-9' })).id).toBe('01TASK');
    expect(() => assertMayChange(principal(), undefined)).toThrow(TaskNotFoundError);
  });
});

describe('SLA points', () => {
  const deadline = '2026-11-24T10:00:00.000Z';
  const daysLate = (days: number) => new Date(Date.parse(deadline) + days * 86_400_000).toISOString();
  it('1 on time, linear to 0 at 7 calendar days late', () => {
    expect(slaPoints(deadline, '2026-11-24T09:00:00.000Z')).toBe(1);
    expect(slaPoints(deadline, deadline)).toBe(1);
    expect(slaPoints(deadline, daysLate(3))).toBeCloseTo(4 / 7, 10);
    expect(slaPoints(deadline, daysLate(7))).toBe(0);
    expect(slaPoints(deadline, daysLate(30))).toBe(0);
    expect(lateness(deadline, daysLate(3))).toBeCloseTo(3, 10);
  });
  it('weighted score, null when nothing counts', () => {
    expect(weightedScore([])).toBeNull();
    expect(weightedScore([{ weight: 2, points: 4 / 7 }])).toBeCloseTo((100 * 4) / 7, 10);
    expect(
      weightedScore([
        { weight: 3, points: 1 },
        { weight: 1, points: 0 },
      ]),
    ).toBe(75);
  });
  it('platform closures are attributed to the platform', () => {
    expect(closeTask(task(), 'auto', platformActor, now).after.completedBy).toBe('casetasks');
  });
});
