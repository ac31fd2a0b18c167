// Powertools Logger, Metrics and Tracer: set up once, injected into every chain by the middleware.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'casetasks';

export const logger = new Logger({ serviceName });
export const metrics = new Metrics({ serviceName, namespace: 'casetasks' });
export const tracer = new Tracer({ serviceName });
