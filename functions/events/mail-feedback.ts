// Default-bus rule for SES `Email Bounced` / `Email Complaint Received`: turns the tagged user's e-mail off.
import { applyMailFeedback } from '@casetasks/app/mail';
import { eventHandler } from '../middleware/event-handler.js';

export const handler = eventHandler('mail-feedback', (event) => applyMailFeedback(event));
