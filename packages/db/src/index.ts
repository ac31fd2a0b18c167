// @casetasks/db: the one table and one module per item type (entities/). Each entity owns its keys, its
// index entries and its queries; callers speak intents and never see a key. Transaction commits several.

// Legacy exports: removed once callers use the intents (issue 16 round 2)
export { mapBounded } from '@casetasks/core';
export * from './client.js';
export {
  type DueQueue,
  type DueQueues,
  type DueQueueWalk,
  type DueWalk,
  InvalidCheckpointError,
  type WalkResult,
  walkDueItems,
  walkDueQueue,
} from './due-walk.js';
// ---- entities ---------------------------------------------------------------------------------------
export {
  type AggregateMember,
  addAggregateMember,
  listAggregateMembers,
  removeAggregateMember,
} from './entities/aggregate-member.js';
export {
  APPLIED_TTL_DAYS,
  type AppliedMarker,
  addMarker,
  digestMarker,
  emitOnce,
  followUpMarker,
  markedTransaction,
  type StepWrite,
  surveyMarker,
  wasApplied,
} from './entities/applied-marker.js';
export {
  activeCasesOfPartner,
  addCaseChange,
  caseKey,
  fromCaseItem,
  getCaseState,
  saveCaseState,
  surveyPartition,
  toCaseItem,
} from './entities/case-state.js';
export {
  conversationTail,
  MESSAGE_TTL_DAYS,
  putMessage,
  recentMessages,
  type StoredMessage,
  toMessageItem,
} from './entities/chat-message.js';
export { listHistory } from './entities/history-entry.js';
export {
  CHECKPOINT_TTL_DAYS,
  checkpointKey,
  claimCheckpoint,
  fromCheckpointItem,
  getCheckpoint,
  type JobCheckpoint,
  type Lease,
  LeaseLostError,
  reportUnreadableCheckpoint,
  saveCheckpoint,
  saveLeasedCheckpoint,
} from './entities/job-checkpoint.js';
export {
  getOrgSettings,
  nextAssignmentTurn,
  type OrgSettingsSection,
  orgSettingsSections,
  putOrgSettingsSection,
  type SettingsWrite,
} from './entities/org-settings.js';
export {
  addOutbox,
  fromOutboxItem,
  isOutboxItem,
  listOutboxSince,
  OUTBOX_TTL_DAYS,
  type OutboxEntry,
  type OutgoingEvent,
  outboxEntryOf,
  toOutboxItem,
} from './entities/outbox-entry.js';
export {
  type AwaitedFact,
  deleteParkedEvent,
  eventsWaitingFor,
  listParkedEvents,
  PARKED_TTL_DAYS,
  type ParkedEvent,
  parkEvent,
  parkUntil,
  type WaitingFor,
  waitFor,
} from './entities/parked-event.js';
export {
  getQuoteRound,
  quoteRoundKey,
  recordQuote,
  recordQuoteRequest,
  recordQuoteWinner,
} from './entities/quote-round.js';
export { getReference, putReference, type Reference, type ReferenceKind, referenceKey } from './entities/reference.js';
export {
  getRequestKeyRecord,
  getRequestKeyRecord as getRequestKey,
  REQUEST_KEY_TTL_HOURS,
  type RequestKeyClaim,
  type RequestKeyRecord,
  type RequestKeyRef,
  RequestKeyUsedError,
} from './entities/request-key.js';
export {
  addScopeClosure,
  getOpenTaskOfScope,
  getScope,
  recordScopeClosure,
  type ScopeRef,
  type ScopeState,
} from './entities/scope-guard.js';
export { decodeListCursor, encodeListCursor, InvalidListCursorError } from './entities/task/list-cursor.js';
export { byCasePrefix, fromTaskItem, taskPartitions, toTaskItem } from './entities/task/task-item.js';
export {
  planIsEmpty,
  planTaskCounts,
  planTaskList,
  startKeyFits,
  type TaskCountPlans,
  type TaskListFilter,
  type TaskListQuery,
} from './entities/task/task-list.js';
export {
  allTasksOf,
  type ChatReadPoint,
  chatReadPoints,
  completedTasksOfCase,
  countTasks,
  dueForReminder,
  escalatedThrough,
  getTask,
  type IndexPosition,
  type OverdueChatPage,
  type OverdueChatTask,
  openTaskCounts,
  openTasksOfAssigneeThrough,
  openTasksOfCase,
  overdueChatPage,
  overdueChatTasks,
  queryTasks,
  slaTasksInPeriod,
  type TaskCount,
} from './entities/task/task-reads.js';
export {
  addTaskChange,
  addTaskCreate,
  createGuardedTask,
  createManualTask,
  createTask,
  type ManualCreateOptions,
  recordLateTask,
  saveChange,
  saveReminder,
  taskCompletedEvent,
  taskCreatedEvent,
  type WriteOptions,
} from './entities/task/task-writes.js';
export * from './errors.js';
export {
  type IndexQuery,
  indexQueryInput,
  type Page,
  queryIndex,
  type ReadOptions,
  type ReadStats,
} from './index-query.js';
export { idealQueryRcu, itemSize } from './item-size.js';
export { InstantOutOfRangeError, instantKeyThrough } from './keys/instant-key.js';
export { allShards, JOB_SHARDS, shardOf } from './keys/shard.js';
export type { CorruptItem, CorruptItemSink } from './stored-items.js';
export { reportCorruptItem } from './stored-items.js';
export {
  createTableInput,
  type IndexDefinition,
  type IndexName,
  indexes,
  tableDefinition,
} from './table-definition.js';
export * from './time-budget.js';
export {
  CONFLICT_ATTEMPTS,
  CONFLICT_RETRY,
  conflictBackoff,
  isTransactionConflict,
  MAX_TRANSACTION_ITEMS,
  type TransactItem,
  Transaction,
} from './transaction.js';
