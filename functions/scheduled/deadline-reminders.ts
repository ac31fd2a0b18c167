// STUB (owned by its work stream): the deadline-reminders job.
import { scheduledHandler } from '../middleware/scheduled-handler.js';
import type { JobInput, JobSummary } from '../shared/jobs.js';

export const run = async (_input: JobInput = {}): Promise<JobSummary> => {
  throw new Error('deadline-reminders is not implemented yet');
};

export const handler = scheduledHandler('deadline-reminders', run);
