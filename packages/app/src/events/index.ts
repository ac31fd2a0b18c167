// Platform events applied to tasks: the use case every event function calls, and the pause task the workflow shares.
export * from './apply-platform-event.js';
export { eventRules } from './rules/event-rules.js';
export { ensurePausedCaseTask, type PausedCaseTaskInput } from './rules/paused-case.js';
