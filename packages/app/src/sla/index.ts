// SLA use cases of a partner org: its Partner Score SLA component and the case-update dashboard.
export * from './sla-views.js';
