// EventBridge entry of the chat events (detail-types declared in @casetasks/events): each is applied by processPlatformEvent.
import { processPlatformEvent } from '@casetasks/app/events';
import { eventHandler } from '../middleware/event-handler.js';

export const handler = eventHandler('chat-events', (event) => processPlatformEvent(event));
