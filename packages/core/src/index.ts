// @casetasks/core: the product's domain. No AWS, Lambda or DynamoDB imports here.
export * from './calendar.js';
export * from './case-state.js';
export * from './case-update-sla.js';
export * from './catalogue.js';
export * from './claims.js';
export * from './errors.js';
export * from './ids.js';
export * from './input-domain.js';
export * from './lifecycle.js';
export * from './org-settings.js';
export * from './reminders.js';
export * from './rules/index.js';
export * from './sla.js';
export * from './sla-report.js';
export * from './surveys.js';
export * from './task.js';
