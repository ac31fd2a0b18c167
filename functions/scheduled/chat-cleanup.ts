// STUB (owned by its work stream): the chat-cleanup job.
import { scheduledHandler } from '../middleware/scheduled-handler.js';
import type { JobInput, JobSummary } from '../shared/jobs.js';

export const run = async (_input: JobInput = {}): Promise<JobSummary> => {
  throw new Error('chat-cleanup is not implemented yet');
};

export const handler = scheduledHandler('chat-cleanup', run);
