// Replay, widened to every incoming detail-type: in order vs every event twice and shuffled (fast-check, seeded)
// ends with the same tasks and the same case states.

import {
  type CaseState,
  catalogue,
  creationEntry,
  deadlineAfter,
  newTask,
  platformActor,
  scopeKeys,
} from '@casetasks/core';
import { createTask, getCaseState } from '@casetasks/db';
import { platformDetailTypes } from '@casetasks/events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calendar,
  type EventsHarness,
  platformEvent,
  type RawEvent,
  replayHarnesses,
} from '../integration/events-helpers.js';
import {
  caseDetailsPlanArb,
  detailsLog,
  expectNewestDetails,
  tieLoserLast,
  withCaseDetails,
} from '../integration/replay-case-details.js';
import {
  allTasks,
  at,
  buildStream,
  openPerScope,
  orgsOf,
  projection,
  type Scenario,
  scenarioArb,
  winnerOrders,
  winnerOrdersPerRun,
  winnersLast,
} from '../integration/replay-model.js';

const SEED = Number(process.env.REPLAY_SEED ?? 20261123);
// 5 shuffles fit the ~90 s a file may take in npm test; REPLAY_RUNS=200 for the long run (docs/RELIABILITY.md).
const RUNS = Number(process.env.REPLAY_RUNS ?? 5);

/** One case that walks every path, so each stream holds every detail-type at least once. */
const fullCase: Scenario['cases'][number] = {
  creditor: 0,
  partner: 0,
  hasBankAccount: false,
  contractSigned: false,
  verified: true,
  messages: ['creditor', 'partner'],
  needsDetails: true,
  pause: 'partner',
  bankAssigned: true,
  complaint: true,
  solved: { paidTo: 'client', reviewed: true, invoiceSent: true, overdue: true },
  closed: true,
  quote: undefined,
};

/**
 * A case whose SLA clock stops (issue 19): never verified nor closed, so its review_new_case stays open; a
 * complaint is filed and answered. It also gets an update_case_status planted at its start (the monthly job's
 * task) and only the clock events below, never the random ones.
 */
const clockCase: Scenario['cases'][number] = {
  ...fullCase,
  creditor: 1,
  partner: 1,
  hasBankAccount: true,
  contractSigned: true,
  verified: false,
  messages: [],
  needsDetails: false,
  pause: undefined,
  bankAssigned: false,
  complaint: true,
  solved: undefined,
  closed: false,
};
const CLOCK_CASE = 7;

/** The events the shared model does not generate: status updates (newest wins) and the other survey outcomes. */
const extensionArb = fc.record({
  statusUpdates: fc.array(
    fc.record({
      caseIndex: fc.nat({ max: 6 }),
      step: fc.integer({ min: 2, max: 8 }),
      statusType: fc.constantFrom(
        'contact_attempted',
        'payment_plan',
        'payment_promised',
        'waiting_on_client',
        'waiting_on_third_party',
        'dispute_raised',
      ),
      promised: fc.boolean(),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  keepActive: fc.array(fc.record({ caseIndex: fc.nat({ max: 6 }), step: fc.integer({ min: 3, max: 8 }) }), {
    minLength: 1,
    maxLength: 3,
  }),
  closeBySurvey: fc.nat({ max: 5 }),
  /** The clock case: paused and resumed (overlapping its complaint), waiting updates with or without a date. */
  clock: fc.record({
    pausedAt: fc.integer({ min: 1, max: 3 }),
    pausedDays: fc.integer({ min: 1, max: 3 }),
    pausedAgain: fc.boolean(),
    waiting: fc.constantFrom('waiting_on_client', 'waiting_on_third_party', 'dispute_raised'),
    expectedDate: fc.option(fc.constantFrom('2026-11-04', '2026-11-09', '2027-01-15'), { nil: undefined }),
    answeredAt: fc.option(fc.integer({ min: 2, max: 6 }), { nil: undefined }),
  }),
});

const seconds = (time: string, s: number) => new Date(Date.parse(time) + s * 1000).toISOString();

const widenedStream = (
  scenario: Scenario,
  extension: typeof extensionArb extends fc.Arbitrary<infer E> ? E : never,
) => {
  const widened: Scenario = {
    ...scenario,
    cases: [...scenario.cases.slice(0, 6), fullCase, clockCase],
    quotes: [{ creditor: 0, quoted: [true, true], winner: 0 }, ...scenario.quotes.slice(0, 1)],
    contractSignedAfterStep: [1, scenario.contractSignedAfterStep[1]],
  };
  const stream = buildStream(widened, 'RUN');
  // The random events land on the first seven cases; the clock case gets its own below.
  const caseCount = CLOCK_CASE;
  const extra: RawEvent[] = [];
  const add = (type: string, detail: Record<string, unknown>, time: string) =>
    extra.push(platformEvent(type, detail, time, `RUN-x${extra.length}`));
  for (const update of extension.statusUpdates) {
    const i = update.caseIndex % caseCount;
    add(
      'Case Status Updated',
      {
        caseId: `c-RUN-${i}`,
        statusType: update.statusType,
        ...(update.promised ? { promisedDate: '2026-12-15', expectedDate: '2026-11-12' } : {}),
      },
      seconds(at(i, update.step), 20 + extra.length),
    );
  }
  for (const [k, keep] of extension.keepActive.entries()) {
    const i = keep.caseIndex % caseCount;
    add(
      'Case Survey Submitted',
      { caseId: `c-RUN-${i}`, surveyId: `keep-${k}`, outcome: 'keep_active' },
      seconds(at(i, keep.step), 40),
    );
  }
  // The survey may close a case mid-life; never a quote case, which could pick its winner after that
  // (a closed case picks no partner: docs/events.md, "Known limits"). The last case, fullCase, has no quote.
  const withoutQuote = widened.cases.flatMap((c, i) => (c.quote || i === CLOCK_CASE ? [] : [i]));
  const closing = withoutQuote[extension.closeBySurvey % withoutQuote.length] ?? caseCount - 1;
  add(
    'Case Survey Submitted',
    { caseId: `c-RUN-${closing}`, surveyId: 'close', outcome: 'close' },
    seconds(at(closing, 20), 50),
  );
  // Issue 19's terms event, with nothing agreed: every deadline stays the catalogue's (sla-terms.ts).
  add('SLA Terms Set', { creditorOrgId: 'cr-RUN-1' }, at(95, 0));
  const { clock } = extension;
  const clockCaseId = `c-RUN-${CLOCK_CASE}`;
  const status = (value: string, step: number) =>
    add('Case Status Changed', { caseId: clockCaseId, status: value }, seconds(at(CLOCK_CASE, step), 30));
  status('paused', clock.pausedAt);
  status('active', clock.pausedAt + clock.pausedDays);
  if (clock.pausedAgain) status('paused', clock.pausedAt + clock.pausedDays + 1);
  add(
    'Case Status Updated',
    {
      caseId: clockCaseId,
      statusType: clock.waiting,
      ...(clock.expectedDate === undefined ? {} : { expectedDate: clock.expectedDate }),
    },
    seconds(at(CLOCK_CASE, 1), 45),
  );
  if (clock.answeredAt !== undefined) {
    add(
      'Case Status Updated',
      { caseId: clockCaseId, statusType: 'contact_established' },
      seconds(at(CLOCK_CASE, clock.answeredAt), 45),
    );
  }
  return [...stream, ...extra].sort((a, b) => a.time.localeCompare(b.time));
};

/** The clock case's update_case_status, as the monthly survey job opens it: an hour after the submission. */
const plantUpdateTask = async (h: EventsHarness, name: string) => {
  const createdAt = new Date(Date.parse(at(CLOCK_CASE, 0)) + 3_600_000).toISOString();
  const task = newTask({
    id: `ucs-${name}`,
    type: 'update_case_status',
    party: 'partner',
    orgId: orgsOf(name).partners[clockCase.partner] ?? '',
    scopeKey: scopeKeys.case(`c-${name}-${CLOCK_CASE}`),
    caseId: `c-${name}-${CLOCK_CASE}`,
    createdAt,
    deadline: deadlineAfter(calendar, createdAt, catalogue.update_case_status.businessDays ?? 5),
  });
  await createTask(h.db, task, creationEntry(task, platformActor));
};

/** The case facts that must not depend on delivery (version and the survey schedule are bookkeeping). */
const caseProjection = (states: readonly (CaseState | undefined)[]): string[] =>
  states
    .filter((state): state is CaseState => state !== undefined)
    .map(({ version: _version, nextSurveyAt: _next, ...facts }) => JSON.stringify(facts, Object.keys(facts).sort()))
    .sort();

const caseIdsOf = (stream: readonly RawEvent[]) => [
  ...new Set(stream.map((event) => event.detail.caseId).filter((id): id is string => typeof id === 'string')),
];

const pair = replayHarnesses('rel-replay');

describe('replay over every detail-type', () => {
  it(
    'every event twice, shuffled: the same tasks and case states as in order; duplicates change nothing',
    async () => {
      let run = 0;
      let completedBetweenChanges = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.tuple(scenarioArb, extensionArb, caseDetailsPlanArb).chain(([scenario, extension, plan]) => {
            const stream = withCaseDetails(widenedStream(scenario, extension), plan);
            const twice = [...stream, ...stream];
            return fc.tuple(
              fc.constant(stream),
              fc.shuffledSubarray(twice, { minLength: twice.length, maxLength: twice.length }),
            );
          }),
          async ([stream, shuffledTwice]) => {
            // Prepare: every second run delivers each quote winner after everything else, the others the
            // loser of two same-instant details last.
            const name = `w${run}`;
            const delivery = run++ % 2 === 0 ? winnersLast(shuffledTwice) : tieLoserLast(shuffledTwice);
            expect([...winnerOrders(stream, delivery)]).toEqual(expect.arrayContaining(winnerOrdersPerRun));
            const rename = (event: RawEvent): RawEvent => JSON.parse(JSON.stringify(event).replaceAll('RUN', name));
            expect(new Set(stream.map((event) => event['detail-type']))).toEqual(new Set(platformDetailTypes));
            await Promise.all([plantUpdateTask(pair.inOrder, name), plantUpdateTask(pair.shuffled, name)]);
            // Act
            const logs = { inOrder: detailsLog(), shuffled: detailsLog() };
            for (const event of stream.map(rename)) logs.inOrder.record(event, await pair.inOrder.send(event));
            const seen = new Set<string>();
            for (const event of delivery) {
              const outcome = await pair.shuffled.send(rename(event));
              logs.shuffled.record(rename(event), outcome);
              // Assess: a second delivery of an id changes nothing.
              if (seen.has(event.id)) expect(outcome).toMatchObject({ duplicate: true, effects: [] });
              seen.add(event.id);
            }
            // Assess
            const [expected, actual] = await Promise.all([allTasks(pair.inOrder, name), allTasks(pair.shuffled, name)]);
            expect(expected.length).toBeGreaterThan(10);
            const [want, got] = [projection(expected), projection(actual)];
            expect({
              missing: want.filter((row) => !got.includes(row)),
              extra: got.filter((row) => !want.includes(row)),
            }).toEqual({
              missing: [],
              extra: [],
            });
            expect(openPerScope(actual).every((count) => count === 1)).toBe(true);
            // Assess: the clock case's open tasks did stop their clocks (issue 19), the same in both orders.
            const clocked = expected.filter((task) => task.status === 'open' && task.clockPauses !== undefined);
            expect(clocked.map((task) => task.type)).toEqual(
              expect.arrayContaining(['review_new_case', 'update_case_status']),
            );
            const caseIds = caseIdsOf(stream.map(rename));
            const states = async (h: EventsHarness) =>
              caseProjection(await Promise.all(caseIds.map((id) => getCaseState(h.db, id))));
            expect(await states(pair.shuffled)).toEqual(await states(pair.inOrder));
            // Assess: the newest details (issue 20) on every case, open task's keys and view.
            const covered = await expectNewestDetails(stream.map(rename), {
              inOrder: [pair.inOrder, expected, logs.inOrder],
              shuffled: [pair.shuffled, actual, logs.shuffled],
            });
            if (run % 2 === 0) expect(covered.shuffled.tieLosersLast).toBeGreaterThan(0);
            completedBetweenChanges += covered.shuffled.completedBetweenChanges;
          },
        ),
        { seed: SEED, numRuns: RUNS, endOnFailure: true, includeErrorInReport: true },
      );
      // Assess: shuffled too, some task completed between two details changes of its case.
      expect(completedBetweenChanges).toBeGreaterThan(0);
    },
    // A hang guard, not a speed check (see events-replay.test.ts).
    RUNS * 240_000,
  );
});
