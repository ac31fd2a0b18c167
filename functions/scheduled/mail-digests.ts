// Hourly: each user's digest e-mail at their hour in the org's zone (packages/app/src/mail/mail-digests.ts).
import { mailDigestsJob } from '@casetasks/app/jobs';
import { scheduledHandler } from '../middleware/scheduled-handler.js';

export const handler = scheduledHandler(mailDigestsJob);
