// Task use cases of the portal API: lists and counts, one task and its history, action items, create and change.
export * from './action-items.js';
export * from './bulk-change.js';
export * from './change-task.js';
export * from './chat-cleanup-reports.js';
export * from './create-task.js';
export * from './decide-extension.js';
export * from './expire-extension.js';
export * from './export-tasks.js';
export * from './list-tasks.js';
export * from './reopen-task.js';
export * from './request-extension.js';
export * from './request-update-extension.js';
export * from './task-detail.js';
export * from './task-summary.js';
export * from './task-view.js';
