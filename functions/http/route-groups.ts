// The registry of the portal API: one line per route group (functions/http/<entry>.ts); infra, local mode, OpenAPI and tests derive from it.
import type { HttpContext, HttpEvent, HttpResponse } from '../middleware/http-context.js';
import type { RouteMap } from '../middleware/http-route.js';
import * as actionItems from './action-items.js';
import * as listTasks from './list-tasks.js';
import * as settings from './settings.js';
import * as sla from './sla.js';
import * as taskActions from './task-actions.js';
import * as taskDetail from './task-detail.js';

export interface RouteGroupOptions {
  /** The group materialises public holidays (PUT /settings/calendar): its bundle carries date-holidays. */
  holidays?: boolean;
  /** The group never touches the table: its function gets no table grant at all. */
  tableFree?: boolean;
}

/** A group: its entry file's name, its routes and the one Lambda handler that dispatches them. */
export const routeGroup = <E extends string>(
  entry: E,
  group: { routes: RouteMap; handler: (event: HttpEvent, context: HttpContext) => Promise<HttpResponse> },
  options: RouteGroupOptions = {},
) => ({
  entry,
  routes: group.routes,
  handler: group.handler,
  holidays: options.holidays ?? false,
  tableFree: options.tableFree ?? false,
});
export type RouteGroup = ReturnType<typeof routeGroup>;

/** The authenticated groups, in the order the document lists them. */
export const portalRouteGroups = [
  routeGroup('list-tasks', listTasks),
  routeGroup('task-detail', taskDetail),
  routeGroup('task-actions', taskActions),
  routeGroup('action-items', actionItems),
  routeGroup('sla', sla),
  routeGroup('settings', settings, { holidays: true }),
];
