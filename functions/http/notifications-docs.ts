// OpenAPI operation docs and examples of the e-mail notification routes (functions/http/notifications.ts).
import type { OperationExample } from './example-values.js';
import { doc, type OperationDoc } from './operation-tags.js';

export const notificationDocs: Record<string, OperationDoc> = {
  'GET /me/notifications': doc('getNotificationPreferences', 'Settings', 'Your e-mail preferences (defaults first).'),
  'PUT /me/notifications': doc(
    'replaceNotificationPreferences',
    'Settings',
    'Stores them; a new address is mailed a code.',
  ),
  'POST /me/notifications/confirm': doc(
    'confirmNotificationEmail',
    'Settings',
    'Confirms the address (400 wrong, 410 expired).',
  ),
  'GET /notifications/unsubscribe/{token}': doc('unsubscribePage', 'Settings', 'Public; changes nothing.'),
  'POST /notifications/unsubscribe/{token}': doc(
    'unsubscribe',
    'Settings',
    'Public one-click (RFC 8058): all mail off.',
  ),
};

const choices = { approaching: true, overdue: true, escalated: true, digest: true, digestHour: 7 };
const view = {
  ...choices,
  email: 'anna@partner.example',
  emailStatus: 'unconfirmed',
  timeZone: 'Europe/Copenhagen',
  version: 1,
};

export const notificationExamples: Record<string, OperationExample> = {
  'GET /me/notifications': { response: view },
  'PUT /me/notifications': { request: { ...choices, expectedVersion: 0 }, response: view },
  'POST /me/notifications/confirm': {
    request: { code: 'k3J9xQ2mP7vR4tW8yZ1aB5cD' },
    response: { ...view, emailStatus: 'confirmed', version: 2 },
  },
  'GET /notifications/unsubscribe/{token}': {
    response: { unsubscribe: 'POST to this address to stop all casetasks e-mail' },
  },
  'POST /notifications/unsubscribe/{token}': { response: { unsubscribed: true } },
};
