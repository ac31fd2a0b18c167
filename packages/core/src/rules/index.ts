// Pure event → task rules: what each platform event means for tasks, without any AWS.
export * from './aggregates.js';
export * from './case-facts.js';
export * from './chat.js';
export * from './creation.js';
export * from './quotes.js';
export * from './scopes.js';
