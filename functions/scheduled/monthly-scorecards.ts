// Daily from 05:00 UTC: the last month's SLA scorecards, once per month (packages/app/src/jobs/monthly-scorecards.ts).
import { monthlyScorecardsJob } from '@casetasks/app/jobs';
import { scheduledHandler } from '../middleware/scheduled-handler.js';

export const handler = scheduledHandler(monthlyScorecardsJob);
