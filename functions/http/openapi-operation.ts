// One route of the registry as an OpenAPI operation: its schemas, its success body and the errors it may answer.
import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import type { RouteSpec } from '../middleware/http-route.js';
import { bodyTooLarge, errorResponses, publicErrorResponses } from './openapi-errors.js';
import { gatewayResponses } from './openapi-gateway.js';
import { correlationHeader, replayHeaders } from './openapi-headers.js';
import { successMedia } from './openapi-media.js';
import { operationDocs } from './operation-docs.js';
import { operationExamples } from './operation-examples.js';

export const BEARER = 'bearerAuth';
type RouteParameter = NonNullable<NonNullable<RouteConfig['request']>['query']>;

const takesIdempotencyKey = (spec: RouteSpec): boolean =>
  spec.headers instanceof z.ZodObject && 'idempotency-key' in spec.headers.shape;

export const operationOf = (routeKey: string, spec: RouteSpec): RouteConfig => {
  const [method = 'get', path = '/'] = routeKey.split(' ');
  const [doc, example] = [operationDocs[routeKey], operationExamples[routeKey]];
  if (!doc || !example) throw new Error(`no operation doc or example for ${routeKey} (functions/http/operation-*.ts)`);
  const base = {
    method: method.toLowerCase() as RouteConfig['method'],
    path,
    summary: spec.summary,
    description: doc.description,
    operationId: doc.operationId,
    tags: [doc.tag],
  };
  const success = {
    description: 'Success',
    // Only a route that takes an Idempotency-Key can answer with a replay of an earlier call.
    headers: takesIdempotencyKey(spec) ? replayHeaders : correlationHeader,
    content: successMedia(spec, example.response),
  };
  // The document itself: public, no claims to refuse and no input to check.
  if (spec.auth === false && !spec.params)
    return {
      ...base,
      security: [],
      responses: { 200: { ...success, description: 'The document' }, ...gatewayResponses },
    };
  const request: RouteConfig['request'] = {
    ...(spec.params ? { params: spec.params as RouteParameter } : {}),
    ...(spec.query ? { query: spec.query as RouteParameter } : {}),
    ...(spec.headers ? { headers: spec.headers as RouteParameter } : {}),
    ...(spec.body
      ? { body: { required: true, content: { 'application/json': { schema: spec.body, example: example.request } } } }
      : {}),
  };
  // A public route with input (an unsubscribe link) has no token, so no 401/403.
  const errors = spec.auth === false ? publicErrorResponses('No such link (unknown token)') : errorResponses(routeKey);
  const responses = { [spec.successStatus ?? 200]: success, ...errors };
  return {
    ...base,
    security: spec.auth === false ? [] : [{ [BEARER]: [] }],
    request,
    responses: spec.body ? { ...responses, 413: bodyTooLarge } : responses,
  };
};
