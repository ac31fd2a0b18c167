// Local mode's scheduler: EventBridge cron → cron-parser in the job's time zone, the coalescing rule, runs on a fake clock.
import type { Job, JobSummary } from '@casetasks/app/jobs';
import { describe, expect, it } from 'vitest';
import {
  coalescePoints,
  cronOf,
  KEEP_RUNS,
  LocalScheduler,
  MAX_RUNS_PER_ADVANCE,
  nextSchedulePoint,
  schedulePoints,
} from './local-scheduler.js';

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());
const HOUR = 3_600_000;

const fakeJob = (name: string, expression: string, calls: string[], fail = false): Job =>
  ({
    name,
    schedule: { expression, timeZone: 'Etc/UTC' },
    lambda: { description: name, timeoutSeconds: 60, memoryMb: 128 },
    run: async ({ now }): Promise<JobSummary> => {
      calls.push(`${name}@${now}`);
      if (fail) throw new Error('boom');
      return { job: name, now: now ?? '', counts: { done: 1 }, durationMs: 0 };
    },
  }) as Job;

describe('cronOf', () => {
  it('drops the year field and turns ? into *', () => {
    expect(cronOf('cron(0 * * * ? *)')).toBe('0 * * * *');
    expect(cronOf('cron(0/15 2-5 * * ? *)')).toBe('0/15 2-5 * * *');
    expect(cronOf('cron(0 4 1 * ? *)')).toBe('0 4 1 * *');
  });

  it("renumbers EventBridge's weekdays (1 = Sunday) for cron-parser (0 = Sunday)", () => {
    expect(cronOf('cron(0 9 ? * 2-6 *)')).toBe('0 9 * * 1-5');
  });

  it('refuses what it cannot read', () => {
    expect(() => cronOf('rate(5 minutes)')).toThrow(/not an EventBridge cron/);
    expect(() => cronOf('cron(0 4 1 * ? 2027)')).toThrow(/year/);
  });
});

describe('schedulePoints', () => {
  it('lists the points in (after, until] of a UTC schedule', () => {
    const points = schedulePoints(
      { expression: 'cron(0/15 2-5 * * ? *)', timeZone: 'Etc/UTC' },
      new Date('2026-03-01T05:30:00Z'),
      new Date('2026-03-02T02:15:00Z'),
    );

    expect(iso(points)).toEqual(['2026-03-01T05:45:00.000Z', '2026-03-02T02:00:00.000Z', '2026-03-02T02:15:00.000Z']);
  });

  it("reads the expression in the job's time zone, across a DST change", () => {
    const schedule = { expression: 'cron(0 3 * * ? *)', timeZone: 'Europe/Copenhagen' };

    const points = schedulePoints(schedule, new Date('2026-03-28T00:00:00Z'), new Date('2026-03-30T00:00:00Z'));

    // 03:00 CET is 02:00Z; after the switch on 29 March, 03:00 CEST is 01:00Z.
    expect(iso(points)).toEqual(['2026-03-28T02:00:00.000Z', '2026-03-29T01:00:00.000Z']);
    expect(nextSchedulePoint(schedule, new Date('2026-03-30T00:00:00Z'))?.toISOString()).toBe(
      '2026-03-30T01:00:00.000Z',
    );
  });
});

describe('coalescePoints', () => {
  it('keeps the first point of each crossed hour', () => {
    const points = schedulePoints(
      { expression: 'cron(0/15 2-5 * * ? *)', timeZone: 'Etc/UTC' },
      new Date('2026-03-01T00:00:00Z'),
      new Date('2026-03-01T12:00:00Z'),
    );

    expect(iso(coalescePoints(points))).toEqual([
      '2026-03-01T02:00:00.000Z',
      '2026-03-01T03:00:00.000Z',
      '2026-03-01T04:00:00.000Z',
      '2026-03-01T05:00:00.000Z',
    ]);
  });

  it(`keeps at most ${MAX_RUNS_PER_ADVANCE} runs, the last ones`, () => {
    const hourly = schedulePoints(
      { expression: 'cron(0 * * * ? *)', timeZone: 'Etc/UTC' },
      new Date('2026-03-01T00:00:00Z'),
      new Date('2026-03-11T00:00:00Z'),
    );

    const kept = coalescePoints(hourly);

    expect(hourly).toHaveLength(240);
    expect(kept).toHaveLength(MAX_RUNS_PER_ADVANCE);
    expect(kept.at(-1)?.toISOString()).toBe('2026-03-11T00:00:00.000Z');
    expect(kept[0]?.toISOString()).toBe(
      new Date(Date.parse('2026-03-11T00:00:00Z') - (MAX_RUNS_PER_ADVANCE - 1) * HOUR).toISOString(),
    );
  });

  it('keeps every point of a daily job within the bound', () => {
    const daily = schedulePoints(
      { expression: 'cron(0 3 * * ? *)', timeZone: 'Etc/UTC' },
      new Date('2026-03-01T00:00:00Z'),
      new Date('2026-03-15T00:00:00Z'),
    );

    expect(coalescePoints(daily)).toEqual(daily);
    expect(daily).toHaveLength(14);
  });
});

describe('LocalScheduler', () => {
  it('runs the crossed points of every job in time order at their schedule points, and records the runs', async () => {
    let now = Date.parse('2026-03-01T00:30:00Z');
    const calls: string[] = [];
    const before: string[] = [];
    let synced = 0;
    const scheduler = new LocalScheduler({
      now: () => now,
      jobs: [fakeJob('daily', 'cron(0 3 * * ? *)', calls), fakeJob('hourly', 'cron(0 * * * ? *)', calls)],
      beforeRun: async (at) => before.push(at.toISOString()),
      afterRuns: async () => (synced += 1),
    });

    now = Date.parse('2026-03-01T03:10:00Z');
    const runs = await scheduler.runDue();

    expect(calls).toEqual([
      'hourly@2026-03-01T01:00:00.000Z',
      'hourly@2026-03-01T02:00:00.000Z',
      'daily@2026-03-01T03:00:00.000Z',
      'hourly@2026-03-01T03:00:00.000Z',
    ]);
    expect(before).toEqual(calls.map((call) => call.split('@')[1]));
    expect(runs.map((run) => run.summary?.counts)).toEqual(Array(4).fill({ done: 1 }));
    expect(scheduler.runs()).toEqual(runs);
    expect(synced).toBe(1);
    expect(await scheduler.runDue(), 'nothing crossed since').toEqual([]);
    expect(scheduler.listing()).toEqual([
      { name: 'daily', schedule: 'cron(0 3 * * ? *)', timeZone: 'Etc/UTC', nextRunAt: '2026-03-02T03:00:00.000Z' },
      { name: 'hourly', schedule: 'cron(0 * * * ? *)', timeZone: 'Etc/UTC', nextRunAt: '2026-03-01T04:00:00.000Z' },
    ]);
  });

  it('records a failed run with its error and goes on; a manual run of a failing job throws after recording', async () => {
    let now = Date.parse('2026-03-01T00:30:00Z');
    const calls: string[] = [];
    const failing = fakeJob('failing', 'cron(0 * * * ? *)', calls, true);
    const scheduler = new LocalScheduler({
      now: () => now,
      jobs: [failing, fakeJob('ok', 'cron(0 * * * ? *)', calls)],
    });

    now = Date.parse('2026-03-01T01:00:00Z');
    const runs = await scheduler.runDue();

    expect(runs.map(({ name, error }) => ({ name, error }))).toEqual([
      { name: 'failing', error: 'Error: boom' },
      { name: 'ok', error: undefined },
    ]);
    await expect(scheduler.runNow(failing, new Date('2026-03-01T01:05:00Z'))).rejects.toThrow('boom');
    expect(scheduler.runs().at(-1)).toMatchObject({ name: 'failing', scheduledAt: '2026-03-01T01:05:00.000Z' });
  });

  it(`keeps the last ${KEEP_RUNS} runs`, async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const calls: string[] = [];
    const scheduler = new LocalScheduler({ now: () => now, jobs: [fakeJob('hourly', 'cron(0 * * * ? *)', calls)] });

    // A day of hourly points per move stays within MAX_RUNS_PER_ADVANCE: every point runs.
    for (let day = 1; day <= 10; day += 1) {
      now += 24 * HOUR;
      await scheduler.runDue();
    }

    expect(calls).toHaveLength(240);
    expect(scheduler.runs()).toHaveLength(KEEP_RUNS);
    expect(scheduler.runs().at(-1)?.scheduledAt).toBe(new Date(now).toISOString());
  });
});
