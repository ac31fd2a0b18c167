// The service's runtime: typed config, clients created once per process, observability, the workflow port.
export * from './clients.js';
export * from './config.js';
export * from './observability.js';
export * from './time-budget.js';
export * from './workflow.js';
