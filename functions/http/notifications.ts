// /me/notifications: the caller's e-mail preferences and address confirmation; public one-click unsubscribe (RFC 8058).
import {
  confirmNotificationEmail,
  notificationConfirmSchema,
  notificationPreferencesChangeSchema,
  notificationPreferencesViewSchema,
  readNotificationPreferences,
  replaceNotificationPreferences,
  unsubscribeAll,
  unsubscribeParamsSchema,
  unsubscribePreview,
} from '@casetasks/app/mail';
import { noQuerySchema } from '@casetasks/app/tasks';
import * as z from 'zod';
import { httpRoute, type RouteMap } from '../middleware/http-route.js';

/** Spread into the `settings` group (functions/http/settings.ts): same table grant, one Lambda less. */
export const notificationRoutes = {
  'GET /me/notifications': httpRoute({
    summary: 'Your e-mail notification preferences (defaults until you save them); any role',
    query: noQuerySchema,
    response: notificationPreferencesViewSchema,
    handle: async ({ principal }) => ({ body: await readNotificationPreferences(principal) }),
  }),
  'PUT /me/notifications': httpRoute({
    summary: 'Replace your preferences; a new address (token `email` claim) gets a confirmation code by mail',
    writes: true,
    query: noQuerySchema,
    body: notificationPreferencesChangeSchema,
    response: notificationPreferencesViewSchema,
    handle: async ({ principal, body, now }) => ({ body: await replaceNotificationPreferences(principal, body, now) }),
  }),
  'POST /me/notifications/confirm': httpRoute({
    summary: 'Confirm your address with the mailed code (400 wrong, 410 expired)',
    writes: true,
    query: noQuerySchema,
    body: notificationConfirmSchema,
    response: notificationPreferencesViewSchema,
    handle: async ({ principal, body, now }) => ({ body: await confirmNotificationEmail(principal, body.code, now) }),
  }),
  'GET /notifications/unsubscribe/{token}': httpRoute({
    summary: 'The unsubscribe link of a mail (no authentication); changes nothing, POST unsubscribes',
    auth: false,
    params: unsubscribeParamsSchema,
    query: noQuerySchema,
    response: z.object({ unsubscribe: z.string() }),
    handle: async ({ params }) => ({ body: await unsubscribePreview(params.token) }),
  }),
  'POST /notifications/unsubscribe/{token}': httpRoute({
    summary: 'One-click unsubscribe from all e-mail (RFC 8058, no authentication)',
    auth: false,
    writes: true,
    params: unsubscribeParamsSchema,
    query: noQuerySchema,
    response: z.object({ unsubscribed: z.literal(true) }),
    handle: async ({ params, now }) => ({ body: await unsubscribeAll(params.token, now) }),
  }),
} satisfies RouteMap;
