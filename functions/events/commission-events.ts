// EventBridge entry of the commission events (detail-types in routes.ts): each event is applied by processPlatformEvent.
import { eventHandler } from '../middleware/event-handler.js';
import { processPlatformEvent } from './process-platform-event.js';

export const handler = eventHandler('commission-events', (event) => processPlatformEvent(event));
