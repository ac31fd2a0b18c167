// Monthly on the 1st, 04:00 UTC: org calendars' public holidays kept materialised ahead (packages/app/src/jobs/calendar-refresh.ts).
import { calendarRefreshJob } from '@casetasks/app/jobs';
import { scheduledHandler } from '../middleware/scheduled-handler.js';

export const handler = scheduledHandler(calendarRefreshJob);
