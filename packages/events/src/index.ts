// @casetasks/events: zod schemas of the events in and out, shared by handlers, publishers and docs.
export * from './asyncapi.js';
export * from './define-event.js';
export * from './incoming.js';
export * from './invalid-event-error.js';
export * from './outgoing.js';
export * from './parse.js';
export * from './published.js';
export * from './sources.js';
