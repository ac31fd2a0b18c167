// Shared pieces of the reliability suites: the callers, a valid request per route, and the route schemas by route key.
import type * as z from 'zod';
import { routes as actionItemRoutes } from '../../functions/http/action-items.js';
import { routes as listRoutes } from '../../functions/http/list-tasks.js';
import { type HttpRoute, httpRoutes, routeKey } from '../../functions/http/routes.js';
import { routes as slaRoutes } from '../../functions/http/sla.js';
import { routes as actionRoutes } from '../../functions/http/task-actions.js';
import { routes as detailRoutes } from '../../functions/http/task-detail.js';
import type { RouteSpec } from '../../functions/middleware/http-handler.js';
import type { Caller } from '../integration/api-client.js';

export const owner: Caller = { party: 'partner', org: 'p-1', user: 'u-owner', role: 'manager' };
export const contributor: Caller = { party: 'partner', org: 'p-1', user: 'u-contrib', role: 'contributor' };
/** Same org id, the other party: the party is part of the boundary. */
export const otherParty: Caller = { party: 'creditor', org: 'p-1', user: 'u-c', role: 'owner' };
export const otherOrg: Caller = { party: 'partner', org: 'p-2', user: 'u-x', role: 'owner' };

const DAY = 86_400_000;
export const inDays = (days: number): string => new Date(Date.now() + days * DAY).toISOString();

/** A body every write route accepts on an open call reminder, so only the dimension under test decides. */
export const validBodies: Record<string, () => Record<string, unknown>> = {
  'POST /tasks': () => ({ title: 'Call the debtor', dueInBusinessDays: 2 }),
  'POST /tasks/{id}/postpone': () => ({ deadline: inDays(30), reason: 'debtor on holiday' }),
  'POST /tasks/{id}/assign': () => ({ assigneeId: 'u-9' }),
  'POST /tasks/{id}/complete': () => ({}),
  'POST /tasks/{id}/calls': () => ({ result: 'answered', note: 'will pay Friday' }),
};

/** Every entry's route map, keyed by route key: the zod schemas the requests are validated with. */
const specs: Record<string, RouteSpec> = {
  ...listRoutes,
  ...detailRoutes,
  ...actionRoutes,
  ...actionItemRoutes,
  ...slaRoutes,
};

export const specOf = (route: HttpRoute): RouteSpec | undefined => specs[routeKey(route)];

export const authenticatedRoutes = httpRoutes.filter((route) => route.auth);

/** The fields of an object schema (strict objects, refined or not), or none. */
export const shapeOf = (schema: z.ZodType | undefined): Record<string, z.ZodType> => {
  const shape = (schema as { shape?: unknown } | undefined)?.shape;
  return typeof shape === 'object' && shape !== null ? (shape as Record<string, z.ZodType>) : {};
};
