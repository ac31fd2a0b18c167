// Hourly: deadline reminders, escalations and the daily digest (packages/app/src/jobs/deadline-reminders.ts).
import { deadlineRemindersJob } from '@casetasks/app/jobs';
import { scheduledHandler } from '../middleware/scheduled-handler.js';

export const handler = scheduledHandler(deadlineRemindersJob);
