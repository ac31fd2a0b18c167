// SLA use cases of a partner org: its Partner Score SLA component and the case-update dashboard.

export * from './scorecards.js';
export * from './sla-terms.js';
export * from './sla-views.js';
