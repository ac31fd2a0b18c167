// GET /openapi.json: the OpenAPI 3.1 document generated from the very zod schemas that validate each route.
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { MAX_JSON_BODY_BYTES } from '@casetasks/core';
import * as z from 'zod';
import { errorBodySchema, jsonResponse } from '../middleware/http-errors.js';
import { httpChain, type RouteMap } from '../middleware/http-handler.js';
import { routes as actionItems } from './action-items.js';
import { routes as listTasks } from './list-tasks.js';
import { routes as settings } from './settings.js';
import { routes as sla } from './sla.js';
import { routes as taskActions } from './task-actions.js';
import { routes as taskDetail } from './task-detail.js';

/** Every authenticated route group; the deployed API and local mode serve exactly these plus this document. */
export const documentedRoutes: RouteMap = {
  ...listTasks,
  ...taskDetail,
  ...taskActions,
  ...actionItems,
  ...sla,
  ...settings,
};

export const OPENAPI_ROUTE_KEY = 'GET /openapi.json';
const BEARER = 'bearerAuth';

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorBodySchema } },
});

/** A bulk call answers access and state per item (200), never for the call as a whole. */
const BULK_ROUTE_KEY = 'POST /tasks/bulk';

/** Errors every authenticated route may answer; routes that write or read one task add theirs. */
const errorResponses = (routeKey: string) => ({
  400: errorResponse('Bad input: `error.fields` names each bad field; nothing was written'),
  401: errorResponse('Missing, invalid or expired bearer token'),
  ...(routeKey === BULK_ROUTE_KEY
    ? {}
    : {
        403: errorResponse(
          'The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner)',
        ),
      }),
  ...(routeKey.includes('{id}')
    ? { 404: errorResponse('No such task for the caller: other parties’ and organisations’ tasks included') }
    : {}),
  ...(routeKey.startsWith('POST') && routeKey !== BULK_ROUTE_KEY
    ? { 409: errorResponse('Not allowed in the task’s state, or changed meanwhile') }
    : {}),
  500: errorResponse('Internal error (details are logged, never returned)'),
  503: errorResponse('`unavailable`: the service could not finish in time or cannot reach its table; try again'),
});

const toRouteConfig = (routeKey: string, spec: RouteMap[string]): RouteConfig => {
  const [method = 'get', path = '/'] = routeKey.split(' ');
  const request: RouteConfig['request'] = {
    ...(spec.params ? { params: spec.params as RouteParameter } : {}),
    ...(spec.query ? { query: spec.query as RouteParameter } : {}),
    ...(spec.headers ? { headers: spec.headers as RouteParameter } : {}),
    ...(spec.body ? { body: { required: true, content: { 'application/json': { schema: spec.body } } } } : {}),
  };
  return {
    method: method.toLowerCase() as RouteConfig['method'],
    path,
    summary: spec.summary,
    operationId: routeKey.replace(/[^A-Za-z0-9]+/g, '_').replace(/_$/, ''),
    security: [{ [BEARER]: [] }],
    request,
    responses: {
      [spec.successStatus ?? 200]: {
        description: 'Success',
        content: { 'application/json': { schema: spec.response } },
      },
      ...errorResponses(routeKey),
      ...(spec.body
        ? {
            413: errorResponse(`The JSON body is larger than ${MAX_JSON_BODY_BYTES} bytes (\`fields\` names \`body\`)`),
          }
        : {}),
    },
  };
};
type RouteParameter = NonNullable<NonNullable<RouteConfig['request']>['query']>;

/** Builds the document from `documentedRoutes` (plus this route, without auth). */
export const openApiDocument = () => {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', BEARER, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Claims: sub (user), org_id, party (partner|creditor), role (owner|manager|contributor)',
  });
  for (const [routeKey, spec] of Object.entries(documentedRoutes)) registry.registerPath(toRouteConfig(routeKey, spec));
  registry.registerPath({
    method: 'get',
    path: '/openapi.json',
    summary: 'This OpenAPI 3.1 document (no authentication)',
    operationId: 'GET_openapi_json',
    security: [],
    responses: {
      200: {
        description: 'The document',
        content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
      },
    },
  });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'casetasks portal API',
      version: '1.0.0',
      description:
        'Tasks and SLA of the debt-collection portals. Every task route sees only the caller’s party and org.',
    },
    servers: [{ url: '/' }],
  });
};

let cached: ReturnType<typeof openApiDocument> | undefined;

/** Public: API Gateway routes it without the JWT authorizer, so there are no claims to check. */
export const handler = httpChain(async () => {
  cached ??= openApiDocument();
  return jsonResponse(200, cached, { 'cache-control': 'public, max-age=300' });
});
