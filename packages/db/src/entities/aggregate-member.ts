// Membership of per-creditor aggregate tasks (assign_bank_account, sign_contract): one item per covered
// case (`agg#{type}#{org}` / `case#{caseId}`), read whole when the aggregate task is created or closed.
import type { TaskType } from '@casetasks/core';
import type { Db } from '../client.js';
import { ConditionFailedError } from '../errors.js';
import { partitionItems } from '../partition-pages.js';
import { type StepWrite, stepTransaction } from './applied-marker.js';

export interface AggregateMember {
  caseId: string;
  addedAt: string;
}

const aggregatePartition = (type: TaskType, orgId: string) => `agg#${type}#${orgId}`;
const aggregateMemberKey = (type: TaskType, orgId: string, caseId: string) => ({
  pk: aggregatePartition(type, orgId),
  sk: `case#${caseId}`,
});

const toAggregateMemberItem = (type: TaskType, orgId: string, caseId: string, addedAt: string) => ({
  ...aggregateMemberKey(type, orgId, caseId),
  kind: 'aggregate-member',
  type,
  orgId,
  caseId,
  addedAt,
});

export const listAggregateMembers = async (db: Db, type: TaskType, orgId: string): Promise<AggregateMember[]> =>
  (await partitionItems(db, { pk: aggregatePartition(type, orgId), consistent: true })).map((item) => ({
    caseId: String(item.caseId),
    addedAt: String(item.addedAt),
  }));

export const addAggregateMember = async (
  db: Db,
  type: TaskType,
  orgId: string,
  member: AggregateMember,
  options: StepWrite = {},
): Promise<void> => {
  const [tx] = stepTransaction(db, options);
  await tx
    .put(toAggregateMemberItem(type, orgId, member.caseId, member.addedAt), {
      expression: 'attribute_not_exists(pk)',
    })
    .commit();
};

export const removeAggregateMember = async (
  db: Db,
  type: TaskType,
  orgId: string,
  caseId: string,
  options: StepWrite = {},
): Promise<void> => {
  const key = aggregateMemberKey(type, orgId, caseId);
  const [tx] = stepTransaction(db, options);
  await tx
    .add(
      { Delete: { TableName: '', Key: key, ConditionExpression: 'attribute_exists(pk)' } },
      () => new ConditionFailedError(key.pk),
    )
    .commit();
};
