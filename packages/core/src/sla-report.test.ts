import { describe, expect, it } from 'vitest';
import { closeTask, newTask, platformActor } from './lifecycle.js';
import { requestedSlaPeriod, SlaPeriodError, slaPeriodProblem, slaScoreReport } from './sla-report.js';
import type { Party, Resolution, Task, TaskType } from './task.js';

const org = 'p-1';
const period = { from: new Date('2026-11-01T00:00:00.000Z'), to: new Date('2026-12-01T00:00:00.000Z') };
const now = new Date('2026-11-20T00:00:00.000Z');
let seq = 0;

interface Fixture {
  type?: TaskType;
  party?: Party;
  orgId?: string;
  deadline: string;
  completedAt?: string;
  resolution?: Resolution;
}
/** A task with the given original deadline, completed at `completedAt` when given. */
const task = ({ type = 'review_new_case', party = 'partner', orgId = org, deadline, ...end }: Fixture): Task => {
  seq += 1;
  const open = newTask({
    id: `t-${String(seq).padStart(3, '0')}`,
    type,
    party,
    orgId,
    scopeKey: `case#c-${seq}`,
    caseId: `c-${seq}`,
    createdAt: '2026-10-30T00:00:00.000Z',
    deadline,
  });
  if (!end.completedAt) return open;
  return closeTask(open, end.resolution ?? 'auto', platformActor, end.completedAt).after;
};
const report = (tasks: Task[], withLines = false) => slaScoreReport({ orgId: org, period, now, tasks, withLines });

describe('points per task (hand-computed)', () => {
  it('a task completed by its original deadline scores 1', () => {
    // Prepare
    const onTime = task({ deadline: '2026-11-05T10:00:00.000Z', completedAt: '2026-11-05T10:00:00.000Z' });
    // Act
    const result = report([onTime], true);
    // Assess
    expect(result.score).toBe(100);
    expect(result.lines?.[0]).toMatchObject({ points: 1, latenessDays: 0, weight: 3 });
  });

  it('exactly 7 days late scores 0', () => {
    const late = task({ deadline: '2026-11-05T10:00:00.000Z', completedAt: '2026-11-12T10:00:00.000Z' });
    const result = report([late], true);
    expect(result.score).toBe(0);
    expect(result.lines?.[0]).toMatchObject({ points: 0, latenessDays: 7 });
  });

  it('3 days late with weight 2 contributes 2 × 4/7 of its weight 2', () => {
    const late = task({
      type: 'new_message',
      deadline: '2026-11-05T10:00:00.000Z',
      completedAt: '2026-11-08T10:00:00.000Z',
    });
    const result = report([late], true);
    expect(result.lines?.[0]?.weight).toBe(2);
    expect(result.lines?.[0]?.points).toBeCloseTo(4 / 7, 4);
    expect(result.totalWeight).toBe(2);
    expect(result.score).toBeCloseTo((100 * 2 * (4 / 7)) / 2, 2);
  });

  it('weights combine: 100 × (3×1 + 1×0 + 2×4/7) / 6', () => {
    const tasks = [
      task({ deadline: '2026-11-05T10:00:00.000Z', completedAt: '2026-11-04T10:00:00.000Z' }),
      task({
        type: 'update_case_status',
        deadline: '2026-11-05T10:00:00.000Z',
        completedAt: '2026-11-15T10:00:00.000Z',
      }),
      task({ type: 'new_message', deadline: '2026-11-05T10:00:00.000Z', completedAt: '2026-11-08T10:00:00.000Z' }),
    ];
    const result = report(tasks);
    expect(result.score).toBeCloseTo((100 * (3 + 0 + 8 / 7)) / 6, 2);
    expect(result.counted).toBe(3);
    expect(result.lines).toBeUndefined();
  });
});

describe('open tasks', () => {
  it('an open task past its original deadline counts with its lateness so far; one not yet due does not', () => {
    // Prepare: 2 days overdue at `now`, and one due after `now`.
    const overdue = task({ type: 'provide_quote', deadline: '2026-11-18T00:00:00.000Z' });
    const notDue = task({ type: 'provide_quote', deadline: '2026-11-25T00:00:00.000Z' });
    // Act
    const result = report([overdue, notDue], true);
    // Assess
    expect(result.counted).toBe(1);
    expect(result.notYetDue).toBe(1);
    expect(result.lines?.[0]).toMatchObject({ taskId: overdue.id, status: 'open', completedAt: null, latenessDays: 2 });
    expect(result.lines?.[0]?.points).toBeCloseTo(5 / 7, 4);
    expect(result.breakdown).toEqual([
      expect.objectContaining({ type: 'provide_quote', count: 1, onTime: 0, late: 1, openOverdue: 1 }),
    ]);
  });

  it('only open tasks not yet due: no score, reason none_due_yet', () => {
    const result = report([task({ deadline: '2026-11-28T00:00:00.000Z' })]);
    expect(result).toMatchObject({ score: null, reason: 'none_due_yet', counted: 0, notYetDue: 1, totalWeight: 0 });
  });
});

describe('exclusions', () => {
  it('ai and cancelled resolutions, commission, creditor and unweighted tasks do not count', () => {
    const deadline = '2026-11-05T10:00:00.000Z';
    const late = '2026-11-12T10:00:00.000Z';
    const excluded = [
      task({ type: 'new_message', deadline, completedAt: late, resolution: 'ai' }),
      task({ deadline, completedAt: late, resolution: 'cancelled' }),
      task({ type: 'invoice_commission', deadline, completedAt: late, resolution: 'done' }),
      task({ type: 'chase_commission', deadline, completedAt: late }),
      task({ type: 'new_message', party: 'creditor', deadline, completedAt: late }),
      task({ type: 'select_quote_winner', party: 'creditor', deadline, completedAt: late }),
      task({ type: 'generic', deadline, completedAt: late, resolution: 'done' }),
      task({ orgId: 'p-other', deadline, completedAt: late }),
    ];
    const counted = task({ deadline, completedAt: deadline, resolution: 'done' });
    const result = report([...excluded, counted], true);
    expect(result.score).toBe(100);
    expect(result.lines?.map((line) => line.taskId)).toEqual([counted.id]);
    expect(result.notYetDue).toBe(0);
  });

  it('only excluded tasks: the org has no score', () => {
    const result = report([
      task({
        deadline: '2026-11-05T10:00:00.000Z',
        completedAt: '2026-11-06T10:00:00.000Z',
        resolution: 'ai',
        type: 'new_message',
      }),
    ]);
    expect(result).toMatchObject({ score: null, reason: 'no_tasks_in_period' });
  });
});

describe('period boundaries', () => {
  it('from is inclusive, to is exclusive (on originalDeadline)', () => {
    const atFrom = task({ deadline: '2026-11-01T00:00:00.000Z', completedAt: '2026-10-31T00:00:00.000Z' });
    const beforeFrom = task({ deadline: '2026-10-31T23:59:59.999Z', completedAt: '2026-10-31T00:00:00.000Z' });
    const atTo = task({ deadline: '2026-12-01T00:00:00.000Z', completedAt: '2026-11-02T00:00:00.000Z' });
    const beforeTo = task({ deadline: '2026-11-30T23:59:59.999Z', completedAt: '2026-11-02T00:00:00.000Z' });
    const result = report([atFrom, beforeFrom, atTo, beforeTo], true);
    expect(result.lines?.map((line) => line.taskId)).toEqual([atFrom.id, beforeTo.id]);
    expect(result).toMatchObject({ from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' });
  });

  it('periods: to must be after from and at most 366 days later, naming the field', () => {
    const day = (iso: string) => new Date(iso);
    expect(slaPeriodProblem({ from: day('2026-11-01'), to: day('2026-11-01') })).toMatchObject({ field: 'to' });
    expect(slaPeriodProblem({ from: day('2026-11-01'), to: day('2026-10-01') })).toMatchObject({ field: 'to' });
    expect(slaPeriodProblem({ from: day('2025-01-01'), to: day('2026-01-03') })).toMatchObject({ field: 'to' });
    expect(slaPeriodProblem({ from: day('nonsense'), to: day('2026-01-03') })).toMatchObject({ field: 'from' });
    expect(slaPeriodProblem({ from: day('2024-01-01'), to: day('2025-01-01') })).toBeUndefined();
  });
});

describe('requested period', () => {
  it('defaults to the 30 days before now; bare dates are midnight UTC', () => {
    expect(requestedSlaPeriod({}, now)).toEqual({ from: new Date('2026-10-21T00:00:00.000Z'), to: now });
    expect(requestedSlaPeriod({ from: '2026-11-01', to: '2026-11-08T02:00:00+02:00' }, now)).toEqual({
      from: new Date('2026-11-01T00:00:00.000Z'),
      to: new Date('2026-11-08T00:00:00.000Z'),
    });
  });

  it('rejects a reversed period with a 400 naming `to`', () => {
    const attempt = () => requestedSlaPeriod({ from: '2026-11-10', to: '2026-11-01' }, now);
    expect(attempt).toThrow(SlaPeriodError);
    expect(attempt).toThrow(expect.objectContaining({ statusCode: 400, field: 'to' }));
  });
});

describe('an org with no tasks', () => {
  it('has a defined answer: null score with a reason, zero weight, no division by zero', () => {
    const result = report([], true);
    expect(result).toEqual({
      orgId: org,
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      asOf: now.toISOString(),
      score: null,
      reason: 'no_tasks_in_period',
      counted: 0,
      totalWeight: 0,
      notYetDue: 0,
      breakdown: [],
      lines: [],
    });
  });
});

describe('breakdown per type', () => {
  it('counts on time and late per type with average points, heaviest type first', () => {
    const tasks = [
      task({ type: 'new_message', deadline: '2026-11-05T10:00:00.000Z', completedAt: '2026-11-05T09:00:00.000Z' }),
      task({ type: 'new_message', deadline: '2026-11-05T10:00:00.000Z', completedAt: '2026-11-08T10:00:00.000Z' }),
      task({ deadline: '2026-11-06T10:00:00.000Z', completedAt: '2026-11-13T10:00:00.000Z' }),
    ];
    const result = report(tasks);
    expect(result.breakdown).toEqual([
      {
        type: 'review_new_case',
        label: 'Review New Case',
        weight: 3,
        count: 1,
        onTime: 0,
        late: 1,
        openOverdue: 0,
        averagePoints: 0,
      },
      {
        type: 'new_message',
        label: 'New Message',
        weight: 2,
        count: 2,
        onTime: 1,
        late: 1,
        openOverdue: 0,
        averagePoints: Number(((1 + 4 / 7) / 2).toFixed(4)),
      },
    ]);
  });
});
