// The service's runtime: typed config, clients created once per process, observability, queues, the workflow port.
export * from './clients.js';
export * from './clock.js';
export * from './config.js';
export * from './mail.js';
export * from './observability.js';
export * from './queues.js';
export * from './time-budget.js';
export * from './workflow.js';
