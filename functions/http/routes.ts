// The route table, derived from the registry (route-groups.ts) and each route's metadata: what infra, local mode and tests read.
import type { RouteSpec } from '../middleware/http-route.js';
import * as openapi from './openapi.js';
import { portalRouteGroups, routeGroup } from './route-groups.js';

/**
 * Every group the API serves: the portal's and the public OpenAPI document. The document is added here,
 * not in route-groups.ts, because it is built from that list (listing it there would be an import cycle).
 */
export const routeGroups = [...portalRouteGroups, routeGroup('openapi', openapi, { tableFree: true })];

export type HttpEntry = (typeof routeGroups)[number]['entry'];
export type HttpMethod = 'GET' | 'POST' | 'PUT';

/** One route as a row: its group's entry and the metadata declared next to its handler. */
export interface HttpRoute {
  method: HttpMethod;
  /** API Gateway v2 route path, `{param}` style. */
  path: string;
  entry: HttpEntry;
  auth: boolean;
  writes: boolean;
  taskParam?: 'id';
  partnerOnly?: boolean;
  ownerOnly?: boolean;
  creditorOnly?: boolean;
  caseParam?: 'caseId';
}

const toRow = (entry: HttpEntry, key: string, spec: RouteSpec): HttpRoute => {
  const [, method, path] = /^(GET|POST|PUT) (\/\S*)$/.exec(key) ?? [];
  if (!method || !path) throw new Error(`${entry}: route key "${key}" is not "GET|POST|PUT /path"`);
  return {
    method: method as HttpMethod,
    path,
    entry,
    auth: spec.auth ?? true,
    writes: spec.writes ?? false,
    ...(spec.taskParam ? { taskParam: spec.taskParam } : {}),
    ...(spec.partnerOnly ? { partnerOnly: true } : {}),
    ...(spec.ownerOnly ? { ownerOnly: true } : {}),
    ...(spec.creditorOnly ? { creditorOnly: true } : {}),
    ...(spec.caseParam ? { caseParam: spec.caseParam } : {}),
  };
};

export const httpRoutes: readonly HttpRoute[] = routeGroups.flatMap(({ entry, routes }) =>
  Object.entries(routes).map(([key, spec]) => toRow(entry, key, spec)),
);

/** API Gateway v2 route key, e.g. `GET /tasks/{id}`: what handlers dispatch on. */
export const routeKey = (route: Pick<HttpRoute, 'method' | 'path'>): string => `${route.method} ${route.path}`;
