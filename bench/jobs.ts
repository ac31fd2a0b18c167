// Scheduled job benchmarks: deadline reminders, monthly surveys and the chat cleanup over N items each.

import {
  configuredJudge,
  defaultChatCleanupSettings,
  type JobSummary,
  runChatCleanup,
  runDeadlineReminders as runReminders,
  runMonthlySurveys as runSurveys,
} from '@casetasks/app/jobs';
import { tasksDb } from '@casetasks/app/runtime';
import { defaultPolicy, mapBounded, newTask, scheduleReminder, utcCalendar } from '@casetasks/core';
import { storedItems } from '@casetasks/db/testing';
import { ulid } from 'ulid';
import { NOW as CHAT_NOW, seedChatTask } from '../test/integration/chat-cleanup-fixtures.js';
import { attachCapacityMeter } from './support/capacity-meter.js';
import { check } from './support/checks.js';
import { attachIndexMeter } from './support/index-meter.js';
import { type BenchDatabase, progress, secondsSince, seedItems } from './support/local-table.js';

const ORGS = 100;

export interface JobResult {
  job: string;
  items: number;
  seedSeconds: number;
  seconds: number;
  itemsPerSecond: number;
  rcuPerItem: number;
  wcuPerItem: number;
  /** Of `wcuPerItem`: what the secondary indexes consumed. */
  indexWcuPerItem: number;
  requestsPerItem: number;
  counts: JobSummary['counts'];
  finished: boolean;
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

/** A benchmark of a job that did the wrong thing measures nothing: fail the run instead. */
const expectCounts = (summary: JobSummary, expected: Record<string, number | undefined>): JobSummary => {
  const wrong = Object.entries(expected).filter(([name, value]) => summary.counts[name] !== value);
  check(
    wrong.length === 0 && summary.checkpoint === undefined,
    `${summary.job}: counts ${JSON.stringify(expected)} and no checkpoint (got ${JSON.stringify(summary)})`,
  );
  return summary;
};

/** Runs a job against a fresh table with the meter on `tasksDb()`; capacity is per item of the job's input. */
const measureJob = async (
  database: BenchDatabase,
  job: string,
  items: number,
  seed: (table: Awaited<ReturnType<BenchDatabase['table']>>) => Promise<void>,
  runJob: () => Promise<JobSummary>,
  /** Runs after the measurement: checks that need more requests are not counted. */
  verify: () => Promise<unknown> = async () => undefined,
): Promise<JobResult> => {
  const table = await database.table(`bench-${job}`);
  const seedStarted = performance.now();
  await seed(table);
  const seedSeconds = secondsSince(seedStarted);
  progress(`${job}: seeded ${items} items in ${seedSeconds} s, running the job`);
  database.useForService(table);
  const meter = attachCapacityMeter(tasksDb().client);
  const split = attachIndexMeter(tasksDb().client);
  const started = performance.now();
  const summary = await runJob();
  const seconds = secondsSince(started);
  const used = meter.snapshot();
  const indexWrites = split.snapshot().indexes;
  await verify();
  return {
    job,
    items,
    seedSeconds,
    seconds,
    itemsPerSecond: round(items / seconds, 1),
    rcuPerItem: round(used.read / items),
    wcuPerItem: round(used.write / items),
    indexWcuPerItem: round(indexWrites / items),
    requestsPerItem: round(used.calls / items),
    counts: summary.counts,
    finished: summary.checkpoint === undefined,
  };
};

const reminderOptions = { concurrency: 16, budgetMs: 30 * 60_000 };

/** N open tasks whose approaching reminder is due at 10:00 on 25 Nov, over 100 organisations. */
export const reminderJob = (database: BenchDatabase, size: number) =>
  measureJob(
    database,
    'deadline-reminders',
    size,
    (table) =>
      seedItems(
        table.db,
        Array.from({ length: size }, (_, i) =>
          storedItems.task(
            scheduleReminder(
              defaultPolicy(utcCalendar),
              newTask({
                id: ulid(),
                type: 'update_case_status',
                party: 'partner',
                orgId: `p-${i % ORGS}`,
                scopeKey: `case#c-${i}`,
                caseId: `c-${i}`,
                createdAt: '2026-11-23T10:00:00.000Z',
                deadline: '2026-11-30T10:00:00.000Z',
              }),
            ),
          ),
        ),
      ),
    // The Lambda's 4-minute budget would checkpoint a slow run; the bench measures one whole pass.
    async () =>
      expectCounts(await runReminders({ now: '2026-11-25T10:00:00.000Z' }, reminderOptions), {
        evaluated: size,
        approaching: size,
        digests: ORGS,
      }),
    // An hour later nothing is due again: each task was reminded once.
    async () =>
      expectCounts(await runReminders({ now: '2026-11-25T11:00:00.000Z' }, reminderOptions), {
        approaching: undefined,
      }),
  );

/** N active cases whose monthly survey is due, over 100 partner organisations. */
export const surveyJob = (database: BenchDatabase, size: number) =>
  measureJob(
    database,
    'monthly-surveys',
    size,
    (table) =>
      seedItems(
        table.db,
        Array.from({ length: size }, (_, i) =>
          storedItems.caseState({
            caseId: `sc-${i}`,
            partnerOrgId: `p-${i % ORGS}`,
            status: 'active',
            nextSurveyAt: '2026-11-20T08:00:00.000Z',
            version: 1,
          }),
        ),
      ),
    async () =>
      expectCounts(await runSurveys({ now: '2026-11-23T03:00:00.000Z' }, { concurrency: 16, budgetMs: 30 * 60_000 }), {
        evaluated: size,
        created: size,
      }),
  );

/**
 * Three messages from the other party. Since issue 23 the offline judge closes a conversation only when every
 * message since the party last wrote is an acknowledgement: the even ones are thanks only, the odd ones ask.
 */
const conversations = [
  ['Received, thank you.', 'Thanks!', 'Thank you!'],
  ['We received the case file.', 'Please confirm the claim amount.', 'Could you send the payment plan?'],
  ['Thanks, received.', 'Noted, thanks.', 'Great, thank you!'],
  ['We received the case file.', 'Please confirm the claim amount.', 'The debtor moved abroad.'],
];

/** N overdue chat tasks (half partner, half creditor), three messages each; the offline judge resolves half. */
export const chatCleanupJob = (database: BenchDatabase, size: number) =>
  measureJob(
    database,
    'chat-cleanup',
    size,
    async (table) => {
      await mapBounded(
        Array.from({ length: size }, (_, i) => i),
        16,
        (i) =>
          seedChatTask(table.db, {
            party: i % 2 ? 'partner' : 'creditor',
            orgId: `org-${i % 50}`,
            texts: conversations[i % 4] as string[],
          }),
      );
    },
    // What the deployed `run` passes (CHAT_JUDGE=offline), with a budget that lets one pass finish.
    async () =>
      expectCounts(
        await runChatCleanup(
          { now: CHAT_NOW },
          {
            db: tasksDb(),
            judge: configuredJudge(),
            clock: Date.now,
            settings: { ...defaultChatCleanupSettings, budgetMs: 30 * 60_000 },
          },
        ),
        // The offline judge resolves the thanks-only conversations (1 in 2) and keeps the others.
        { evaluated: size, resolved: size / 2, kept: size / 2, failed: 0 },
      ),
  );
