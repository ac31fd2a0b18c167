// The caller of a portal request, from the JWT authorizer's claims: checked again here, before any validation or read.
import { type Principal, portalClaimsSchema } from '@casetasks/core';
import type { HttpEvent, HttpMiddleware } from './http-context.js';
import { UnauthorizedError } from './http-errors.js';
import type { RouteMap } from './http-route.js';

type AuthorizedEvent = HttpEvent & { requestContext: { authorizer?: { jwt?: { claims?: unknown } } } };

/**
 * The caller from the JWT authorizer's claims (all strings; API Gateway flattens an array to `[a b]`).
 * Defence in depth behind the authorizer: ids outside the id grammar would reach table keys, so any
 * claim outside the portal grammar is a 401 before validation or any read.
 */
export const principalFromEvent = (event: HttpEvent): Principal => {
  const claims = portalClaimsSchema.safeParse((event as AuthorizedEvent).requestContext.authorizer?.jwt?.claims);
  if (!claims.success) throw new UnauthorizedError();
  const { sub, org_id, party, role, email } = claims.data;
  return { userId: sub, orgId: org_id, party, role, ...(email ? { email } : {}) };
};

/** Public routes (`auth: false`) have no authorizer and no claims: they get no principal. */
export const claims = (routes: RouteMap = {}): HttpMiddleware => ({
  before: (request) => {
    if (routes[request.event.routeKey]?.auth === false) return;
    request.context.principal = principalFromEvent(request.event);
  },
});
