// Webhooks per organisation (issue 21): the endpoint registry, sending, the fan-out, the consumer and the log.

export * from './deliver-webhook.js';
export * from './fan-out-webhooks.js';
export * from './local-targets.js';
export * from './send-webhook.js';
export * from './target-guard.js';
export * from './webhook-deliveries.js';
export * from './webhook-endpoints.js';
export * from './webhook-queue-message.js';
export * from './webhook-secret.js';
