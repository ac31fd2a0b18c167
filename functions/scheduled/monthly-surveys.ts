// STUB (owned by its work stream): the monthly-surveys job.
import { scheduledHandler } from '../middleware/scheduled-handler.js';
import type { JobInput, JobSummary } from '../shared/jobs.js';

export const run = async (_input: JobInput = {}): Promise<JobSummary> => {
  throw new Error('monthly-surveys is not implemented yet');
};

export const handler = scheduledHandler('monthly-surveys', run);
