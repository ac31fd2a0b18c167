// DynamoDB stream entry of the outbox relay: outbox inserts go to the service's bus (relayOutbox).
import { relayOutbox } from '@casetasks/app/outbox';
import { streamHandler } from '../middleware/stream-handler.js';

export const handler = streamHandler('outbox-relay', relayOutbox);
