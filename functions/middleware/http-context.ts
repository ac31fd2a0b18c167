// The types the HTTP chain shares: API Gateway's v2 event and result, what each step leaves behind, what a route gets and gives.
import type { Principal } from '@casetasks/core';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod';
import type { ZodType } from 'zod';

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResponse = APIGatewayProxyStructuredResultV2;

/** What the chain's middlewares leave for the dispatcher. */
export interface HttpContext extends Context {
  /** Set first (http-correlation.ts): logged on every line, echoed in `x-correlation-id`, stored with outbox items. */
  correlationId?: string;
  principal?: Principal;
  input?: { params: unknown; query: unknown; body: unknown; headers: unknown };
}

export type HttpMiddleware = MiddlewareObj<HttpEvent, HttpResponse, Error, HttpContext>;

export interface HttpResult {
  /** Default: the route's successStatus, else 200. */
  statusCode?: number;
  body: unknown;
  headers?: Record<string, string>;
  /** A body already rendered in another media type (e.g. text/csv): sent as is instead of `body` as JSON. */
  rendered?: { contentType: string; text: string };
}

export interface RouteContext<P extends ZodType, Q extends ZodType, B extends ZodType, H extends ZodType = ZodType> {
  principal: Principal;
  params: z.infer<P>;
  query: z.infer<Q>;
  body: z.infer<B>;
  /** The request headers (lower-case names) as parsed by the route's `headers` schema, if any. */
  headers: z.infer<H>;
  now: Date;
  event: HttpEvent;
}
