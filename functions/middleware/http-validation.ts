// Request validation against the route's zod schemas: path, query, body and headers at once, so one 400 lists every bad field.

import { jsonBody } from './http-body.js';
import type { HttpMiddleware } from './http-context.js';
import { RequestValidationError, RouteNotFoundError } from './http-errors.js';
import type { RouteMap } from './http-route.js';

export const validation = (routes: RouteMap): HttpMiddleware => ({
  before: (request) => {
    const { event } = request;
    const route = routes[event.routeKey];
    if (!route) throw new RouteNotFoundError(event.routeKey);
    const parts = [
      ['path', route.params, event.pathParameters ?? {}],
      ['query', route.query, event.queryStringParameters ?? {}],
      ['body', route.body, route.body ? jsonBody(event) : undefined],
    ] as const;
    const fields = [];
    const parsed: unknown[] = [];
    for (const [name, schema, raw] of parts) {
      const result = schema ? schema.safeParse(raw) : { success: true as const, data: raw };
      if (result.success) parsed.push(result.data);
      else fields.push(...RequestValidationError.fromZod(result.error, name).fields);
    }
    const headers = route.headers ? route.headers.safeParse(event.headers ?? {}) : undefined;
    if (headers && !headers.success) fields.push(...RequestValidationError.fromZod(headers.error, 'headers').fields);
    if (fields.length > 0) throw new RequestValidationError(fields);
    const [params, query, body] = parsed;
    request.context.input = { params, query, body, headers: headers?.data ?? event.headers ?? {} };
  },
});
