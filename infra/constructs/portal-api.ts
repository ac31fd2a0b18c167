// The portals' HTTPS API: one Lambda per group of the route registry (functions/http), JWT-authorized, logged, throttled.

import { timeLimits } from '@casetasks/app/runtime';
import { Duration, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  type HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteGroup } from '../../functions/http/route-groups.js';
import { type HttpEntry, type HttpRoute, httpRoutes, routeGroups } from '../../functions/http/routes.js';
import { listDescription, ServiceFunction } from './service-function.js';
import { grantTableAccess } from './tasks-table.js';

export interface PortalApiProps {
  table: ITableV2;
  environment: Record<string, string>;
  /** Physical API name (stage-prefixed): what the console and `aws apigatewayv2 get-apis` list. */
  apiName: string;
  jwtIssuer: string;
  jwtAudience: string[];
  corsOrigins: string[];
  rateLimit: number;
  burstLimit: number;
}

/**
 * HTTP API context variables (not the REST ones): who called which route, and why it failed if it did.
 * `requestId` is the request's correlation id unless the caller sent `x-correlation-id`;
 * `integrationRequestId` is the Lambda request id, the `function_request_id` of the function's log
 * lines, which also carry the `correlation_id` (docs/observability.md).
 */
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    routeKey: '$context.routeKey',
    status: '$context.status',
    latencyMs: '$context.responseLatency',
    responseLength: '$context.responseLength',
    sub: '$context.authorizer.claims.sub',
    orgId: '$context.authorizer.claims.org_id',
    authorizerError: '$context.authorizer.error',
    integrationError: '$context.integrationErrorMessage',
    integrationRequestId: '$context.integration.requestId',
    integrationStatus: '$context.integration.status',
    integrationLatencyMs: '$context.integration.latency',
    integrationServiceError: '$context.integration.error',
  }),
);

/** Lambda allows 256 characters of description: the routes as they fit, then how many more. */
const routesDescription = (entry: string, routes: readonly HttpRoute[]): string =>
  listDescription(
    `casetasks HTTP ${entry}`,
    routes.map((route) => `${route.method} ${route.path}`),
    'routes',
  );

export class PortalApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** One function per route group, keyed by entry (for alarms and tests). */
  readonly functions: ReadonlyMap<HttpEntry, IFunction>;

  constructor(scope: Construct, id: string, props: PortalApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      apiName: props.apiName,
      description: 'casetasks portal API',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.corsOrigins,
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.OPTIONS],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-correlation-id'],
        // Readable by the portals: the id the answer was logged under, and whether a create was a replay.
        exposeHeaders: ['x-correlation-id', 'idempotent-replayed'],
        maxAge: Duration.hours(1),
      },
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit, burstLimit: props.burstLimit },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: accessLogFormat },
    });

    const authorizer = new HttpJwtAuthorizer('PortalJwt', props.jwtIssuer, {
      jwtAudience: props.jwtAudience,
      identitySource: ['$request.header.Authorization'],
    });
    const functions = new Map<HttpEntry, IFunction>();
    for (const group of routeGroups) {
      const routes = httpRoutes.filter((route) => route.entry === group.entry);
      const fn = this.routeGroupFunction(group, routes, props);
      functions.set(group.entry, fn);
      const integration = new HttpLambdaIntegration(`${group.entry}-integration`, fn);
      for (const route of routes) {
        const added = this.api.addRoutes({
          path: route.path,
          methods: [HttpMethod[route.method]],
          integration,
          authorizer: route.auth ? authorizer : new HttpNoneAuthorizer(),
        });
        if (!route.auth) {
          for (const publicRoute of added) {
            Validations.of(publicRoute).acknowledge({
              id: 'AwsSolutions-APIG4',
              reason: `${route.method} ${route.path} is public by design (auth: false next to its handler in functions/http).`,
            });
          }
        }
      }
    }
    this.functions = functions;
  }

  /** The group's function with the narrowest table grant its routes allow. */
  private routeGroupFunction(group: RouteGroup, routes: HttpRoute[], props: PortalApiProps): IFunction {
    const { fn } = new ServiceFunction(this, group.entry, {
      entry: `functions/http/${group.entry}.ts`,
      description: routesDescription(group.entry, routes),
      environment: props.environment,
      holidays: group.holidays,
      // Inside API Gateway's 30 s: the function's own budget answers before the gateway gives up.
      timeout: Duration.millis(timeLimits.httpFunctionMs),
    });
    if (group.tableFree) return fn;
    grantTableAccess(props.table, fn, routes.some((route) => route.writes) ? 'readWrite' : 'read');
    return fn;
  }
}
