import { describe, expect, it } from 'vitest';
import { csvField } from './csv.js';
import { closeTask, newTask, platformActor } from './lifecycle.js';
import {
  monthlyScorecard,
  monthPeriod,
  percentiles,
  previousMonth,
  requestedMonths,
  ScorecardRangeError,
  scorecardTrendCsv,
  WhatIfTaskError,
  whatIfScore,
} from './scorecard.js';
import type { Task, TaskType } from './task.js';

const org = 'p-1';
let seq = 0;

interface Fixture {
  type: TaskType;
  deadline: string;
  completedAt?: string;
  creditorOrgId?: string;
}
const task = ({ type, deadline, completedAt, creditorOrgId }: Fixture): Task => {
  seq += 1;
  const open = {
    ...newTask({
      id: `t-${String(seq).padStart(3, '0')}`,
      type,
      party: 'partner',
      orgId: org,
      scopeKey: `case#c-${seq}`,
      caseId: `c-${seq}`,
      createdAt: '2026-10-30T00:00:00.000Z',
      deadline,
    }),
    ...(creditorOrgId ? { creditorOrgId } : {}),
  };
  return completedAt ? closeTask(open, 'auto', platformActor, completedAt).after : open;
};

/**
 * November 2026 of p-1, snapshot at 2026-12-01T05:00Z (weights: review_new_case 3, provide_quote 3,
 * new_message 2, respond_to_complaint 2, update_case_status 1):
 *   A review_new_case      c-1   due 11-05 10:00, done 11-05 09:00   on time        points 1
 *   B new_message          c-1   due 11-10 10:00, done 11-13 22:00   3.5 days late  points 0.5
 *   C update_case_status   c-2   due 11-20 00:00, done 11-27 00:00   7 days late    points 0
 *   D provide_quote        none  due 11-25 12:00, open               5.7083 days    points 0.184524
 *   F respond_to_complaint c-2   due 11-15 12:00, done 11-15 11:00   on time        points 1
 *   E review_new_case      c-2   due 12-02: another month, not counted
 * Score = 100 × (3 + 1 + 0 + 3 × 0.184524 + 2) / 11 = 100 × 6.553571 / 11 = 59.58.
 */
const november = () => [
  task({
    type: 'review_new_case',
    creditorOrgId: 'c-1',
    deadline: '2026-11-05T10:00:00.000Z',
    completedAt: '2026-11-05T09:00:00.000Z',
  }),
  task({
    type: 'new_message',
    creditorOrgId: 'c-1',
    deadline: '2026-11-10T10:00:00.000Z',
    completedAt: '2026-11-13T22:00:00.000Z',
  }),
  task({
    type: 'update_case_status',
    creditorOrgId: 'c-2',
    deadline: '2026-11-20T00:00:00.000Z',
    completedAt: '2026-11-27T00:00:00.000Z',
  }),
  task({ type: 'provide_quote', deadline: '2026-11-25T12:00:00.000Z' }),
  task({
    type: 'respond_to_complaint',
    creditorOrgId: 'c-2',
    deadline: '2026-11-15T12:00:00.000Z',
    completedAt: '2026-11-15T11:00:00.000Z',
  }),
  task({ type: 'review_new_case', creditorOrgId: 'c-2', deadline: '2026-12-02T10:00:00.000Z' }),
];
const snapshotAt = new Date('2026-12-01T05:00:00.000Z');

describe('months', () => {
  it('a month is [first day, first day of the next month) in UTC, and the job snapshots the previous one', () => {
    expect(monthPeriod('2026-12')).toEqual({
      from: new Date('2026-12-01T00:00:00.000Z'),
      to: new Date('2027-01-01T00:00:00.000Z'),
    });
    expect(previousMonth(new Date('2027-01-01T05:00:00.000Z'))).toBe('2026-12');
  });

  it('a range defaults to the last 12 complete months and refuses more than 24, naming `to`', () => {
    expect(requestedMonths({}, snapshotAt)).toEqual({ from: '2025-12', to: '2026-11' });
    expect(requestedMonths({ from: '2025-01', to: '2026-12' }, snapshotAt)).toEqual({ from: '2025-01', to: '2026-12' });
    expect(() => requestedMonths({ from: '2024-12', to: '2026-12' }, snapshotAt)).toThrow(ScorecardRangeError);
    expect(() => requestedMonths({ from: '2026-12', to: '2026-11' }, snapshotAt)).toThrow(
      expect.objectContaining({ field: 'to' }),
    );
  });
});

describe('monthly scorecard (hand-computed)', () => {
  it('November: score, compliance, on-time share, average lateness and counts', () => {
    // Act
    const { scorecard } = monthlyScorecard({ partnerOrgId: org, month: '2026-11', tasks: november(), now: snapshotAt });
    // Assess
    expect(scorecard).toMatchObject({
      partnerOrgId: org,
      month: '2026-11',
      asOf: '2026-12-01T05:00:00.000Z',
      score: 59.58,
      counted: 5,
      onTime: 2,
      late: 3,
      // 2 of 5 tasks on time.
      complianceRate: 40,
      // Weight on time (A 3 + F 2) of 11.
      onTimeShare: 45.45,
      // (3.5 + 7 + 5.71) / 3 late lines.
      averageLatenessDays: 5.4,
      notYetDue: 0,
      percentile: null,
      rankedPartners: null,
    });
    expect(scorecard.breakdown.map((row) => [row.type, row.count])).toEqual([
      ['provide_quote', 1],
      ['review_new_case', 1],
      ['new_message', 1],
      ['respond_to_complaint', 1],
      ['update_case_status', 1],
    ]);
  });

  it('per creditor: each creditor’s lines only; lines without a creditor under `unknown`', () => {
    const { scorecard, creditorViews } = monthlyScorecard({
      partnerOrgId: org,
      month: '2026-11',
      tasks: november(),
      now: snapshotAt,
    });
    expect(scorecard.byCreditor).toEqual([
      // A + B: 100 × (3 + 2 × 0.5) / 5.
      {
        creditorOrgId: 'c-1',
        score: 80,
        counted: 2,
        onTime: 1,
        late: 1,
        complianceRate: 50,
        onTimeShare: 60,
        averageLatenessDays: 3.5,
      },
      // C + F: 100 × (0 + 2) / 3.
      {
        creditorOrgId: 'c-2',
        score: 66.67,
        counted: 2,
        onTime: 1,
        late: 1,
        complianceRate: 50,
        onTimeShare: 66.67,
        averageLatenessDays: 7,
      },
      // D alone: 100 × 0.184524.
      {
        creditorOrgId: 'unknown',
        score: 18.45,
        counted: 1,
        onTime: 0,
        late: 1,
        complianceRate: 0,
        onTimeShare: 0,
        averageLatenessDays: 5.71,
      },
    ]);
    // Only real creditors get a view, holding their own lines only.
    expect(
      creditorViews.map((view) => [view.creditorOrgId, view.score, view.breakdown.map((row) => row.type)]),
    ).toEqual([
      ['c-1', 80, ['review_new_case', 'new_message']],
      ['c-2', 66.67, ['respond_to_complaint', 'update_case_status']],
    ]);
  });

  it('a month with nothing counted has no score and no rates, never a made-up 0 or 100', () => {
    const { scorecard } = monthlyScorecard({ partnerOrgId: org, month: '2026-10', tasks: november(), now: snapshotAt });
    expect(scorecard).toMatchObject({
      score: null,
      reason: 'no_tasks_in_period',
      complianceRate: null,
      onTimeShare: null,
      averageLatenessDays: null,
      byCreditor: [],
    });
  });
});

describe('percentiles among partners', () => {
  it('three ranked partners: the share of ranked partners with a strictly lower score; no score, no percentile', () => {
    const ranks = percentiles([
      { partnerOrgId: 'p-1', score: 59.58 },
      { partnerOrgId: 'p-2', score: 80 },
      { partnerOrgId: 'p-3', score: null },
      { partnerOrgId: 'p-4', score: 40 },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({
      'p-1': { percentile: 33.33, rankedPartners: 3 },
      'p-2': { percentile: 66.67, rankedPartners: 3 },
      'p-3': { percentile: null, rankedPartners: 3 },
      'p-4': { percentile: 0, rankedPartners: 3 },
    });
  });

  it('equal scores share their percentile', () => {
    const ranks = percentiles([
      { partnerOrgId: 'a', score: 90 },
      { partnerOrgId: 'b', score: 90 },
      { partnerOrgId: 'c', score: 10 },
    ]);
    expect([ranks.get('a')?.percentile, ranks.get('b')?.percentile]).toEqual([33.33, 33.33]);
  });
});

describe('CSV', () => {
  it('a trend: one row per month, oldest first, fixed columns, CRLF, empty fields for nulls', () => {
    // Prepare
    const november2026 = monthlyScorecard({ partnerOrgId: org, month: '2026-11', tasks: november(), now: snapshotAt });
    const october2026 = monthlyScorecard({ partnerOrgId: org, month: '2026-10', tasks: [], now: snapshotAt });
    const ranked = { ...november2026.scorecard, percentile: 33.33, rankedPartners: 3 };
    // Act
    const csv = scorecardTrendCsv([ranked, october2026.scorecard]);
    // Assess
    expect(csv).toBe(
      'month,score,complianceRate,onTimeShare,averageLatenessDays,counted,onTime,late,notYetDue,percentile,rankedPartners\r\n' +
        '2026-10,,,,,0,0,0,0,,\r\n' +
        '2026-11,59.58,40,45.45,5.4,5,2,3,0,33.33,3\r\n',
    );
  });

  it('quotes a field per RFC 4180 only when it must', () => {
    expect(csvField('p-1')).toBe('p-1');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(0)).toBe('0');
  });
});

describe('what-if (hand-computed)', () => {
  const period = monthPeriod('2026-11');
  const now = new Date('2026-11-20T00:00:00.000Z');
  // X review_new_case (3) open, due 11-17: 3 days late so far, points 4/7.
  // Y new_message (2) open, due 11-25: not due yet, does not count.
  // Z update_case_status (1) completed on time: points 1.
  const x = task({ type: 'review_new_case', deadline: '2026-11-17T00:00:00.000Z' });
  const y = task({ type: 'new_message', deadline: '2026-11-25T00:00:00.000Z' });
  const z = task({
    type: 'update_case_status',
    deadline: '2026-11-18T00:00:00.000Z',
    completedAt: '2026-11-17T00:00:00.000Z',
  });
  const tasks = [x, y, z];
  const run = (complete: string[], at = new Date('2026-11-18T12:00:00.000Z')) =>
    whatIfScore({ orgId: org, period, now, tasks, complete, at });

  it('completing X 1.5 days late and Y early lifts 67.86 to 89.29', () => {
    // Act
    const result = run([x.id, y.id]);
    // Assess: current 100 × (3 × 4/7 + 1) / 4; what-if 100 × (3 × (1 − 1.5/7) + 2 + 1) / 6.
    expect([result.current.score, result.current.counted, result.current.notYetDue]).toEqual([67.86, 2, 1]);
    expect([result.whatIf.score, result.whatIf.counted, result.whatIf.notYetDue]).toEqual([89.29, 3, 0]);
    expect(result.changed).toEqual([
      {
        taskId: x.id,
        before: expect.objectContaining({ status: 'open', latenessDays: 3, points: 0.5714 }),
        after: expect.objectContaining({
          status: 'completed',
          completedAt: '2026-11-18T12:00:00.000Z',
          latenessDays: 1.5,
          points: 0.7857,
        }),
      },
      {
        taskId: y.id,
        before: null,
        after: expect.objectContaining({ status: 'completed', latenessDays: 0, points: 1 }),
      },
    ]);
  });

  it('refuses, naming `complete`, a completed task, an unknown one, a repeat and more than 50', () => {
    for (const complete of [[z.id], ['t-unknown'], [x.id, x.id], Array.from({ length: 51 }, (_, i) => `t-${i}`)]) {
      expect(() => run(complete)).toThrow(expect.objectContaining({ field: 'complete', statusCode: 400 }));
    }
    expect(() => run([x.id])).not.toThrow(WhatIfTaskError);
    // Naming nothing is allowed: today's score, twice, nothing changed.
    expect(run([]).changed).toEqual([]);
  });

  it('refuses a completion before the task existed, naming `at`', () => {
    expect(() => run([x.id], new Date('2026-10-01T00:00:00.000Z'))).toThrow(expect.objectContaining({ field: 'at' }));
  });
});
