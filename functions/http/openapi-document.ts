// The OpenAPI 3.1 document of a set of routes, generated from the very zod schemas that validate them.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { RouteMap } from '../middleware/http-route.js';
import { routes as documentRoutes } from './openapi.js';
import { BEARER, operationOf } from './openapi-operation.js';
import { operationTags } from './operation-tags.js';
import { portalRouteGroups } from './route-groups.js';

/** Every authenticated route; the deployed API and local mode serve exactly these plus the document itself. */
export const documentedRoutes: RouteMap = Object.assign({}, ...portalRouteGroups.map((group) => group.routes));

export const openApiDocument = (routes: RouteMap) => {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', BEARER, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Claims: sub (user), org_id, party (partner|creditor), role (owner|manager|contributor)',
  });
  for (const [routeKey, spec] of Object.entries(routes)) registry.registerPath(operationOf(routeKey, spec));
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'casetasks portal API',
      version: '1.0.0',
      description:
        'Tasks and SLA of the debt-collection portals. Every task route sees only the caller’s party and org.',
      contact: { name: 'casetasks team' },
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/' }],
    tags: [...operationTags],
  });
};

/** The document `GET /openapi.json` serves: `npm run openapi` writes it to docs/openapi.json. */
export const servedDocument = () => openApiDocument({ ...documentedRoutes, ...documentRoutes });
