// @casetasks/core: the product's domain. No AWS, Lambda or DynamoDB imports here.
export * from './calendar.js';
export * from './case-state.js';
export * from './catalogue.js';
export * from './errors.js';
export * from './lifecycle.js';
export * from './sla.js';
export * from './task.js';
