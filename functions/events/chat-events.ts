// EventBridge entry of the chat events (detail-types in routes.ts): each event is applied by processPlatformEvent.
import { eventHandler } from '../middleware/event-handler.js';
import { processPlatformEvent } from './process-platform-event.js';

export const handler = eventHandler('chat-events', (event) => processPlatformEvent(event));
