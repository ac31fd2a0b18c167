// @casetasks/db: the one table and one module per item type (entities/). Each entity owns its keys, its
// index entries and its queries; callers speak intents and never see a key. Transaction commits several.

export * from './client.js';
export {
  type DueQueue,
  type DueQueues,
  type DueQueueWalk,
  InvalidCheckpointError,
  type WalkResult,
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
  CaseDetailsChangedError,
  type CaseDetailsWrite,
  getCaseDetails,
  getCaseDetailsOf,
  refreshCaseDetailsOf,
  type StoredCaseDetails,
  saveCaseDetails,
} from './entities/case-details.js';
export { activeCasesOfPartner, addCaseChange, getCaseState, saveCaseState } from './entities/case-state.js';
export {
  claimFirstCleanupNight,
  putShadowVerdict,
  type ReopenExample,
  reopenExamples,
  type ShadowVerdict,
  saveReopen,
  shadowVerdictsOfNight,
} from './entities/chat-cleanup-records.js';
export {
  conversationTail,
  MESSAGE_TTL_DAYS,
  putMessage,
  recentMessages,
  type StoredMessage,
} from './entities/chat-message.js';
export { type ChatVerdict, getChatVerdict, putChatVerdict } from './entities/chat-verdict.js';
export { listHistory } from './entities/history-entry.js';
export {
  CHECKPOINT_TTL_DAYS,
  claimCheckpoint,
  getCheckpoint,
  type JobCheckpoint,
  type Lease,
  LeaseLostError,
  reportUnreadableCheckpoint,
  saveCheckpoint,
  saveLeasedCheckpoint,
} from './entities/job-checkpoint.js';
export {
  claimMail,
  getNotificationPreferences,
  type MailUser,
  mailPoint,
  mailUsersOfOrg,
  markMailSent,
  type NotificationPreferences,
  NotificationPreferencesConflictError,
  notificationPreferencesSchema,
  releaseMailClaim,
  rescheduleDigest,
  saveNotificationPreferences,
  userOfUnsubscribeToken,
} from './entities/notification-preferences.js';
export {
  type CalendarWrite,
  dropHolidayRefresh,
  getOrgSettings,
  type HolidayRefreshEntry,
  holidayRefreshPages,
  nextAssignmentTurn,
  type OrgSettingsSection,
  orgSettingsSections,
  putOrgCalendarSection,
  putOrgSettingsSection,
  registerHolidayRefresh,
  SettingsChangedError,
  type SettingsWrite,
  saveMaterialisedHolidays,
} from './entities/org-settings.js';
export {
  addOutbox,
  listOutboxSince,
  OUTBOX_TTL_DAYS,
  type OutboxEntry,
  type OutgoingEvent,
  outboxEntryOf,
} from './entities/outbox-entry.js';
export {
  deleteParkedEvent,
  eventsWaitingFor,
  PARKED_TTL_DAYS,
  type ParkedEvent,
  parkUntil,
  type WaitingFor,
  waitFor,
} from './entities/parked-event.js';
export { getQuoteRound, recordQuote, recordQuoteRequest, recordQuoteWinner } from './entities/quote-round.js';
export { getReference, putReference, type Reference, type ReferenceKind } from './entities/reference.js';
export {
  getRequestKeyRecord,
  REQUEST_KEY_TTL_HOURS,
  type RequestKeyClaim,
  type RequestKeyRecord,
  type RequestKeyRef,
  RequestKeyUsedError,
} from './entities/request-key.js';
export {
  createSavedView,
  deleteSavedView,
  getOwnSavedView,
  getSharedSavedView,
  listSavedViews,
  MAX_SHARED_VIEWS_LISTED,
  MAX_VIEWS_PER_USER,
  replaceSavedView,
  type SavedView,
  SavedViewConflictError,
  savedViewSchema,
  type ViewOwner,
} from './entities/saved-view.js';
export {
  addScopeClosure,
  getOpenTaskOfScope,
  getScope,
  recordScopeClosure,
  type ScopeRef,
  type ScopeState,
} from './entities/scope-guard.js';
export {
  creditorScorecards,
  getScorecardMonth,
  markScorecardMonthDone,
  monthRanking,
  partnerScorecards,
  ScorecardKeptError,
  type ScorecardMonth,
  saveMonthlyScorecard,
  setScorecardPercentile,
} from './entities/scorecard.js';
export {
  addSlaMonthRegistration,
  type RegistryPosition,
  slaMonthPartners,
  slaMonthShards,
} from './entities/sla-month-registry.js';
export {
  latestSlaTermsVersion,
  putSlaTermsVersion,
  SlaTermsChangedError,
  type SlaTermsOwner,
  slaTermsInForce,
  slaTermsVersions,
} from './entities/sla-terms.js';
export { type ExtensionWrite, saveExtensionWrite } from './entities/task/extension-writes.js';
export {
  decodeListCursor,
  decodeListCursorOf,
  encodeListCursor,
  InvalidListCursorError,
  type ListPosition,
} from './entities/task/list-cursor.js';
export {
  listPlans,
  planIsEmpty,
  planTaskCounts,
  planTaskList,
  type TaskCountPlans,
  type TaskListFilter,
  type TaskListOrder,
  type TaskListQuery,
  taskListOrders,
} from './entities/task/task-list.js';
export {
  allCompletedTasksOfCase,
  allTasksOf,
  type ChatReadPoint,
  chatReadPoints,
  completedTasksOfCase,
  countTasks,
  dueForReminder,
  escalatedThrough,
  getTask,
  type IndexPosition,
  openTaskCounts,
  openTasksOfAssigneeThrough,
  openTasksOfCase,
  overdueChatPage,
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
  type WriteOptions,
} from './entities/task/task-writes.js';
export {
  createWebhookDelivery,
  getWebhookDelivery,
  isWebhookDeliveriesCursor,
  listWebhookDeliveries,
  MAX_WEBHOOK_DELIVERIES_PAGE,
  recordWebhookAttempt,
  WEBHOOK_DELIVERY_TTL_DAYS,
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookDeliveryRef,
  type WebhookDeliveryStatus,
  type WebhookLogRef,
  webhookDeliverySchema,
  webhookDeliveryStatuses,
} from './entities/webhook-delivery.js';
export {
  changeWebhookEndpoint,
  createWebhookEndpoint,
  type DeliveryOutcome,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  type RecordedOutcome,
  recordDeliveryOutcome,
  subscribedWebhookEndpoints,
  type WebhookEndpoint,
  type WebhookEndpointChanges,
  WebhookEndpointConflictError,
  type WebhookEndpointRef,
  webhookEndpointSchema,
} from './entities/webhook-endpoint.js';
export * from './errors.js';
export type { IndexQuery, Page, ReadOptions, ReadStats } from './index-query.js';
export { idealQueryRcu, itemSize } from './item-size.js';
export { InstantOutOfRangeError } from './keys/instant-key.js';
export type { CorruptItem, CorruptItemSink } from './stored-items.js';
export { reportCorruptItem } from './stored-items.js';
export { createTableInput, type IndexDefinition, type IndexName, tableDefinition } from './table-definition.js';
export * from './time-budget.js';
export {
  CONFLICT_ATTEMPTS,
  CONFLICT_RETRY,
  isTransactionConflict,
  MAX_TRANSACTION_ITEMS,
  type TransactItem,
  Transaction,
} from './transaction.js';
