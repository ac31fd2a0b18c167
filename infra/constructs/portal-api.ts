// The portals' HTTPS API: one Lambda per route group of functions/http/routes.ts, JWT-authorized, logged, throttled.

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
import { type HttpRoute, httpRoutes } from '../../functions/http/routes.js';
import { ServiceFunction } from './service-function.js';
import { grantTableAccess } from './tasks-table.js';

type HttpEntry = HttpRoute['entry'];

/** Entries that never touch the table (the OpenAPI document is built from code): no table grant at all. */
const tableFreeEntries: ReadonlySet<HttpEntry> = new Set<HttpEntry>(['openapi']);
/** Route groups that build org working calendars (deadlines, re-plans, settings checks): they carry date-holidays. */
const orgCalendarEntries: ReadonlySet<HttpEntry> = new Set<HttpEntry>(['task-actions', 'settings']);

export interface PortalApiProps {
  table: ITableV2;
  environment: Record<string, string>;
  jwtIssuer: string;
  jwtAudience: string[];
  corsOrigins: string[];
  rateLimit: number;
  burstLimit: number;
}

/** HTTP API context variables (not the REST ones): who called which route, and why it failed if it did. */
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
  }),
);

/** Route rows grouped by their entry file, in table order (Map.groupBy needs Node 21). */
const routesByEntry = (): Map<HttpEntry, HttpRoute[]> => {
  const groups = new Map<HttpEntry, HttpRoute[]>();
  for (const route of httpRoutes) groups.set(route.entry, [...(groups.get(route.entry) ?? []), route]);
  return groups;
};

export class PortalApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** One function per route group, keyed by entry (for alarms and tests). */
  readonly functions: ReadonlyMap<HttpEntry, IFunction>;

  constructor(scope: Construct, id: string, props: PortalApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      description: 'casetasks portal API',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.corsOrigins,
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.OPTIONS],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
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
    for (const [entry, routes] of routesByEntry()) {
      const fn = this.routeGroupFunction(entry, routes, props);
      functions.set(entry, fn);
      const integration = new HttpLambdaIntegration(`${entry}-integration`, fn);
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
              reason: `${route.method} ${route.path} is public by design (auth: false in functions/http/routes.ts).`,
            });
          }
        }
      }
    }
    this.functions = functions;
  }

  /** The group's function with the narrowest table grant its routes allow. */
  private routeGroupFunction(entry: HttpEntry, routes: HttpRoute[], props: PortalApiProps): IFunction {
    const { fn } = new ServiceFunction(this, entry, {
      entry: `functions/http/${entry}.ts`,
      description: `casetasks HTTP: ${routes.map((route) => `${route.method} ${route.path}`).join(', ')}`,
      environment: props.environment,
      orgCalendars: orgCalendarEntries.has(entry),
      // Inside API Gateway's 30 s: the function's own budget answers before the gateway gives up.
      timeout: Duration.millis(timeLimits.httpFunctionMs),
    });
    if (tableFreeEntries.has(entry)) return fn;
    grantTableAccess(props.table, fn, routes.some((route) => route.writes) ? 'readWrite' : 'read');
    return fn;
  }
}
