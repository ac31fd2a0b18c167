// Webhooks per organisation (issue 21): the endpoint registry.

export * from './send-webhook.js';
export * from './target-guard.js';
export * from './webhook-endpoints.js';
export * from './webhook-secret.js';
