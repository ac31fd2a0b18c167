// Shared pieces of the reliability suites: the callers, a valid request per route, and the route schemas by route key.
import type * as z from 'zod';
import { routes as actionItemRoutes } from '../../functions/http/action-items.js';
import { routes as listRoutes } from '../../functions/http/list-tasks.js';
import { type HttpRoute, httpRoutes, routeKey } from '../../functions/http/routes.js';
import { routes as settingsRoutes } from '../../functions/http/settings.js';
import { routes as slaRoutes } from '../../functions/http/sla.js';
import { routes as actionRoutes } from '../../functions/http/task-actions.js';
import { routes as detailRoutes } from '../../functions/http/task-detail.js';
import type { RouteSpec } from '../../functions/middleware/http-route.js';
import type { Caller } from '../integration/api-client.js';

export const owner: Caller = {
  party: 'partner',
  org: 'p-1',
  user: 'u-owner',
  role: 'manager',
  email: 'u-owner@p-1.example',
};
/** The org's actual owner: the only role ownerOnly routes (settings PUTs) let through. */
export const orgOwner: Caller = {
  party: 'partner',
  org: 'p-1',
  user: 'u-boss',
  role: 'owner',
  email: 'u-boss@p-1.example',
};
export const contributor: Caller = {
  party: 'partner',
  org: 'p-1',
  user: 'u-contrib',
  role: 'contributor',
  email: 'u-contrib@p-1.example',
};
/** Same org id, the other party: the party is part of the boundary. */
export const otherParty: Caller = {
  party: 'creditor',
  org: 'p-1',
  user: 'u-c',
  role: 'owner',
  email: 'u-c@p-1.example',
};
/** The access matrix's callers (counted by counts.ts): each route is called once by each. */
export const accessVariants = [
  'own',
  'own org’s owner',
  'other party',
  'other org',
  'contributor on another’s task',
  'no token',
  'expired token',
  'forged signature',
] as const;
export type AccessVariant = (typeof accessVariants)[number];

export const otherOrg: Caller = { party: 'partner', org: 'p-2', user: 'u-x', role: 'owner', email: 'u-x@p-2.example' };

const DAY = 86_400_000;
export const inDays = (days: number): string => new Date(Date.now() + days * DAY).toISOString();

/** Well-formed task ids no task has: the bulk body's items beyond the one under test. */
const NO_SUCH_TASKS = [
  '01ARZ3NDEKTSV4RRFFQ69G5FB0',
  '01ARZ3NDEKTSV4RRFFQ69G5FB1',
  '01ARZ3NDEKTSV4RRFFQ69G5FB2',
] as const;

/**
 * A body every write route accepts on an open call reminder, so only the dimension under test decides.
 * A route naming its tasks in the body (bulk) puts `taskId` in its first item, and has one item per action.
 */
export const validBodies: Record<string, (taskId?: string) => Record<string, unknown>> = {
  'POST /tasks': () => ({ title: 'Call the debtor', dueInBusinessDays: 2 }),
  'POST /tasks/{id}/postpone': () => ({ deadline: inDays(30), reason: 'debtor on holiday' }),
  'POST /tasks/{id}/assign': () => ({ assigneeId: 'u-9' }),
  'POST /tasks/{id}/complete': () => ({}),
  'POST /tasks/{id}/calls': () => ({ result: 'answered', note: 'will pay Friday' }),
  // The planted call reminder is open, not closed by the chat cleanup: 409 once access passes.
  'POST /tasks/{id}/reopen': () => ({ reason: 'The debtor still waits for an answer' }),
  'POST /tasks/bulk': (taskId = NO_SUCH_TASKS[0]) => ({
    items: [
      { id: taskId, action: 'assign', ...validBodies['POST /tasks/{id}/assign']?.() },
      { id: NO_SUCH_TASKS[1], action: 'postpone', ...validBodies['POST /tasks/{id}/postpone']?.() },
      { id: NO_SUCH_TASKS[2], action: 'complete', ...validBodies['POST /tasks/{id}/complete']?.() },
    ],
  }),
  'PUT /settings/calendar': () => ({ timeZone: 'Europe/Copenhagen', country: 'DK', closedDays: ['2026-12-31'] }),
  // One warning of each form, so the bad-input walk reaches every leaf of the union.
  'PUT /settings/reminders': () => ({
    warnings: [{ percentOfTime: 50 }, { businessDaysBefore: 3 }],
    escalation: { businessDaysOverdue: 2 },
  }),
  // generic: a type of either party, so the other party's owner may set it too.
  'PUT /settings/auto-assignment': () => ({ rules: { generic: { strategy: 'round_robin', userIds: ['u-9'] } } }),
  'PUT /settings/chat-cleanup': () => ({ mode: 'shadow' }),
  'PUT /sla/terms': () => ({ taskDeadlines: { review_new_case: 4 }, updateIntervals: { contact_attempted: 10 } }),
  // The planted call reminder takes none of the three (no SLA weight, not an approve_extension task): 409 past access.
  'POST /tasks/{id}/extension': () => ({ businessDays: 2, reason: 'debtor abroad' }),
  'POST /tasks/{id}/approve': () => ({ note: 'Agreed' }),
  'POST /tasks/{id}/reject': () => ({ note: 'No' }),
  'POST /cases/{caseId}/update-extension': () => ({ days: 5, reason: 'debtor in hospital' }),
  // Fresh names per call: names are unique per user. Filter values are GET /tasks's own query domain (tested there).
  'POST /views': () => ({ name: `Overdue ${Math.random().toString(36).slice(2, 10)}`, filters: {} }),
  'PUT /views/{viewId}': () => ({
    name: `Mine ${Math.random().toString(36).slice(2, 10)}`,
    filters: {},
    expectedVersion: 1,
  }),
  'POST /views/{viewId}/delete': () => ({}),
  'POST /settings/webhooks': () => ({ url: 'https://hooks.example.com/casetasks', eventTypes: ['Task Created'] }),
  'PUT /settings/webhooks/{webhookId}': () => ({
    url: 'https://hooks.example.com/casetasks',
    eventTypes: ['Task Created', 'Task Completed'],
    expectedVersion: 1,
  }),
  'POST /settings/webhooks/{webhookId}/delete': () => ({}),
  'POST /settings/webhooks/{webhookId}/rotate-secret': () => ({}),
  'POST /settings/webhooks/{webhookId}/enable': () => ({}),
  'POST /settings/webhooks/{webhookId}/test': () => ({}),
  // Each caller saves once (version 0); the callers carry an `email` claim, without which the PUT is a 400.
  'PUT /me/notifications': () => ({
    approaching: true,
    overdue: true,
    escalated: false,
    digest: true,
    digestHour: 7,
    expectedVersion: 0,
  }),
  // No suite can know the mailed code: past access, the code decides (400); the 200 is in mail-notifications.test.ts.
  'POST /me/notifications/confirm': () => ({ code: 'not-the-mailed-code' }),
  // Public (RFC 8058 one-click): the token in the path is the only credential, the body is ignored.
  'POST /notifications/unsubscribe/{token}': () => ({}),
};

/** Every entry's route map, keyed by route key: the zod schemas the requests are validated with. */
const specs: Record<string, RouteSpec> = {
  ...listRoutes,
  ...detailRoutes,
  ...actionRoutes,
  ...actionItemRoutes,
  ...slaRoutes,
  ...settingsRoutes,
};

export const specOf = (route: HttpRoute): RouteSpec | undefined => specs[routeKey(route)];

/** Routes that name their tasks in the body: access is decided per item (`results[].status`), the call is 200. */
export const bulkRoutes: ReadonlySet<string> = new Set(['POST /tasks/bulk']);

/** Routes the planted call reminder cannot take (no SLA weight, not an approve_extension task): 409 once access passes. */
export const refusedByState: ReadonlySet<string> = new Set([
  'POST /tasks/{id}/extension',
  'POST /tasks/{id}/approve',
  'POST /tasks/{id}/reject',
  'POST /tasks/{id}/reopen',
]);

/** The caller of the suites that want a request through: the org's owner where only owners are let in (or share views). */
export const allowedCaller = (route: HttpRoute): Caller =>
  route.creditorOnly
    ? otherParty
    : route.ownerOnly || route.path.startsWith('/views') || route.path.startsWith('/settings/webhooks')
      ? orgOwner
      : owner;

export const authenticatedRoutes = httpRoutes.filter((route) => route.auth);

/** The fields of an object schema (strict objects, refined or not), or none. */
export const shapeOf = (schema: z.ZodType | undefined): Record<string, z.ZodType> => {
  const shape = (schema as { shape?: unknown } | undefined)?.shape;
  return typeof shape === 'object' && shape !== null ? (shape as Record<string, z.ZodType>) : {};
};
