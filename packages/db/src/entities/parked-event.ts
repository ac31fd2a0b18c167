// Parked events: an event that needs a fact not seen yet (the case, its partner, a quote round, a complaint
// or invoice reference) waits here (`parked#{waitKey}` / `{time}#{eventId}`), and is applied when it arrives.
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client.js';
import { ConditionFailedError } from '../errors.js';
import type { ItemKey } from '../item-reads.js';
import { partitionItems } from '../partition-pages.js';
import { ttlAttribute } from '../table-definition.js';
import { type StepWrite, stepTransaction } from './applied-marker.js';
import { caseKey } from './case-state.js';
import { quoteRoundKey } from './quote-round.js';
import { type ReferenceKind, referenceKey } from './reference.js';

/** A parked event not claimed within this time is dropped (its fact never came). */
export const PARKED_TTL_DAYS = 90;

export interface ParkedEvent {
  waitKey: string;
  eventId: string;
  time: string;
  /** The event as parsed (unknown fields dropped); it is validated again when applied. */
  event: Record<string, unknown>;
}

/** The fact a parked event waits for: the write fails if it appeared meanwhile (then apply instead). */
export interface AwaitedFact {
  key: ItemKey;
  /** The attribute whose absence, or null, means "not there yet" (`pk` for a whole item). */
  attribute: string;
}

/**
 * What an event waits for. `waitKey` names it (`case#{id}`, `partner#{caseId}`, `quote#{caseId}`,
 * `complaint#{id}`, `invoice#{id}`): the events parked under it, and the labels of their steps and notes.
 */
export interface WaitingFor {
  readonly waitKey: string;
}

const awaitedFacts = new WeakMap<WaitingFor, AwaitedFact>();

const waiting = (waitKey: string, awaited: AwaitedFact): WaitingFor => {
  const fact = Object.freeze({ waitKey });
  awaitedFacts.set(fact, awaited);
  return fact;
};

/** The facts an event can wait for. */
export const waitFor = {
  /** Case Submitted: the case's creditor is known. */
  caseKnown: (caseId: string) => waiting(`case#${caseId}`, { key: caseKey(caseId), attribute: 'creditorOrgId' }),
  /** The case's partner is known (a quote case learns it from the winner). */
  partnerKnown: (caseId: string) => waiting(`partner#${caseId}`, { key: caseKey(caseId), attribute: 'partnerOrgId' }),
  /** The case's quote round was requested. */
  quoteRound: (caseId: string) => waiting(`quote#${caseId}`, { key: quoteRoundKey(caseId), attribute: 'pk' }),
  /** The complaint or invoice was recorded with its case. */
  reference: (kind: ReferenceKind, id: string) =>
    waiting(`${kind}#${id}`, { key: referenceKey(kind, id), attribute: 'pk' }),
};

const parkedPartition = (waitKey: string) => `parked#${waitKey}`;
const parkedKey = (waitKey: string, time: string, eventId: string) => ({
  pk: parkedPartition(waitKey),
  sk: `${time}#${eventId}`,
});

const toParkedItem = (parked: ParkedEvent, now: Date) => ({
  ...parkedKey(parked.waitKey, parked.time, parked.eventId),
  kind: 'parked-event',
  ...parked,
  [ttlAttribute]: Math.floor(now.getTime() / 1000) + PARKED_TTL_DAYS * 86_400,
});

const fromParkedItem = (item: Record<string, unknown>): ParkedEvent => ({
  waitKey: String(item.waitKey),
  eventId: String(item.eventId),
  time: String(item.time),
  event: (item.event ?? {}) as Record<string, unknown>,
});

/** Parks the event under `parked.waitKey` on condition that the awaited fact is still missing. */
export const parkEvent = async (
  db: Db,
  parked: ParkedEvent,
  awaited: AwaitedFact,
  options: StepWrite = {},
): Promise<void> => {
  const [tx, now] = stepTransaction(db, options);
  await tx
    .put(toParkedItem(parked, now), { expression: 'attribute_not_exists(pk)' })
    .add(
      {
        ConditionCheck: {
          TableName: '',
          Key: awaited.key,
          ConditionExpression: 'attribute_not_exists(#awaited) OR attribute_type(#awaited, :null)',
          ExpressionAttributeNames: { '#awaited': awaited.attribute },
          ExpressionAttributeValues: { ':null': 'NULL' },
        },
      },
      () => new ConditionFailedError(`${awaited.key.pk} arrived while parking`),
    )
    .commit();
};

const awaitedOf = (fact: WaitingFor): AwaitedFact => {
  const awaited = awaitedFacts.get(fact);
  if (!awaited) throw new TypeError(`not a fact from waitFor: ${fact.waitKey}`);
  return awaited;
};

/**
 * Parks the event until `fact` arrives, on condition that it has not arrived meanwhile (the write then
 * fails with ConditionFailedError, and the event applies instead).
 */
export const parkUntil = (
  db: Db,
  fact: WaitingFor,
  event: Omit<ParkedEvent, 'waitKey'>,
  options: StepWrite = {},
): Promise<void> => parkEvent(db, { waitKey: fact.waitKey, ...event }, awaitedOf(fact), options);

/** Events waiting for `waitKey`, oldest `time` first. */
export const listParkedEvents = async (db: Db, waitKey: string): Promise<ParkedEvent[]> =>
  (await partitionItems(db, { pk: parkedPartition(waitKey), consistent: true })).map(fromParkedItem);

/** Events waiting for `fact`, oldest `time` first. */
export const eventsWaitingFor = (db: Db, fact: WaitingFor): Promise<ParkedEvent[]> =>
  listParkedEvents(db, fact.waitKey);

/** The parked event was applied (or dropped): it waits no more. */
export const deleteParkedEvent = async (db: Db, parked: ParkedEvent): Promise<void> => {
  await db.client.send(
    new DeleteCommand({ TableName: db.tableName, Key: parkedKey(parked.waitKey, parked.time, parked.eventId) }),
  );
};
