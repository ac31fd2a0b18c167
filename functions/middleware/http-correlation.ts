// The request's correlation id: a caller's well-formed `x-correlation-id`, else API Gateway's request id; logged and echoed.
import { invocationId, logCorrelationId, wellFormedCorrelationId } from '@casetasks/app/runtime';
import type { HttpContext, HttpEvent, HttpMiddleware, HttpResponse } from './http-context.js';

/** Request and response header (lower-case: API Gateway's v2 payload lower-cases header names). */
export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * A malformed header (outside the id grammar, or repeated: API Gateway joins the values with commas)
 * is ignored, never a 400: the id is only for joining logs, and the caller reads the one used.
 */
export const requestCorrelationId = (event: HttpEvent, context: Partial<HttpContext>): string =>
  wellFormedCorrelationId(event.headers?.[CORRELATION_HEADER]) ||
  event.requestContext?.requestId ||
  invocationId(context);

const echo = (response: HttpResponse | null | undefined, correlationId: string | undefined): void => {
  if (response && correlationId) response.headers = { ...response.headers, [CORRELATION_HEADER]: correlationId };
};

/** Runs first in the chain, so the claims and validation refusals are logged with the id and answered with it too. */
export const correlation = (): HttpMiddleware => ({
  before: (request) => {
    request.context.correlationId = requestCorrelationId(request.event, request.context);
    logCorrelationId(request.context.correlationId);
  },
  after: (request) => echo(request.response, request.context.correlationId),
  onError: (request) => echo(request.response, request.context.correlationId),
});
