// Step Functions tasks of the reminders: while the follow-up task is open, emits the stage's event once.
import { followUpReminderInputSchema, sendFollowUpReminder } from '@casetasks/app/workflow';
import { stepHandler } from '../middleware/step-handler.js';

export const handler = stepHandler('send-follow-up-reminder', followUpReminderInputSchema, sendFollowUpReminder);
