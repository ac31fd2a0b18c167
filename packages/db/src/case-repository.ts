// Case state and chat messages as event handlers write them (reads of the case state: getCaseState).
import type { CaseState } from '@casetasks/core';
import type { Db } from './client.js';
import { VersionConflictError } from './errors.js';
import type { AppliedMarker } from './items/applied-item.js';
import {
  caseKey,
  fromMessageItem,
  messagePrefix,
  type StoredMessage,
  toCaseItem,
  toMessageItem,
} from './items/case-item.js';
import { partitionPages } from './partition-pages.js';
import { addMarker } from './task-repository.js';
import { Transaction } from './transaction.js';

/** Starts a transaction that carries the event step's marker, when there is one. */
export const markedTransaction = (db: Db, marker: AppliedMarker | undefined, now: Date): Transaction => {
  const tx = new Transaction(db);
  if (marker) addMarker(tx, marker, now);
  return tx;
};

/** Writes the next case state iff nobody wrote since `state.version` was read; returns the stored state. */
export const saveCaseState = async (
  db: Db,
  state: CaseState,
  options: { marker?: AppliedMarker; now?: Date } = {},
): Promise<CaseState> => {
  const now = options.now ?? new Date();
  const next = { ...state, version: state.version + 1 };
  await markedTransaction(db, options.marker, now)
    .put(
      toCaseItem(next),
      state.version === 0
        ? { expression: 'attribute_not_exists(pk)' }
        : { expression: 'version = :expected', values: { ':expected': state.version } },
      () => new VersionConflictError(`case ${state.caseId}`),
    )
    .commit();
  return next;
};

/** Stores one chat message once (the nightly cleanup reads the conversation from these). */
export const putMessage = async (
  db: Db,
  message: StoredMessage,
  options: { marker?: AppliedMarker; now?: Date } = {},
): Promise<void> => {
  const now = options.now ?? new Date();
  await markedTransaction(db, options.marker, now)
    .put(toMessageItem(message), { expression: 'attribute_not_exists(pk)' })
    .commit();
};

/**
 * The conversation's tail, newest first: pages back until a message of each party has been seen (or
 * `maxMessages`), which is all that decides the open chat tasks.
 */
export const conversationTail = async (db: Db, caseId: string, maxMessages = 500): Promise<StoredMessage[]> => {
  const messages: StoredMessage[] = [];
  const pages = partitionPages(db, {
    pk: caseKey(caseId).pk,
    prefix: messagePrefix,
    descending: true,
    consistent: true,
    pageSize: 50,
  });
  for await (const page of pages) {
    messages.push(...page.map(fromMessageItem));
    const parties = new Set(messages.map((message) => message.senderParty));
    if (parties.size === 2 || messages.length >= maxMessages) break;
  }
  return messages;
};
