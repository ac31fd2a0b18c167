// GET and PUT /settings/*: each section of the caller org's settings; any role reads, owners replace. Also /views and /settings/webhooks.
import {
  readSettingsSection,
  replaceSettingsSection,
  type SettingsSection,
  settingsSections,
} from '@casetasks/app/settings';
import { noQuerySchema } from '@casetasks/app/tasks';
import { httpHandler } from '../middleware/http-handler.js';
import { httpRoute, type RouteMap } from '../middleware/http-route.js';
import { chatCleanupRoutes } from './chat-cleanup-routes.js';
import { notificationRoutes } from './notifications.js';
import { viewRoutes } from './views.js';
import { webhookRoutes } from './webhooks.js';

/** The GET and PUT of one section; `title` says what it is in the OpenAPI summaries. */
const sectionRoutes = <S extends SettingsSection>(section: S, path: string, title: string): RouteMap => {
  const { body, view } = settingsSections[section];
  return {
    [`GET ${path}`]: httpRoute({
      summary: `The caller org's ${title} (the effective default until an owner sets it); any role`,
      query: noQuerySchema,
      response: view,
      handle: async ({ principal }) => ({ body: await readSettingsSection(principal, section) }),
    }),
    [`PUT ${path}`]: httpRoute({
      summary: `Replace the caller org's ${title} (owners only); applies to tasks created or re-planned afterwards`,
      writes: true,
      ownerOnly: true,
      query: noQuerySchema,
      body,
      response: view,
      handle: async ({ principal, body, now }) => ({
        body: await replaceSettingsSection(principal, section, body, now),
      }),
    }),
  };
};

export const routes = {
  ...sectionRoutes('calendar', '/settings/calendar', 'working calendar (time zone, public holidays, closed days)'),
  ...sectionRoutes('reminders', '/settings/reminders', 'deadline warnings and escalation'),
  ...sectionRoutes('autoAssignment', '/settings/auto-assignment', 'auto-assignment rules per task type'),
  ...sectionRoutes('chatCleanup', '/settings/chat-cleanup', 'nightly chat cleanup mode (off, shadow, on)'),
  ...chatCleanupRoutes,
  ...viewRoutes,
  ...webhookRoutes,
  ...notificationRoutes,
} satisfies RouteMap;

export const handler = httpHandler(routes);
