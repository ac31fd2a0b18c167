// The Middy chain of the portal API: claims → validation → dispatch on the route key → error handler last.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import {
  budgeted,
  invocationId,
  logger,
  metrics,
  serviceNow,
  startupChecked,
  timeLimits,
  tracer,
  withCorrelation,
} from '@casetasks/app/runtime';
import middy from '@middy/core';
import { claims } from './http-claims.js';
import type { HttpContext, HttpEvent, HttpResponse } from './http-context.js';
import { correlation } from './http-correlation.js';
import { countResponse, errorHandler } from './http-error-handler.js';
import { jsonResponse } from './http-response.js';
import type { RouteMap } from './http-route.js';
import { validation } from './http-validation.js';

/**
 * Observability and error mapping around any HTTP function (also the public OpenAPI function). Middy runs onError
 * handlers in reverse order of `use`: the error handler (used last) answers first, the correlation id is added to
 * its answer, then metrics are flushed and the trace closed with the error recorded.
 */
export const httpChain = (business: (event: HttpEvent, context: HttpContext) => Promise<HttpResponse>) => {
  // Ends before API Gateway gives up on the caller: no write follows a timeout answer (docs/operations.md).
  const withinBudget = startupChecked(budgeted('the request', business, timeLimits.apiGatewayMs));
  return middy<HttpEvent, HttpResponse, Error, HttpContext>()
    .use(captureLambdaHandler(tracer))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use(injectLambdaContext(logger, { clearState: true }))
    .use(correlation())
    .use(errorHandler())
    .handler(async (event, context) => {
      const correlationId = context.correlationId ?? invocationId(context);
      const response = await withCorrelation(correlationId, () => withinBudget(event, context));
      countResponse(event.routeKey, response.statusCode ?? 200);
      return response;
    });
};

/** One Lambda for a route group: claims → validation → dispatch on event.routeKey → error handler last. */
export const httpHandler = (routes: RouteMap) =>
  httpChain(async (event, context) => {
    const route = routes[event.routeKey];
    const { principal, input } = context;
    if (!route || !input || (!principal && route.auth !== false)) throw new Error('ran without claims'); // public: none
    const result = await route.handle({ principal: principal as never, ...input, now: serviceNow(), event });
    const response = jsonResponse(result.statusCode ?? route.successStatus ?? 200, result.body, result.headers);
    const { rendered } = result;
    if (!rendered) return response;
    return { ...response, headers: { ...response.headers, 'content-type': rendered.contentType }, body: rendered.text };
  })
    .use(claims(routes))
    .use(validation(routes));
