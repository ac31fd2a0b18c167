// GET /openapi.json: the published OpenAPI 3.1 document, docs/openapi.json, generated from the routes' zod schemas.
// Served from the committed file, not built at start: the generator would pull every route's use cases into
// this bundle. test/unit/openapi-published.test.ts fails when the file and the schemas differ.
import * as z from 'zod';
import published from '../../docs/openapi.json' with { type: 'json' };
import { httpChain } from '../middleware/http-handler.js';
import { jsonResponse } from '../middleware/http-response.js';
import { httpRoute, type RouteMap } from '../middleware/http-route.js';

const headers = { 'cache-control': 'public, max-age=300' };

export const routes = {
  'GET /openapi.json': httpRoute({
    summary: 'This OpenAPI 3.1 document (no authentication)',
    auth: false,
    response: z.record(z.string(), z.unknown()),
    handle: async () => ({ body: published, headers }),
  }),
} satisfies RouteMap;

/** Public: API Gateway routes it without the JWT authorizer, so there are no claims to check. */
export const handler = httpChain(async () => jsonResponse(200, published, headers));
