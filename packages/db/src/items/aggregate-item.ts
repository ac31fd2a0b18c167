// Membership of per-creditor aggregate tasks (assign_bank_account, sign_contract): one item per covered case.
import type { TaskType } from '@casetasks/core';

export const aggregatePartition = (type: TaskType, orgId: string) => `agg#${type}#${orgId}`;
export const aggregateMemberKey = (type: TaskType, orgId: string, caseId: string) => ({
  pk: aggregatePartition(type, orgId),
  sk: `case#${caseId}`,
});

export const toAggregateMemberItem = (type: TaskType, orgId: string, caseId: string, addedAt: string) => ({
  ...aggregateMemberKey(type, orgId, caseId),
  kind: 'aggregate-member',
  type,
  orgId,
  caseId,
  addedAt,
});
