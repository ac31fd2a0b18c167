// GET /openapi.json: the OpenAPI 3.1 document of every route of the registry, itself included.
import * as z from 'zod';
import { httpChain } from '../middleware/http-handler.js';
import { jsonResponse } from '../middleware/http-response.js';
import { httpRoute, type RouteMap } from '../middleware/http-route.js';
import { openApiDocument } from './openapi-document.js';
import { portalRouteGroups } from './route-groups.js';

/** Every authenticated route; the deployed API and local mode serve exactly these plus this document. */
export const documentedRoutes: RouteMap = Object.assign({}, ...portalRouteGroups.map((group) => group.routes));

let cached: ReturnType<typeof openApiDocument> | undefined;

const theDocument = async () => {
  cached ??= openApiDocument({ ...documentedRoutes, ...routes });
  return { body: cached, headers: { 'cache-control': 'public, max-age=300' } };
};

export const routes = {
  'GET /openapi.json': httpRoute({
    summary: 'This OpenAPI 3.1 document (no authentication)',
    auth: false,
    response: z.record(z.string(), z.unknown()),
    handle: theDocument,
  }),
} satisfies RouteMap;

/** Public: API Gateway routes it without the JWT authorizer, so there are no claims to check. */
export const handler = httpChain(async () => {
  const { body, headers } = await theDocument();
  return jsonResponse(200, body, headers);
});
