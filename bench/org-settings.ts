// Issue 11 benchmarks: one bulk call vs the same 100 single calls, and what an org's settings add to a create.

import { tasksDb } from '@casetasks/app/runtime';
import { newTask, type Task } from '@casetasks/core';
import { materialiseHolidays } from '@casetasks/core/holidays';
import { getTask, putOrgCalendarSection, putOrgSettingsSection } from '@casetasks/db';
import { storedItems } from '@casetasks/db/testing';
import { ulid } from 'ulid';
import { handler } from '../functions/http/task-actions.js';
import { attachCapacityMeter, type CapacityTotals } from './support/capacity-meter.js';
import { check } from './support/checks.js';
import { type BenchCaller, callHttp } from './support/http-event.js';
import { type BenchTable, seedItems } from './support/local-table.js';
import { interleaved, percentile } from './support/stats.js';

const BULK_SIZE = 100;
const DAY = 86_400_000;
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

const manager = (orgId: string): BenchCaller => ({ party: 'partner', orgId, userId: 'u-manager', role: 'manager' });

/** Open generic tasks of one org, written straight to the table (the benchmark measures the changes, not creation). */
const seedOpenTasks = async (table: BenchTable, orgId: string, count: number): Promise<Task[]> => {
  const now = Date.now();
  const tasks = Array.from({ length: count }, () => {
    const id = ulid();
    return newTask({
      id,
      type: 'generic',
      party: 'partner',
      orgId,
      scopeKey: id,
      createdAt: new Date(now).toISOString(),
      deadline: new Date(now + 10 * DAY).toISOString(),
    });
  });
  await seedItems(table.db, tasks.map(storedItems.task));
  return tasks;
};

const assignOne = (caller: BenchCaller, id: string, assigneeId: string) =>
  callHttp(handler, caller, {
    routeKey: 'POST /tasks/{id}/assign',
    path: `/tasks/${id}/assign`,
    pathParameters: { id },
    body: { assigneeId },
  });

const assignBulk = async (caller: BenchCaller, ids: readonly string[], assigneeId: string) => {
  const body = await callHttp<{ counts: Record<string, number> }>(handler, caller, {
    routeKey: 'POST /tasks/bulk',
    path: '/tasks/bulk',
    body: { items: ids.map((id) => ({ id, action: 'assign', assigneeId })) },
  });
  check(
    body.counts.applied === ids.length,
    `bulk: all ${ids.length} assignments applied (${JSON.stringify(body.counts)})`,
  );
};

/** Runs `work` and returns its wall time and the capacity it consumed through the service's client. */
const measured = async (work: () => Promise<unknown>): Promise<{ ms: number; capacity: CapacityTotals }> => {
  const meter = attachCapacityMeter(tasksDb().client);
  meter.reset();
  const started = performance.now();
  await work();
  return { ms: performance.now() - started, capacity: meter.snapshot() };
};

export interface BulkResult {
  rounds: number;
  items: number;
  bulk: { ms: number; wcu: number; rcu: number };
  sequential: { ms: number; wcu: number; rcu: number };
  parallel8: { ms: number };
  /** Wall time of one bulk call ÷ the same assignments as single calls one after another (lower is better). */
  timeVsSequential: number;
  timeVsParallel8: number;
  /** Write units of the bulk call ÷ the single calls': 1.00 = a bulk item costs what a single call costs. */
  wcuRatio: number;
}

/** Median over `rounds` of: 100 assignments as one bulk call, as 100 sequential calls, and as 100 calls 8 at a time. */
export const bulkVsSingles = async (table: BenchTable, rounds: number): Promise<BulkResult> => {
  const caller = manager('p-bulk');
  const warm = await seedOpenTasks(table, caller.orgId, 20);
  for (const task of warm.slice(0, 10)) await assignOne(caller, task.id, 'u-warm');
  await assignBulk(
    caller,
    warm.slice(10).map((task) => task.id),
    'u-warm',
  );
  const samples = { bulk: [] as number[], sequential: [] as number[], parallel8: [] as number[] };
  const capacity = { bulk: { read: 0, write: 0 }, sequential: { read: 0, write: 0 } };
  for (let r = 0; r < rounds; r++) {
    const [forBulk, forSequential, forParallel] = [
      await seedOpenTasks(table, caller.orgId, BULK_SIZE),
      await seedOpenTasks(table, caller.orgId, BULK_SIZE),
      await seedOpenTasks(table, caller.orgId, BULK_SIZE),
    ];
    const bulk = await measured(() =>
      assignBulk(
        caller,
        forBulk.map((task) => task.id),
        'u-2',
      ),
    );
    const sequential = await measured(async () => {
      for (const task of forSequential) await assignOne(caller, task.id, 'u-2');
    });
    const parallel = await measured(async () => {
      const queue = [...forParallel];
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let task = queue.shift(); task; task = queue.shift()) await assignOne(caller, task.id, 'u-2');
        }),
      );
    });
    // Each way did the same work: all 300 tasks are now assigned to u-2 (read after the measurement).
    const assigned = await Promise.all(
      [...forBulk, ...forSequential, ...forParallel].map((task) => getTask(tasksDb(), task.id, true)),
    );
    check(
      assigned.every((task) => task?.assigneeId === 'u-2'),
      `bulk round ${r}: every task of the bulk, sequential and 8-in-flight calls is assigned`,
    );
    samples.bulk.push(bulk.ms);
    samples.sequential.push(sequential.ms);
    samples.parallel8.push(parallel.ms);
    capacity.bulk.read += bulk.capacity.read;
    capacity.bulk.write += bulk.capacity.write;
    capacity.sequential.read += sequential.capacity.read;
    capacity.sequential.write += sequential.capacity.write;
  }
  const median = (values: number[]) => round(percentile(values, 50), 1);
  const [bulkMs, sequentialMs, parallelMs] = [
    median(samples.bulk),
    median(samples.sequential),
    median(samples.parallel8),
  ];
  return {
    rounds,
    items: BULK_SIZE,
    bulk: { ms: bulkMs, wcu: round(capacity.bulk.write / rounds), rcu: round(capacity.bulk.read / rounds) },
    sequential: {
      ms: sequentialMs,
      wcu: round(capacity.sequential.write / rounds),
      rcu: round(capacity.sequential.read / rounds),
    },
    parallel8: { ms: parallelMs },
    timeVsSequential: round(bulkMs / sequentialMs),
    timeVsParallel8: round(bulkMs / parallelMs),
    wcuRatio: round(capacity.bulk.write / capacity.sequential.write),
  };
};

export interface SettingsOverheadResult {
  iterations: number;
  p50: { withSettings: number; without: number; ratio: number };
  perCreate: { withSettings: { rcu: number; wcu: number }; without: { rcu: number; wcu: number } };
}

/**
 * `POST /tasks` for an org with every setting (Copenhagen + DK holidays, three warnings, escalation,
 * round-robin) vs an org with none, interleaved; plus the capacity each create consumes.
 */
export const settingsOverhead = async (iterations: number): Promise<SettingsOverheadResult> => {
  const db = tasksDb();
  const configured = manager('p-configured');
  const plain = manager('p-plain');
  const write = { party: 'partner' as const, orgId: configured.orgId, updatedBy: 'u-owner', now: new Date() };
  const calendar = { timeZone: 'Europe/Copenhagen', country: 'DK', closedDays: ['2026-12-31'] };
  // As PUT /settings/calendar stores it: the calendar with its materialised public holidays.
  await putOrgCalendarSection(db, {
    ...write,
    section: 'calendar',
    value: calendar,
    holidays: materialiseHolidays('DK'),
  });
  await putOrgSettingsSection(db, {
    ...write,
    section: 'reminders',
    value: {
      warnings: [{ percentOfTime: 50 }, { percentOfTime: 75 }, { businessDaysBefore: 1 }],
      escalation: { businessDaysOverdue: 2 },
    },
  });
  await putOrgSettingsSection(db, {
    ...write,
    section: 'autoAssignment',
    value: { rules: { generic: { strategy: 'round_robin', userIds: ['u-1', 'u-2', 'u-3'] } } },
  });
  const createRequest = { routeKey: 'POST /tasks', path: '/tasks', body: { title: 'Bench', dueInBusinessDays: 5 } };
  const create = (caller: BenchCaller) => () => callHttp(handler, caller, createRequest);
  for (let i = 0; i < 30; i++) await Promise.all([create(configured)(), create(plain)()]);
  // The settings take effect: round-robin assigns the configured org's creates, the plain org's stay unassigned.
  const [withSettings, without] = [
    await callHttp<{ id: string }>(handler, configured, createRequest),
    await callHttp<{ id: string }>(handler, plain, createRequest),
  ];
  const [assigned, unassigned] = [await getTask(db, withSettings.id, true), await getTask(db, without.id, true)];
  check(
    ['u-1', 'u-2', 'u-3'].includes(assigned?.assigneeId ?? '') && unassigned?.assigneeId === null,
    `org settings: a create is round-robin assigned with settings (${assigned?.assigneeId}), unassigned without`,
  );
  const { a, b } = await interleaved(iterations, create(configured), create(plain));
  const perCreate = async (caller: BenchCaller) => {
    const { capacity } = await measured(async () => {
      for (let i = 0; i < 20; i++) await create(caller)();
    });
    return { rcu: round(capacity.read / 20), wcu: round(capacity.write / 20) };
  };
  const [withP50, withoutP50] = [percentile(a, 50), percentile(b, 50)];
  return {
    iterations,
    p50: { withSettings: round(withP50, 3), without: round(withoutP50, 3), ratio: round(withP50 / withoutP50) },
    perCreate: { withSettings: await perCreate(configured), without: await perCreate(plain) },
  };
};
