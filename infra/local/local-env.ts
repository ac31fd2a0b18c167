// Local-mode defaults that must be set before the handlers' modules load (Powertools reads them at import).
import { localCalendarEnvironment } from './local-calendar.js';

// Local mode: settings the deployed stack would give (table, bus, judge…) fall back to local defaults
// (packages/app/src/runtime/config.ts); without this marker a missing one throws, as it does deployed.
process.env.CASETASKS_LOCAL = '1';
// Webhook endpoints may point at loopback http (the local receiver, /local/webhook-receiver/{name}); honoured
// only with CASETASKS_LOCAL=1. Set WEBHOOK_ALLOW_LOOPBACK_HTTP=0 to run the deployed SSRF rules locally.
process.env.WEBHOOK_ALLOW_LOOPBACK_HTTP ??= '1';
// No CloudWatch locally: EMF metric lines would only be noise on the console.
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
// The server prints one access line per request; handler logs show warnings and errors only.
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
// The SDK's notices about Node versions say nothing about local runs.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// A hand-set CALENDAR_COUNTRY gets its public holidays (CALENDAR_HOLIDAYS) as synth would give them deployed.
Object.assign(process.env, localCalendarEnvironment(process.env));
