// Platform event benchmarks: WCU per event type vs the minimal writes, and throughput of a realistic mix.

import { type PlatformEventOutcome, processPlatformEvent } from '@casetasks/app/events';
import { setWorkflowStarter, tasksDb } from '@casetasks/app/runtime';
import { mapBounded } from '@casetasks/core';
import { type Db, getTask, itemSize } from '@casetasks/db';
import { storedItems } from '@casetasks/db/testing';
import type { PlatformDetailType } from '@casetasks/events';
import { ulid } from 'ulid';
import { attachCapacityMeter } from './support/capacity-meter.js';
import { check } from './support/checks.js';
import { attachIndexMeter } from './support/index-meter.js';

interface RawEvent {
  id: string;
  source: string;
  'detail-type': PlatformDetailType;
  time: string;
  detail: Record<string, unknown>;
  /** Which variant of the type this is (e.g. the survey outcome); part of the per-type row name. */
  label: string;
}

const HOUR = 3_600_000;

/**
 * Items other than tasks an event must store because it carries a fact (case state, message, quote round,
 * reference). Markers, history, outbox, scope guards, aggregate memberships and closure memory are the
 * service's exactly-once / any-order / audit machinery and are NOT counted as minimal.
 */
const factItems: Record<PlatformDetailType, number> = {
  'Case Details Changed': 1,
  'Case Submitted': 1,
  'Case Verified': 0,
  'Case Status Changed': 1,
  'Chat Message Sent': 1,
  'Case Survey Submitted': 0,
  'Quote Requested': 1,
  'Quote Submitted': 1,
  'Quote Winner Selected': 1,
  'Complaint Filed': 1,
  'Complaint Responded': 0,
  'Contract Signed': 0,
  'Bank Account Assigned': 1,
  'Case Solved': 1,
  'Commission Invoice Sent': 0,
  'Commission Invoice Overdue': 1,
  'Commission Collection Started': 0,
  'Partner Reviewed': 0,
  'Case Status Updated': 1,
  // The version item; its head (the latest version number) is the optimistic lock, like a task's version.
  'SLA Terms Set': 1,
};

interface CaseRefs {
  caseId: string;
  creditorOrgId: string;
  partnerOrgId: string;
  otherPartnerOrgId: string;
}

/**
 * One case's life as the platform publishes it, an hour apart: every incoming detail-type at least once.
 * `chats` extra message pairs and a pause (then back to active) make the mix realistic.
 */
type Step = [detailType: PlatformDetailType, detail: Record<string, unknown>, label?: string];

const caseLifecycle = (refs: CaseRefs, start: number, options: { chats: number; pause: boolean }): RawEvent[] => {
  const { caseId, creditorOrgId, partnerOrgId, otherPartnerOrgId } = refs;
  const chat = (i: number, senderParty: 'creditor' | 'partner', text: string, label: string): Step => [
    'Chat Message Sent',
    { caseId, messageId: `m-${i}-${senderParty}`, senderParty, senderUserId: `u-${senderParty}`, text },
    label,
  ];
  const survey: Step[] = options.pause
    ? [
        [
          'Case Survey Submitted',
          { caseId, surveyId: `s-${caseId}`, outcome: 'pause', unblockingParty: 'partner' },
          'pause',
        ],
        ['Case Status Changed', { caseId, status: 'active' }, 'leaves paused'],
      ]
    : [['Case Survey Submitted', { caseId, surveyId: `s-${caseId}`, outcome: 'keep_active' }, 'keep_active']];
  const steps: Step[] = [
    // The creditor's SLA terms (issue 19) in force for everything that follows: each create reads them.
    ['SLA Terms Set', { creditorOrgId, taskDeadlines: { review_new_case: 4 }, updateIntervals: {} }],
    [
      'Case Submitted',
      { caseId, creditorOrgId, partnerOrgId, hasBankAccount: false, contractSigned: false, requiresQuote: false },
    ],
    ['Case Verified', { caseId }],
    ['Case Status Changed', { caseId, status: 'active' }, 'active'],
    ...Array.from({ length: options.chats }, (_, i) => [
      chat(i, 'creditor', 'Any news on the debtor?', 'creditor asks'),
      chat(i, 'partner', 'Letter sent today.', 'partner replies'),
    ]).flat(),
    ['Case Status Updated', { caseId, statusType: 'letter_sent' }],
    ...survey,
    ['Quote Requested', { caseId, creditorOrgId, partnerOrgIds: [partnerOrgId, otherPartnerOrgId] }],
    ['Quote Submitted', { caseId, partnerOrgId }],
    ['Quote Winner Selected', { caseId, partnerOrgId }],
    ['Complaint Filed', { complaintId: `cp-${caseId}`, caseId, partnerOrgId }],
    ['Complaint Responded', { complaintId: `cp-${caseId}` }],
    ['Bank Account Assigned', { caseId }],
    ['Contract Signed', { creditorOrgId }],
    ['Case Solved', { caseId, paymentReceivedBy: 'client' }],
    ['Commission Invoice Sent', { caseId }],
    ['Commission Invoice Overdue', { caseId, invoiceId: `inv-${caseId}` }],
    ['Commission Collection Started', { invoiceId: `inv-${caseId}` }],
    ['Partner Reviewed', { caseId }],
    ['Case Status Changed', { caseId, status: 'closed' }, 'closed'],
  ];
  return steps.map(([detailType, detail, label], i) => ({
    id: ulid(),
    source: 'platform',
    'detail-type': detailType,
    time: new Date(start + i * HOUR).toISOString(),
    detail,
    label: label ? `${detailType} (${label})` : detailType,
  }));
};

const refsOf = (i: number, orgs: { creditors: number; partners: number }): CaseRefs => ({
  caseId: `bc-${i}-${ulid().slice(-6).toLowerCase()}`,
  creditorOrgId: `c-org-${i % orgs.creditors}`,
  partnerOrgId: `p-org-${i % orgs.partners}`,
  otherPartnerOrgId: `p-org-${(i + 1) % orgs.partners}`,
});

/** Paused-case follow-ups would start Step Functions: the bench only counts them. */
const countingWorkflow = () => {
  const counts = { started: 0, stopped: 0 };
  setWorkflowStarter({
    startPausedCaseFollowUp: async () => {
      counts.started += 1;
    },
    stopPausedCaseFollowUp: async () => {
      counts.stopped += 1;
    },
  });
  return counts;
};

const taskEffects = new Set(['created', 'updated', 'closed', 'cancelled']);

/** Minimal WCU of an outcome: each task it changed written once (1 KB units) plus the facts it must store. */
const minimalWcu = async (db: Db, event: RawEvent, outcome: PlatformEventOutcome): Promise<number> => {
  let units = factItems[event['detail-type']];
  for (const effect of outcome.effects) {
    if (!taskEffects.has(effect.action) || !effect.taskId) continue;
    const task = await getTask(db, effect.taskId, true);
    units += task ? Math.ceil(itemSize(storedItems.task(task)) / 1024) : 1;
  }
  return units;
};

export interface EventTypeRow {
  event: string;
  samples: number;
  wcu: number;
  /** Of `wcu`: what the secondary indexes consumed. */
  indexWcu: number;
  minimalWcu: number;
  /** wcu / minimalWcu; null when the event must change nothing (minimal 0). */
  ratio: number | null;
  /** (wcu - indexWcu) / minimalWcu: the overhead without index fan-out. */
  tableRatio: number | null;
  rcu: number;
  requests: number;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** Runs `cases` lifecycles one event at a time with the meter on `tasksDb()`; averages per event variant. */
export const wcuPerEventType = async (cases: number): Promise<EventTypeRow[]> => {
  countingWorkflow();
  const meter = attachCapacityMeter(tasksDb().client);
  const split = attachIndexMeter(tasksDb().client);
  const rows = new Map<
    string,
    { samples: number; wcu: number; indexWcu: number; minimal: number; rcu: number; requests: number }
  >();
  const start = Date.parse('2026-11-02T08:00:00.000Z');
  for (let i = 0; i < cases; i++) {
    // Each case its own organisations: aggregates start empty, as for a creditor's first case.
    const events = caseLifecycle(refsOf(i, { creditors: cases, partners: cases + 1 }), start, {
      chats: 1,
      pause: i % 2 === 1,
    });
    for (const { label, ...event } of events) {
      meter.reset();
      split.reset();
      const outcome = await processPlatformEvent(event);
      const used = meter.snapshot();
      check(!outcome.duplicate, `WCU per type: ${label} of case ${i} applied as a new event`);
      const indexWcu = split.snapshot().indexes;
      const minimal = await minimalWcu(tasksDb(), { ...event, label }, outcome);
      const row = rows.get(label) ?? { samples: 0, wcu: 0, indexWcu: 0, minimal: 0, rcu: 0, requests: 0 };
      row.samples += 1;
      row.wcu += used.write;
      row.indexWcu += indexWcu;
      row.minimal += minimal;
      row.rcu += used.read;
      row.requests += used.calls;
      rows.set(label, row);
    }
  }
  setWorkflowStarter(undefined);
  const measured = new Set([...rows.keys()].map((label) => label.replace(/ \(.*\)$/, '')));
  const missing = Object.keys(factItems).filter((type) => type !== 'Case Details Changed' && !measured.has(type));
  check(missing.length === 0, `WCU per type: every incoming detail-type measured (missing: ${missing.join(', ')})`);
  return [...rows].map(([event, row]) => ({
    event,
    samples: row.samples,
    wcu: round(row.wcu / row.samples),
    indexWcu: round(row.indexWcu / row.samples),
    minimalWcu: round(row.minimal / row.samples),
    ratio: row.minimal > 0 ? round(row.wcu / row.minimal) : null,
    tableRatio: row.minimal > 0 ? round((row.wcu - row.indexWcu) / row.minimal) : null,
    rcu: round(row.rcu / row.samples),
    requests: round(row.requests / row.samples),
  }));
};

export interface ThroughputResult {
  events: number;
  cases: number;
  duplicates: number;
  /** Redeliveries in the mix: each must be reported duplicate with no effects. */
  redeliveries: number;
  concurrency: number;
  seconds: number;
  eventsPerSecond: number;
  wcuPerEvent: number;
  indexWcuPerEvent: number;
  /** Of `indexWcuPerEvent`: per index name (issue 20 reads its four new indexes' share from here). */
  indexWcuPerEventBy: Record<string, number>;
  rcuPerEvent: number;
  requestsPerEvent: number;
  workflowsStarted: number;
  mix: Record<string, number>;
}

/**
 * About `target` events over many cases and organisations: each case's events in time order (one redelivered),
 * `concurrency` cases at a time, as parallel Lambda invocations would interleave them.
 */
export const eventThroughput = async (target: number, concurrency: number): Promise<ThroughputResult> => {
  const workflow = countingWorkflow();
  const meter = attachCapacityMeter(tasksDb().client);
  const split = attachIndexMeter(tasksDb().client);
  const start = Date.parse('2026-11-02T08:00:00.000Z');
  const streams: RawEvent[][] = [];
  const redeliveredIds = new Set<string>();
  let total = 0;
  for (let i = 0; total < target; i++) {
    const events = caseLifecycle(refsOf(i, { creditors: 40, partners: 25 }), start + (i % 500) * 60_000, {
      chats: 2 + (i % 4),
      pause: i % 5 === 0,
    });
    // At-least-once delivery: the verification is delivered twice.
    const redelivered = events[1];
    if (redelivered) events.splice(3, 0, { ...redelivered });
    const stream = events.slice(0, target - total);
    if (redelivered && stream.length > 3) redeliveredIds.add(redelivered.id);
    streams.push(stream);
    total += stream.length;
  }
  const mix: Record<string, number> = {};
  for (const event of streams.flat()) mix[event['detail-type']] = (mix[event['detail-type']] ?? 0) + 1;
  meter.reset();
  split.reset();
  let duplicates = 0;
  const seen = new Set<string>();
  const wrongDuplicates: string[] = [];
  const started = performance.now();
  await mapBounded(streams, concurrency, async (stream) => {
    for (const { label: _label, ...event } of stream) {
      const outcome = await processPlatformEvent(event);
      // A redelivery (an id seen before) must be reported duplicate with no effects; a first delivery never.
      if (outcome.duplicate !== seen.has(event.id) || (outcome.duplicate && outcome.effects.length > 0)) {
        wrongDuplicates.push(`${event['detail-type']} ${event.id}`);
      }
      seen.add(event.id);
      if (outcome.duplicate) duplicates += 1;
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const used = meter.snapshot();
  const indexSplit = split.snapshot();
  check(
    wrongDuplicates.length === 0 && duplicates === redeliveredIds.size,
    `throughput: each of the ${redeliveredIds.size} redeliveries reported duplicate with no effects, no first ` +
      `delivery reported duplicate (duplicates ${duplicates}, wrong: ${wrongDuplicates.slice(0, 3).join('; ')})`,
  );
  const paused = streams.flat().filter((event) => event.label === 'Case Survey Submitted (pause)').length;
  check(
    workflow.started === paused,
    `throughput: one paused-case workflow per pause survey (${workflow.started} for ${paused})`,
  );
  // Redelivered again after the run, one by one with the meter on: a duplicate writes nothing.
  const again = streams.flatMap((stream) => stream.slice(1, 2)).slice(0, 50);
  meter.reset();
  for (const { label: _label, ...event } of again) {
    const outcome = await processPlatformEvent(event);
    check(
      outcome.duplicate && outcome.effects.length === 0,
      `throughput: ${event.id} redelivered after the run is a duplicate`,
    );
  }
  check(
    meter.snapshot().write === 0,
    `throughput: ${again.length} redeliveries after the run wrote nothing (${meter.snapshot().write} WCU)`,
  );
  setWorkflowStarter(undefined);
  return {
    events: total,
    cases: streams.length,
    duplicates,
    redeliveries: redeliveredIds.size,
    concurrency,
    seconds: round(seconds),
    eventsPerSecond: round(total / seconds, 1),
    wcuPerEvent: round(used.write / total),
    indexWcuPerEvent: round(indexSplit.indexes / total),
    indexWcuPerEventBy: Object.fromEntries(
      Object.entries(indexSplit.byIndex).map(([name, units]) => [name, round(units / total)]),
    ),
    rcuPerEvent: round(used.read / total),
    requestsPerEvent: round(used.calls / total),
    workflowsStarted: workflow.started,
    mix,
  };
};
