// Nightly from 02:00 UTC: the AI judge resolves overdue chat tasks (packages/app/src/jobs/chat-cleanup.ts).
import { chatCleanupJob } from '@casetasks/app/jobs';
import { scheduledHandler } from '../middleware/scheduled-handler.js';

export const handler = scheduledHandler(chatCleanupJob);
