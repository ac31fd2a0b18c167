// Org settings put to work (calendar, reminders, auto-assignment), looked up once per request, event or job run.
export * from './org-policies.js';
