// Settings use cases: each section of an org's settings (calendar, reminders, auto-assignment), read and replaced.
export * from './org-settings.js';
export * from './settings-sections.js';
