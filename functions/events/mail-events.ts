// Service-bus rule for Task Deadline Approaching / Task Overdue / Task Escalated: the reminder e-mails, once per user and point.
import { mailForEvent } from '@casetasks/app/mail';
import { eventHandler } from '../middleware/event-handler.js';

export const handler = eventHandler('mail-events', (event) => mailForEvent(event));
