// Case state: one item per case (`casestate#{id}` / `case`), in the monthly-survey queue while it awaits a
// survey and in its partner's dashboard while active (core's awaitsMonthlySurvey, isActivePartnerCase).
import { awaitsMonthlySurvey, type CaseState, caseStateSchema, isActivePartnerCase } from '@casetasks/core';
import type { Db } from '../client.js';
import { VersionConflictError } from '../errors.js';
import { indexItemsWithStats, type ReadOptions, type ReadStats } from '../index-query.js';
import { readItem } from '../item-reads.js';
import { instantSortKey } from '../keys/instant-key.js';
import { shardOf } from '../keys/shard.js';
import { readStoredItem, readStoredItems } from '../stored-items.js';
import { indexes } from '../table-definition.js';
import type { Transaction } from '../transaction.js';
import { type StepWrite, stepTransaction } from './applied-marker.js';

/** The case's partition: its state (`case`) and its chat messages (`msg#…`, chat-message.ts). */
export const casePartitionKey = (caseId: string) => `casestate#${caseId}`;
export const caseKey = (caseId: string) => ({ pk: casePartitionKey(caseId), sk: 'case' });
export const surveyPartition = (shard: number) => `survey#${shard}`;
const activeCasesPartition = (partnerOrgId: string) => `cases#${partnerOrgId}#active`;

/** Active cases carry the surveyDue and activeCasesByPartner keys; every other status leaves both indexes. */
export const toCaseItem = (state: CaseState) => ({
  ...caseKey(state.caseId),
  kind: 'case',
  ...state,
  ...(awaitsMonthlySurvey(state)
    ? {
        [indexes.surveyDue.partitionKey]: surveyPartition(shardOf(state.caseId)),
        [indexes.surveyDue.sortKey]: instantSortKey(state.nextSurveyAt, state.caseId, 'nextSurveyAt'),
      }
    : {}),
  ...(isActivePartnerCase(state)
    ? {
        [indexes.activeCasesByPartner.partitionKey]: activeCasesPartition(state.partnerOrgId),
        [indexes.activeCasesByPartner.sortKey]: state.caseId,
      }
    : {}),
});

export const fromCaseItem = (item: Record<string, unknown>): CaseState => caseStateSchema.parse(item);

/** The case state, or undefined when there is none or it no longer parses (reported). */
export const getCaseState = async (db: Db, caseId: string): Promise<CaseState | undefined> => {
  const item = await readItem(db, caseKey(caseId), true);
  return item ? readStoredItem(db, item, fromCaseItem) : undefined;
};

/** Writes the next case state iff nobody wrote since `state.version` was read; returns the stored state. */
export const saveCaseState = async (db: Db, state: CaseState, options: StepWrite = {}): Promise<CaseState> => {
  const next = { ...state, version: state.version + 1 };
  const [tx] = stepTransaction(db, options);
  await tx
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

/** The next version of a case state, iff nobody changed the case since it was read. */
export const addCaseChange = (tx: Transaction, before: CaseState, patch: Partial<CaseState>): Transaction =>
  tx.put(
    toCaseItem({ ...before, ...patch, version: before.version + 1 }),
    {
      // A case state written before it had a version counts as version 0.
      expression: before.version === 0 ? 'attribute_not_exists(version) OR version = :expected' : 'version = :expected',
      values: { ':expected': before.version },
    },
    () => new VersionConflictError(`case ${before.caseId}`),
  );

/** The partner org's active cases with their last status update (seed 002 dashboard). */
export const activeCasesOfPartner = async (
  db: Db,
  partnerOrgId: string,
  options: ReadOptions = {},
): Promise<{ cases: CaseState[]; stats: ReadStats }> => {
  const { items, stats } = await indexItemsWithStats(
    db,
    { index: 'activeCasesByPartner', partition: activeCasesPartition(partnerOrgId) },
    options,
  );
  return { cases: readStoredItems(db, items, fromCaseItem), stats };
};
