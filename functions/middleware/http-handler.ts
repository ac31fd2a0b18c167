// The Middy chain of the portal API: claims → validation → dispatch on the route key → error handler last.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { logger, metrics, timeLimits, tracer } from '@casetasks/app/runtime';
import { MAX_JSON_BODY_BYTES, type Principal, portalClaimsSchema, prototypeKeyPath } from '@casetasks/core';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod';
import type { ZodType } from 'zod';
import {
  BodyTooLargeError,
  errorResponse,
  jsonResponse,
  RequestValidationError,
  RouteNotFoundError,
  UnauthorizedError,
} from './http-errors.js';
import { budgeted } from './time-budget.js';

export interface HttpResult {
  /** Default: the route's successStatus, else 200. */
  statusCode?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface RouteContext<P extends ZodType, Q extends ZodType, B extends ZodType, H extends ZodType = ZodType> {
  principal: Principal;
  params: z.infer<P>;
  query: z.infer<Q>;
  body: z.infer<B>;
  /** The request headers (lower-case names) as parsed by the route's `headers` schema, if any. */
  headers: z.infer<H>;
  now: Date;
  event: APIGatewayProxyEventV2;
}

export interface RouteSpec<
  P extends ZodType = ZodType,
  Q extends ZodType = ZodType,
  B extends ZodType = ZodType,
  R extends ZodType = ZodType,
  H extends ZodType = ZodType,
> {
  /** OpenAPI summary. */
  summary: string;
  /** zod schemas validated before `handle`; a 400 names each bad field. */
  params?: P;
  query?: Q;
  body?: B;
  /** Request headers the route reads (lower-case names; validated and documented like the rest). */
  headers?: H;
  /** Schema of the success body: documentation only, not re-validated at runtime. */
  response: R;
  /** Default 200 (201 for creates). */
  successStatus?: number;
  /** Method syntax on purpose: a route with narrow schemas must still fit a `RouteMap`. */
  handle(ctx: RouteContext<P, Q, B, H>): Promise<HttpResult>;
}

/** Identity helper for inference: `httpRoute({...})`. */
export const httpRoute = <
  P extends ZodType,
  Q extends ZodType,
  B extends ZodType,
  R extends ZodType,
  H extends ZodType = ZodType,
>(
  spec: RouteSpec<P, Q, B, R, H>,
): RouteSpec<P, Q, B, R, H> => spec;

/** Keyed by API Gateway route key (`GET /tasks/{id}`, see `routeKey` in functions/http/routes.ts). */
export type RouteMap = Record<string, RouteSpec>;

type HttpEvent = APIGatewayProxyEventV2;
type HttpResponse = APIGatewayProxyStructuredResultV2;

/** What the chain's middlewares leave for the dispatcher. */
interface HttpContext extends Context {
  principal?: Principal;
  input?: { params: unknown; query: unknown; body: unknown; headers: unknown };
}

type AuthorizedEvent = HttpEvent & { requestContext: { authorizer?: { jwt?: { claims?: unknown } } } };

/**
 * The caller from the JWT authorizer's claims (all strings; API Gateway flattens an array to `[a b]`).
 * Defence in depth behind the authorizer: ids outside the id grammar would reach table keys, so any
 * claim outside the portal grammar is a 401 before validation or any read.
 */
export const principalFromEvent = (event: HttpEvent): Principal => {
  const claims = portalClaimsSchema.safeParse((event as AuthorizedEvent).requestContext.authorizer?.jwt?.claims);
  if (!claims.success) throw new UnauthorizedError();
  const { sub, org_id, party, role } = claims.data;
  return { userId: sub, orgId: org_id, party, role };
};

/**
 * The body as JSON; API Gateway may base64-encode it. An absent body is `{}` so a 400 names the missing
 * fields. Bounded in size (413) before parsing, and refused where a key names the prototype: zod records
 * drop an own `__proto__`, so it would otherwise pass as an emptied record.
 */
const jsonBody = (event: HttpEvent): unknown => {
  if (event.body === undefined || event.body === null || event.body === '') return {};
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(text, 'utf8') > MAX_JSON_BODY_BYTES) throw new BodyTooLargeError(MAX_JSON_BODY_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RequestValidationError([{ field: 'body', message: 'body is not valid JSON' }]);
  }
  const prototypeKey = prototypeKeyPath(json);
  if (prototypeKey !== undefined) {
    throw new RequestValidationError([{ field: prototypeKey, message: 'a key may not name the prototype' }]);
  }
  return json;
};

const claims = (): MiddlewareObj<HttpEvent, HttpResponse, Error, HttpContext> => ({
  before: (request) => {
    request.context.principal = principalFromEvent(request.event);
  },
});

/** Validates path, query and body together so one 400 lists every bad field. */
const validation = (routes: RouteMap): MiddlewareObj<HttpEvent, HttpResponse, Error, HttpContext> => ({
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

/** One count per response class and route: alarms watch `serverErrors`; also keeps every invocation's EMF non-empty. */
const countResponse = (routeKey: string, statusCode: number) => {
  metrics.addDimension('route', routeKey);
  const name = statusCode >= 500 ? 'serverErrors' : statusCode >= 400 ? 'clientErrors' : 'successes';
  metrics.addMetric(name, MetricUnit.Count, 1);
};

/** Maps every error to the JSON error shape (and counts the answer before metrics are flushed). */
const errorHandler = (): MiddlewareObj<HttpEvent, HttpResponse, Error, HttpContext> => ({
  onError: (request) => {
    const { response, internal } = errorResponse(request.error);
    const { routeKey } = request.event;
    if (internal) logger.error('request failed', { error: request.error, routeKey });
    // A known 503 (out of time, table unreachable): nothing is wrong with the request, but someone should see it.
    else if ((response.statusCode ?? 500) >= 500)
      logger.warn('request not completed', { error: request.error, routeKey });
    else logger.info('request refused', { statusCode: response.statusCode, routeKey });
    countResponse(request.event.routeKey, response.statusCode ?? 500);
    request.response = response;
  },
});

/**
 * Observability and error mapping around any HTTP function (also the public OpenAPI function).
 * Middy runs onError handlers in reverse order of `use`: the error handler (used last) answers
 * first, then metrics are flushed and the trace closed with the error recorded.
 */
export const httpChain = (business: (event: HttpEvent, context: HttpContext) => Promise<HttpResponse>) => {
  // Ends before API Gateway gives up on the caller: no write follows a timeout answer (docs/operations.md).
  const withinBudget = budgeted('the request', business, timeLimits.apiGatewayMs);
  return middy<HttpEvent, HttpResponse, Error, HttpContext>()
    .use(captureLambdaHandler(tracer))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use(injectLambdaContext(logger, { clearState: true }))
    .use(errorHandler())
    .handler(async (event, context) => {
      const response = await withinBudget(event, context);
      countResponse(event.routeKey, response.statusCode ?? 200);
      return response;
    });
};

/** One Lambda for a route group: claims → validation → dispatch on event.routeKey → error handler last. */
export const httpHandler = (routes: RouteMap) =>
  httpChain(async (event, context) => {
    const route = routes[event.routeKey];
    const { principal, input } = context;
    if (!route || !principal || !input) throw new Error('http chain ran without claims or validation');
    const result = await route.handle({ principal, ...input, now: new Date(), event });
    return jsonResponse(result.statusCode ?? route.successStatus ?? 200, result.body, result.headers);
  })
    .use(claims())
    .use(validation(routes));
