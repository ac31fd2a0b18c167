// @casetasks/db: the table definition, item key formats and the repository. Keys are built only here.
export * from './client.js';
export * from './errors.js';
export * from './item-size.js';
export * from './items/aggregate-item.js';
export * from './items/applied-item.js';
export * from './items/case-item.js';
export * from './items/checkpoint-item.js';
export * from './items/history-item.js';
export * from './items/outbox-item.js';
export * from './items/scope-item.js';
export * from './items/shard.js';
export * from './items/task-item.js';
export * from './outbox-repository.js';
export * from './table-definition.js';
export * from './task-repository.js';
export * from './transaction.js';
