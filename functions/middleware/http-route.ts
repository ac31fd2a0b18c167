// A route of the portal API as its group declares it: metadata for infra and tests, zod schemas, and the use case call.
import type { ZodType } from 'zod';
import type { HttpResult, RouteContext } from './http-context.js';

export interface RouteSpec<
  P extends ZodType = ZodType,
  Q extends ZodType = ZodType,
  B extends ZodType = ZodType,
  R extends ZodType = ZodType,
  H extends ZodType = ZodType,
> {
  /** OpenAPI summary. */
  summary: string;
  /** Default true: behind the JWT authorizer, with claims. false only for GET /openapi.json. */
  auth?: boolean;
  /** Writes to the table: drives the function's table grant and the "nothing written" checks. */
  writes?: boolean;
  /** Path parameter naming a task: the access matrix plants another party's or org's task there. */
  taskParam?: 'id';
  /** Partner organisations only (403 for creditors). */
  partnerOnly?: boolean;
  /** The org's owners only (403 for managers and contributors). */
  ownerOnly?: boolean;
  /** Creditor organisations only (403 for partners). */
  creditorOnly?: boolean;
  /** Path parameter naming a case that only its creditor and partner see (404 for anyone else). */
  caseParam?: 'caseId';
  /** zod schemas validated before `handle` (request headers: lower-case names); a 400 names each bad field. */
  params?: P;
  query?: Q;
  body?: B;
  headers?: H;
  /** Schema of the success body: documentation only, not re-validated at runtime. */
  response: R;
  /** The route also answers `Accept: text/csv` with this rendering (documented beside the JSON body); `only`: CSV alone. */
  csv?: { example: string; only?: boolean };
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

/** A route group's routes, keyed by API Gateway route key (`GET /tasks/{id}`): what its function dispatches on. */
export type RouteMap = Record<string, RouteSpec>;
