// Case state and recent chat messages: one partition per case.
import { type CaseState, caseStateSchema } from '@casetasks/core';
import { indexes, ttlAttribute } from '../table-definition.js';
import { instantSortKey } from './instant-key.js';
import { shardOf } from './shard.js';

export const caseKey = (caseId: string) => ({ pk: `casestate#${caseId}`, sk: 'case' });
export const surveyPartition = (shard: number) => `survey#${shard}`;
export const activeCasesPartition = (partnerOrgId: string) => `cases#${partnerOrgId}#active`;

/** Active cases carry the surveyDue and activeCasesByPartner keys; every other status leaves both indexes. */
export const toCaseItem = (state: CaseState) => ({
  ...caseKey(state.caseId),
  kind: 'case',
  ...state,
  ...(state.status === 'active' && state.nextSurveyAt
    ? {
        [indexes.surveyDue.partitionKey]: surveyPartition(shardOf(state.caseId)),
        [indexes.surveyDue.sortKey]: instantSortKey(state.nextSurveyAt, state.caseId, 'nextSurveyAt'),
      }
    : {}),
  ...(state.status === 'active' && state.partnerOrgId
    ? {
        [indexes.activeCasesByPartner.partitionKey]: activeCasesPartition(state.partnerOrgId),
        [indexes.activeCasesByPartner.sortKey]: state.caseId,
      }
    : {}),
});

export const fromCaseItem = (item: Record<string, unknown>): CaseState => caseStateSchema.parse(item);

export const MESSAGE_TTL_DAYS = 180;

export interface StoredMessage {
  caseId: string;
  messageId: string;
  senderParty: 'partner' | 'creditor';
  senderUserId: string;
  text: string;
  sentAt: string;
}

export const messagePrefix = 'msg#';
/** Ordered by `sentAt` in its fixed-width key form, so the conversation tail reads in time order. */
export const messageKey = (caseId: string, sentAt: string, messageId: string) => ({
  pk: `casestate#${caseId}`,
  sk: `${messagePrefix}${instantSortKey(sentAt, messageId, 'sentAt')}`,
});

export const toMessageItem = (message: StoredMessage) => ({
  ...messageKey(message.caseId, message.sentAt, message.messageId),
  kind: 'message',
  ...message,
  [ttlAttribute]: Math.floor(Date.parse(message.sentAt) / 1000) + MESSAGE_TTL_DAYS * 86_400,
});

export const fromMessageItem = (item: Record<string, unknown>): StoredMessage => ({
  caseId: String(item.caseId),
  messageId: String(item.messageId),
  senderParty: item.senderParty === 'partner' ? 'partner' : 'creditor',
  senderUserId: String(item.senderUserId),
  text: String(item.text),
  sentAt: String(item.sentAt),
});
