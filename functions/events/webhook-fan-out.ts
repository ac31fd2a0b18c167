// EventBridge entry of the webhook fan-out (issue 21): every outgoing event of the service bus → one queued delivery per subscribed endpoint.
import { sqsWebhookQueue } from '@casetasks/app/runtime';
import { fanOutWebhooks } from '@casetasks/app/webhooks';
import { eventHandler } from '../middleware/event-handler.js';

export const handler = eventHandler('webhook-fan-out', (event) => fanOutWebhooks(event, sqsWebhookQueue()));
