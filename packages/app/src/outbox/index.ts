// The transactional outbox's second half: outbox items from the table's stream to the service's bus.
export * from './relay-outbox.js';
