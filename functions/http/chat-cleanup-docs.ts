// OpenAPI operation docs of the chat cleanup's routes (issue 23): reopen, shadow report, examples, mode.
import { doc, type OperationDoc } from './operation-tags.js';

export const chatCleanupDocs: Record<string, OperationDoc> = {
  'POST /tasks/{id}/reopen': doc(
    'reopenTask',
    'Task actions',
    'Reopens a task the chat cleanup closed within 7 days; its chat becomes a reply_needed example.',
  ),
  'GET /chat-cleanup/shadow-report': doc(
    'getChatCleanupShadowReport',
    'Settings',
    'What a shadow night would have closed in your org, with reasons (owners, managers).',
  ),
  'GET /chat-cleanup/examples': doc(
    'listChatCleanupExamples',
    'Settings',
    'Reopened AI-closed chats in the corpus format, labelled reply_needed (owners).',
  ),
  'GET /settings/chat-cleanup': doc(
    'getChatCleanupSettings',
    'Settings',
    "Reads the org's chat cleanup mode; `deployment` until an owner sets it.",
  ),
  'PUT /settings/chat-cleanup': doc(
    'replaceChatCleanupSettings',
    'Settings',
    "Sets the org's chat cleanup mode: off, shadow, on or deployment (owners only).",
  ),
};
