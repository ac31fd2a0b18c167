// Scheduled jobs: the registry (name, run, schedule, function) and each job's run, for handlers, local mode and benches.
export * from './calendar-refresh.js';
export * from './chat-cleanup.js';
export * from './chat-cleanup-mode.js';
export {
  CHAT_CLEANUP_JOB,
  type ChatCleanupCounts,
  type ChatCleanupDeps,
  type ChatCleanupSettings,
  defaultChatCleanupSettings,
  zeroCounts,
} from './chat-cleanup-settings.js';
export * from './chat-judge.js';
export * from './deadline-reminders.js';
export type { JobRunOptions } from './due-items-job.js';
export * from './job-contract.js';
export * from './monthly-scorecards.js';
export * from './monthly-surveys.js';
export * from './registry.js';
