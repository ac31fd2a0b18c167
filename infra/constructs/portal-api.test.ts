// The HTTP API follows functions/http/routes.ts row by row: JWT on every non-public route, one function per entry.

import { timeLimits } from '@casetasks/app/runtime';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { httpRoutes, routeKey } from '../../functions/http/routes.js';
import { buildTestApp, referencedId, resourcesOf, roleOfFunction, statementsOfRole } from '../testing/test-app.js';
import { tableActions } from './tasks-table.js';

const writeActions = tableActions.readWrite.filter(
  (action) => !(tableActions.read as readonly string[]).includes(action),
);

describe('PortalApi', () => {
  // Prepare
  const { service } = buildTestApp();
  const routes = resourcesOf(service, 'AWS::ApiGatewayV2::Route');
  const integrations = resourcesOf(service, 'AWS::ApiGatewayV2::Integration');
  const functions = resourcesOf(service, 'AWS::Lambda::Function');
  const [authorizerId] = Object.keys(resourcesOf(service, 'AWS::ApiGatewayV2::Authorizer'));

  /** Route key → the Lambda function resource its integration invokes. */
  const functionOfRoute = (key: string) => {
    const route = Object.values(routes).find((r) => r.Properties.RouteKey === key);
    const target = JSON.stringify(route?.Properties.Target);
    const integrationId = Object.keys(integrations).find((id) => target.includes(`"${id}"`));
    const uri = integrationId ? integrations[integrationId]?.Properties.IntegrationUri : undefined;
    const fnId = referencedId(uri);
    return fnId ? { id: fnId, fn: functions[fnId] } : undefined;
  };

  it('has a JWT authorizer with the issuer and audience of the stage', () => {
    service.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: 'https://issuer.synth-check.invalid/', Audience: ['synth-check'] },
    });
  });

  it('has exactly one route per row of the route table', () => {
    expect(
      Object.values(routes)
        .map((r) => r.Properties.RouteKey)
        .sort(),
    ).toEqual(httpRoutes.map(routeKey).sort());
  });

  it.each(httpRoutes.filter((route) => route.auth))('puts the JWT authorizer on $method $path', (route) => {
    service.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: routeKey(route),
      AuthorizationType: 'JWT',
      AuthorizerId: { Ref: authorizerId },
    });
  });

  it.each(httpRoutes.filter((route) => !route.auth))('leaves $method $path public', (route) => {
    service.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: routeKey(route),
      AuthorizationType: 'NONE',
      AuthorizerId: Match.absent(),
    });
  });

  it.each(httpRoutes)('sends $method $path to the function of its entry ($entry)', (route) => {
    const target = functionOfRoute(routeKey(route));
    // The description names the entry (all its routes while they fit Lambda's 256 characters).
    expect(target?.fn?.Properties.Description).toMatch(new RegExp(`^casetasks HTTP ${route.entry}: `));
    const sameEntry = httpRoutes.filter((other) => other.entry === route.entry).map(routeKey);
    for (const key of sameEntry) expect(functionOfRoute(key)?.id).toBe(target?.id);
  });

  it.each([...new Set(httpRoutes.map((route) => route.entry))])(
    'grants %s only the table access its routes need',
    (entry) => {
      const rows = httpRoutes.filter((route) => route.entry === entry);
      const [first] = rows;
      const target = first && functionOfRoute(routeKey(first));
      if (!target?.fn) throw new Error(`no function for ${entry}`);
      const actions = statementsOfRole(service, roleOfFunction(target.fn)).flatMap((statement) => statement.Action);
      const dynamo = actions.filter((action) => action.startsWith('dynamodb:'));
      if (entry === 'openapi') expect(dynamo).toEqual([]);
      else if (rows.some((route) => route.writes)) expect(dynamo).toEqual(expect.arrayContaining([...writeActions]));
      else {
        expect(dynamo.length).toBeGreaterThan(0);
        expect(dynamo.filter((action) => writeActions.includes(action as never))).toEqual([]);
      }
      expect(dynamo).not.toContain('dynamodb:Scan');
    },
  );

  it("gives every route function a timeout inside API Gateway's, so its time budget answers first", () => {
    const timeouts = new Set(httpRoutes.map((route) => functionOfRoute(routeKey(route))?.fn?.Properties.Timeout));
    expect([...timeouts]).toEqual([timeLimits.httpFunctionMs / 1000]);
    expect(timeLimits.httpFunctionMs).toBeLessThan(timeLimits.apiGatewayMs);
  });

  it('logs access, throttles and allows the portal origins', () => {
    service.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.anyValue() },
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
    });
    service.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      Name: 'casetasks-synth-check-portal',
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ['https://portal.synth-check.invalid'],
        AllowHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-correlation-id'],
        ExposeHeaders: ['x-correlation-id', 'idempotent-replayed'],
      }),
    });
  });

  it('logs the request id, the Lambda request id and the integration outcome of every access', () => {
    const stages = Object.values(service.findResources('AWS::ApiGatewayV2::Stage'));
    const format = JSON.parse(String(stages[0]?.Properties.AccessLogSettings.Format));
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      integrationRequestId: '$context.integration.requestId',
      integrationStatus: '$context.integration.status',
      integrationLatencyMs: '$context.integration.latency',
      integrationServiceError: '$context.integration.error',
      integrationError: '$context.integrationErrorMessage',
    });
  });

  it('takes CORS origins and audiences from comma-separated -c values too', { timeout: 60_000 }, () => {
    // Act
    const { service: overridden } = buildTestApp({
      corsOrigins: 'https://a.example,https://b.example',
      jwtAudience: 'x',
    });
    // Assess
    overridden.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://a.example', 'https://b.example'] }),
    });
    overridden.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      JwtConfiguration: Match.objectLike({ Audience: ['x'] }),
    });
  });

  it('refuses to synthesize without a valid JWT issuer', { timeout: 60_000 }, () => {
    expect(() => buildTestApp({ jwtIssuer: 'not a url' })).toThrow(/jwtIssuer/);
  });
});
