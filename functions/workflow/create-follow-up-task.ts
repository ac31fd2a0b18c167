// Step Functions task "Create follow-up task": opens the paused case's follow-up task and plans the Wait states.
import { createFollowUpTask, followUpStartSchema } from '@casetasks/app/workflow';
import { stepHandler } from '../middleware/step-handler.js';

export const handler = stepHandler('create-follow-up-task', followUpStartSchema, createFollowUpTask);
