// Applied markers: written in the same transaction as a change, so a duplicate event, or a second run of a
// periodic job, changes nothing. Events mark `applied#{eventId}` / `{step}`; jobs mark with ids of their own.
import type { OutgoingEvent } from '@casetasks/events';
import type { Db } from '../client.js';
import { DuplicateEventError } from '../errors.js';
import { readItem } from '../item-reads.js';
import { ttlAttribute } from '../table-definition.js';
import { Transaction } from '../transaction.js';
import { addOutbox } from './outbox-entry.js';

export const APPLIED_TTL_DAYS = 30;

export interface AppliedMarker {
  eventId: string;
  /** Which write of the event this is: one event may make several independent writes. */
  step: string;
}

const appliedKey = (marker: AppliedMarker) => ({ pk: `applied#${marker.eventId}`, sk: marker.step });

const toAppliedItem = (marker: AppliedMarker, now: Date) => ({
  ...appliedKey(marker),
  kind: 'applied',
  appliedAt: now.toISOString(),
  [ttlAttribute]: Math.floor(now.getTime() / 1000) + APPLIED_TTL_DAYS * 86_400,
});

/** One survey per case and month: `applied#monthly-survey#{caseId}#{YYYY-MM}` / `create`. */
export const surveyMarker = (caseId: string, month: string): AppliedMarker => ({
  eventId: `monthly-survey#${caseId}#${month}`,
  step: 'create',
});

/** One digest per recipient and local day: `applied#digest#{party}#{org}#{assignee or -}` / `{YYYY-MM-DD}`. */
export const digestMarker = (recipientId: string, day: string): AppliedMarker => ({
  eventId: `digest#${recipientId}`,
  step: day,
});

/** One event per paused-case follow-up task and stage: `applied#paused-follow-up#{taskId}` / `{stage}`. */
export const followUpMarker = (taskId: string, stage: string): AppliedMarker => ({
  eventId: `paused-follow-up#${taskId}`,
  step: stage,
});

/** The event step has not been applied before (exactly once per event and step). */
export const addMarker = (tx: Transaction, marker: AppliedMarker, now: Date): Transaction =>
  tx.put(
    toAppliedItem(marker, now),
    { expression: 'attribute_not_exists(pk)' },
    () => new DuplicateEventError(marker.eventId),
  );

/** A write made as one step of an event: its marker commits with it; `now` dates the marker (and TTLs). */
export interface StepWrite {
  marker?: AppliedMarker;
  now?: Date;
}

/** Starts a transaction that carries the event step's marker, when there is one. */
export const markedTransaction = (db: Db, marker: AppliedMarker | undefined, now: Date): Transaction => {
  const tx = new Transaction(db);
  if (marker) addMarker(tx, marker, now);
  return tx;
};

/** The marked transaction of one step write (its clock: `now`, else the wall clock). */
export const stepTransaction = (db: Db, options: StepWrite): [Transaction, Date] => {
  const now = options.now ?? new Date();
  return [markedTransaction(db, options.marker, now), now];
};

export const wasApplied = async (db: Db, marker: AppliedMarker): Promise<boolean> =>
  (await readItem(db, appliedKey(marker), true)) !== undefined;

/** Marker-guarded emit without a task change: digests and the paused-case workflow steps. */
export const emitOnce = async (db: Db, marker: AppliedMarker, events: readonly OutgoingEvent[], now: Date) => {
  const tx = new Transaction(db);
  addMarker(tx, marker, now);
  addOutbox(tx, events, now);
  await tx.commit();
};
