// Daily 03:00 UTC: one survey task per active case and month (packages/app/src/jobs/monthly-surveys.ts).
import { monthlySurveysJob } from '@casetasks/app/jobs';
import { scheduledHandler } from '../middleware/scheduled-handler.js';

export const handler = scheduledHandler(monthlySurveysJob);
