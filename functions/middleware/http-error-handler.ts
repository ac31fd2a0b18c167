// The chain's last word on errors: the JSON error answer, one log line by class, and the response count per route.
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger, metrics } from '@casetasks/app/runtime';
import type { HttpMiddleware } from './http-context.js';
import { errorResponse } from './http-response.js';

/** One count per response class and route: alarms watch `serverErrors`; also keeps every invocation's EMF non-empty. */
export const countResponse = (routeKey: string, statusCode: number): void => {
  metrics.addDimension('route', routeKey);
  const name = statusCode >= 500 ? 'serverErrors' : statusCode >= 400 ? 'clientErrors' : 'successes';
  metrics.addMetric(name, MetricUnit.Count, 1);
};

/** Maps every error to the JSON error shape (and counts the answer before metrics are flushed). */
export const errorHandler = (): HttpMiddleware => ({
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
