// Whether webhooks may target a loopback `http:` receiver: local mode and tests only, never deployed.
import { config, LOCAL_MODE_VARIABLE } from '../runtime/config.js';

/**
 * WEBHOOK_ALLOW_LOOPBACK_HTTP=1 is honoured only with CASETASKS_LOCAL=1 (the stack sets neither): then endpoints
 * may be saved with, and deliveries sent to, an `http:` URL on any port of a loopback host.
 */
export const loopbackHttpAllowed = (): boolean =>
  process.env[LOCAL_MODE_VARIABLE] === '1' && config().WEBHOOK_ALLOW_LOOPBACK_HTTP === '1';
