// Case details in the replay tests (issue 20): details carried by a share of the case events and by several
// `Case Details Changed` per case (some at the same time: the event id decides), what the replay must end
// with (the newest details on the case, its open tasks' copies and index keys, and every task's view), and the situations a
// run covered.

import { isDeepStrictEqual } from 'node:util';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { PlatformEventOutcome } from '@casetasks/app/events';
import { resetClients, resetConfig } from '@casetasks/app/runtime';
import { taskViews } from '@casetasks/app/tasks';
import { type CaseDetails, caseDetailsStamp, type Task } from '@casetasks/core';
import { getCaseDetails } from '@casetasks/db';
import { storedItems } from '@casetasks/db/testing';
import fc from 'fast-check';
import { expect } from 'vitest';
import { type EventsHarness, platformEvent, type RawEvent } from './events-helpers.js';
import { at } from './replay-model.js';

/** The detail-types that may carry a case's details (packages/events, `caseFacts`). */
const CARRIERS: ReadonlySet<string> = new Set([
  'Case Submitted',
  'Case Verified',
  'Case Status Changed',
  'Chat Message Sent',
  'Quote Requested',
  'Complaint Filed',
  'Bank Account Assigned',
  'Case Solved',
  'Commission Invoice Sent',
  'Commission Invoice Overdue',
  'Partner Reviewed',
  'Case Status Updated',
]);
const CHANGED = 'Case Details Changed';

/**
 * Where the details go: a share of the carrier events (every case's submission among them, so its first
 * tasks are keyed), changes spread over the cases' lives, one pair of changes at the same instant, and one
 * change before a case is submitted.
 */
export const caseDetailsPlanArb = fc.record({
  salt: fc.nat(),
  changes: fc.array(
    fc.record({ caseIndex: fc.nat({ max: 7 }), step: fc.integer({ min: 1, max: 12 }), variant: fc.nat({ max: 3 }) }),
    { minLength: 5, maxLength: 8 },
  ),
  tie: fc.nat({ max: 7 }),
  early: fc.nat({ max: 7 }),
});
export type CaseDetailsPlan = typeof caseDetailsPlanArb extends fc.Arbitrary<infer P> ? P : never;

/** Distinct details per event (`n`), in four shapes: full, debtor only, reference and amount, none known. */
const detailsOf = (caseId: string, variant: number, n: number): CaseDetails =>
  [
    {
      reference: `INV-${caseId}-${n}`,
      debtorName: `Jørgensen-Müller ${n}`,
      currency: 'EUR',
      outstandingAmount: 125_000 + n,
      overdueAmount: 5_000 + n,
      invoiceCount: 1 + (n % 5),
    },
    { debtorName: `Åse Ærø ${n}`, invoiceCount: n % 3 },
    { reference: `ref ${caseId} ${n}`, currency: 'NOK', outstandingAmount: n * 1_000 },
    {},
  ][variant % 4] ?? {};

const seconds = (time: string, s: number) => new Date(Date.parse(time) + s * 1000).toISOString();
const hash = (n: number, salt: number) => (Math.imul(n + 1, 2_654_435_761) ^ salt) >>> 0;
const caseIdOf = (event: RawEvent) => (typeof event.detail.caseId === 'string' ? event.detail.caseId : undefined);

/** The smaller id of the same-instant pair: never the case's details, whenever it is delivered. */
const TIE_LOSER = 'RUN-dta';

/** The delivery with the same-instant loser's copies last: the id must decide, not the order. */
export const tieLoserLast = (delivery: readonly RawEvent[]): RawEvent[] => [
  ...delivery.filter((event) => event.id !== TIE_LOSER),
  ...delivery.filter((event) => event.id === TIE_LOSER),
];

/** The stream with details added (ids `RUN-d…`), sorted by time; an equal time keeps insertion order. */
export const withCaseDetails = (stream: readonly RawEvent[], plan: CaseDetailsPlan): RawEvent[] => {
  let n = 0;
  const carried = stream.map((event, index) => {
    const caseId = caseIdOf(event);
    if (!caseId || !CARRIERS.has(event['detail-type'])) return event;
    const h = hash(index, plan.salt);
    if (event['detail-type'] !== 'Case Submitted' && h % 5 !== 0) return event;
    return { ...event, detail: { ...event.detail, caseDetails: detailsOf(caseId, h >>> 3, n++) } };
  });
  const cases = [...new Set(stream.flatMap((event) => caseIdOf(event) ?? []))].filter((id) => id.startsWith('c-'));
  const indexOf = (caseIndex: number) => caseIndex % cases.length;
  const changes: RawEvent[] = [];
  const change = (caseIndex: number, time: string, variant: number, id: string) =>
    changes.push(
      platformEvent(
        CHANGED,
        { caseId: `c-RUN-${caseIndex}`, caseDetails: detailsOf(`c-RUN-${caseIndex}`, variant, n++) },
        time,
        id,
      ),
    );
  plan.changes.forEach(({ caseIndex, step, variant }, k) => {
    change(indexOf(caseIndex), seconds(at(indexOf(caseIndex), step), 5 + k), variant, `RUN-d${k}`);
  });
  // The same instant twice, after the case's every other event: the id decides which details the case ends
  // with (`…-dtb` > `…-dta`), and in order the loser comes second.
  const tie = indexOf(plan.tie);
  const tieTime = seconds(at(tie, 25), 17);
  change(tie, tieTime, 0, 'RUN-dtb');
  change(tie, tieTime, 1, TIE_LOSER);
  // Before the case exists: its submission (a newer carrier) replaces these.
  change(indexOf(plan.early), seconds(at(indexOf(plan.early), 0), -30), 2, 'RUN-de');
  return [...carried, ...changes].sort((a, b) => a.time.localeCompare(b.time));
};

export interface NewestDetails {
  details: CaseDetails;
  stamp: string;
  time: string;
  id: string;
  /**
   * Stamps an open task's copy may carry: every event's of the case with the same details (a change that
   * repeats the details an open task has leaves its copy, stamp included, as it is).
   */
  sameStamps: Set<string>;
}

/** Per case, the details of the event with the greatest stamp (time, then id): what every order must end with. */
export const newestDetails = (stream: readonly RawEvent[]): Map<string, NewestDetails> => {
  const newest = new Map<string, NewestDetails>();
  for (const event of stream) {
    const caseId = caseIdOf(event);
    const details = event.detail.caseDetails as CaseDetails | undefined;
    if (!caseId || !details) continue;
    const stamp = caseDetailsStamp(event.time, event.id);
    if ((newest.get(caseId)?.stamp ?? '') < stamp)
      newest.set(caseId, { details, stamp, time: event.time, id: event.id, sameStamps: new Set() });
  }
  for (const event of stream) {
    const want = newest.get(caseIdOf(event) ?? '');
    if (want && isDeepStrictEqual(event.detail.caseDetails, want.details))
      want.sameStamps.add(caseDetailsStamp(event.time, event.id));
  }
  return newest;
};

/** What one delivery did with details: when each case's details came, when they re-keyed open tasks, tasks created. */
export const detailsLog = () => {
  let index = 0;
  const detailsAt = new Map<string, number[]>();
  const rekeyedAt = new Map<string, number[]>();
  const firstDelivery = new Map<string, number>();
  const createdAt = new Map<string, number>();
  let refused = 0;
  const push = (map: Map<string, number[]>, key: string) => map.set(key, [...(map.get(key) ?? []), index]);
  return {
    record(event: RawEvent, outcome: PlatformEventOutcome) {
      index++;
      if (!firstDelivery.has(event.id)) firstDelivery.set(event.id, index);
      const caseId = caseIdOf(event);
      // applyCaseDetails runs before the event's rules: its effect, if any, comes first.
      const [own] = outcome.effects;
      if (caseId && event.detail.caseDetails && own?.note?.startsWith('case details as of')) {
        push(detailsAt, caseId);
        if (own.action === 'ignored') refused++;
        if (Number(/; (\d+) open task/.exec(own.note)?.[1] ?? 0) > 0) push(rekeyedAt, caseId);
      }
      for (const effect of outcome.effects) {
        if (effect.action === 'created' && effect.taskId && !createdAt.has(effect.taskId))
          createdAt.set(effect.taskId, index);
      }
    },
    /** The situations the run covered (counts), given its tasks and stream. */
    situations(tasks: readonly Task[], stream: readonly RawEvent[], newest: Map<string, NewestDetails>) {
      // A task created after its case had details, whose keys a later change then rewrote.
      const keyedThenRekeyed = tasks.filter((task) => {
        const created = createdAt.get(task.id);
        if (!task.caseId || created === undefined) return false;
        return (
          (detailsAt.get(task.caseId) ?? []).some((i) => i < created) &&
          (rekeyedAt.get(task.caseId) ?? []).some((i) => i > created)
        );
      }).length;
      // A task that completed with a copy of its case's details, and newer details came after.
      const completedBetweenChanges = tasks.filter(
        (task) =>
          task.status === 'completed' &&
          task.caseId &&
          task.caseDetailsStamp !== undefined &&
          task.caseDetailsStamp < (newest.get(task.caseId)?.stamp ?? ''),
      ).length;
      // Two details of a case at the same instant, the one with the smaller id delivered after the winner.
      const tieLosersLast = [...newest].filter(([caseId, winner]) =>
        stream.some(
          (event) =>
            caseIdOf(event) === caseId &&
            event.detail.caseDetails !== undefined &&
            event.time === winner.time &&
            event.id < winner.id &&
            (firstDelivery.get(event.id) ?? 0) > (firstDelivery.get(winner.id) ?? 0),
        ),
      ).length;
      return { keyedThenRekeyed, completedBetweenChanges, tieLosersLast, olderRefused: refused };
    },
  };
};

const indexKey = /^g\d+(pk|sk)$/;
const indexKeysOf = (item: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(item)
      .filter(([name, value]) => indexKey.test(name) && value !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

/** The task views of one harness's table (taskViews reads through the runtime's client, set by TABLE_NAME). */
const viewsOn = async (h: EventsHarness, tasks: readonly Task[]) => {
  const previous = process.env.TABLE_NAME;
  process.env.TABLE_NAME = h.table.tableName;
  resetConfig();
  resetClients();
  try {
    return await taskViews(tasks);
  } finally {
    process.env.TABLE_NAME = previous;
    resetConfig();
    resetClients();
  }
};

/**
 * Every way the harness's state differs from the newest details: each case's stored details, each open
 * task's copy and its stamp (and the index keys a fresh write of it would carry), each task's view. Empty when it agrees.
 */
export const caseDetailsDifferences = async (
  h: EventsHarness,
  tasks: readonly Task[],
  newest: Map<string, NewestDetails>,
): Promise<string[]> => {
  const differences: string[] = [];
  const differ = (what: string, got: unknown, want: unknown) => {
    if (!isDeepStrictEqual(got, want))
      differences.push(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  };
  for (const [caseId, want] of newest) {
    const stored = await getCaseDetails(h.db, caseId, true);
    differ(`details of ${caseId}`, stored && { details: stored.details, stamp: stored.stamp }, {
      details: want.details,
      stamp: want.stamp,
    });
  }
  for (const task of tasks.filter((candidate) => candidate.status === 'open' && candidate.caseId)) {
    const want = newest.get(task.caseId ?? '');
    differ(`details copy of ${task.type} ${task.id}`, task.caseDetails, want?.details);
    const stampKnown = want ? want.sameStamps.has(task.caseDetailsStamp ?? '') : task.caseDetailsStamp === undefined;
    if (!stampKnown) differences.push(`details stamp of ${task.id}: got ${task.caseDetailsStamp}, want ${want?.stamp}`);
    // The keys a details change set in place are those a fresh write of the task would carry.
    const fresh = storedItems.task(task);
    const item = await h.db.client.send(
      new GetCommand({ TableName: h.db.tableName, Key: { pk: fresh.pk, sk: fresh.sk }, ConsistentRead: true }),
    );
    differ(`index keys of ${task.id}`, indexKeysOf(item.Item ?? {}), indexKeysOf(fresh));
  }
  const views = await viewsOn(h, tasks);
  views.forEach((view, i) => {
    const caseId = tasks[i]?.caseId;
    if (caseId) differ(`view of ${view.id}`, view.caseDetails, newest.get(caseId)?.details);
  });
  return differences;
};

export type DetailsLog = ReturnType<typeof detailsLog>;

/**
 * Assess: both orders end with the newest details everywhere, and each covered the situations that make
 * that worth checking (in order by construction; shuffled as the delivery happened to fall). Returns the counts.
 */
export const expectNewestDetails = async (
  stream: readonly RawEvent[],
  runs: {
    inOrder: [EventsHarness, readonly Task[], DetailsLog];
    shuffled: [EventsHarness, readonly Task[], DetailsLog];
  },
) => {
  const newest = newestDetails(stream);
  const counts = { inOrder: {}, shuffled: {} } as Record<keyof typeof runs, ReturnType<DetailsLog['situations']>>;
  for (const order of ['inOrder', 'shuffled'] as const) {
    const [h, tasks, log] = runs[order];
    const differences = await caseDetailsDifferences(h, tasks, newest);
    expect({ order, differences }).toEqual({ order, differences: [] });
    counts[order] = log.situations(tasks, stream, newest);
  }
  expect(newest.size).toBeGreaterThan(5);
  const { inOrder, shuffled } = counts;
  expect(inOrder.keyedThenRekeyed).toBeGreaterThan(0);
  expect(inOrder.completedBetweenChanges).toBeGreaterThan(0);
  expect(inOrder.tieLosersLast).toBeGreaterThan(0);
  expect(inOrder.olderRefused).toBeGreaterThan(0);
  expect(shuffled.keyedThenRekeyed).toBeGreaterThan(0);
  expect(shuffled.olderRefused).toBeGreaterThan(0);
  return counts;
};
