// The HTTP route registry is wired everywhere: each route has its API route and integration on its group's function, its group's
// handler dispatches it, local mode serves it with that handler, and every entry file in functions/http is a registered group.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import type { RouteGroup } from '../../functions/http/route-groups.js';
import { type HttpRoute, httpRoutes, routeGroups, routeKey } from '../../functions/http/routes.js';
import { repoRoot } from '../../infra/constructs/service-function.js';
import { localLambdaContext, toApiGatewayEvent } from '../../infra/local/api-gateway.js';
import { localHandlers } from '../../infra/local/server.js';
import { buildTestApp, referencedId, resourcesOf } from '../../infra/testing/test-app.js';

/** Files of functions/http that are no route group: the registry itself and the OpenAPI document's builders. */
const notGroups = new Set([
  'chat-cleanup-docs.ts',
  'chat-cleanup-examples.ts',
  'chat-cleanup-routes.ts',
  'notifications.ts',
  'notifications-docs.ts',
  'route-groups.ts',
  'routes.ts',
  'openapi-document.ts',
  'openapi-errors.ts',
  'openapi-operation.ts',
  'openapi-media.ts',
  'openapi-headers.ts',
  'openapi-gateway.ts',
  'operation-tags.ts',
  'operation-docs.ts',
  'operation-examples.ts',
  'operation-examples-more.ts',
  'example-values.ts',
  // Routes spread into the task-actions group, their OpenAPI docs, and the builder of one task's write routes.
  'task-write-route.ts',
  'extension-routes.ts',
  'extension-docs.ts',
  // The CSV export, spread into the list-tasks group, and its OpenAPI doc.
  'task-export.ts',
  'task-export-docs.ts',
  'case-extension-routes.ts',
  'case-extension-docs.ts',
  // Routes spread into the sla group, and their OpenAPI docs.
  'sla-scorecards.ts',
  'sla-scorecards-docs.ts',
  'sla-terms.ts',
  'sla-terms-docs.ts',
  // Routes spread into the settings group, and their OpenAPI docs.
  'views.ts',
  'views-docs.ts',
  'webhooks.ts',
  'webhook-actions.ts',
  'webhooks-docs.ts',
  'webhook-deliveries.ts',
  'webhook-deliveries-docs.ts',
]);

const groupOf = (route: HttpRoute): RouteGroup => {
  const group = routeGroups.find((candidate) => candidate.entry === route.entry);
  if (!group) throw new Error(`no group ${route.entry}`);
  return group;
};

/** Claims of a valid portal caller, as API Gateway's JWT authorizer passes them. */
const claims = { sub: 'u-1', org_id: 'p-1', party: 'partner', role: 'owner' };

/** A request for `route` with a query parameter no route accepts: a group that dispatches the route answers 400 naming it. */
const probe = (route: HttpRoute) => {
  const path = route.path.replace(/\{(\w+)\}/g, '01ARZ3NDEKTSV4RRFFQ69G5FAV');
  const request = {
    method: route.method,
    url: new URL(`http://local${path}?wiringProbe=1`),
    headers: {},
    body: Buffer.from('{}'),
  };
  const pathParameters = Object.fromEntries(
    [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name ?? '', '01ARZ3NDEKTSV4RRFFQ69G5FAV']),
  );
  return toApiGatewayEvent(request, { route, pathParameters }, route.auth ? claims : undefined);
};

describe('route wiring', () => {
  // Prepare
  const { stateless, service } = buildTestApp();
  const apiRoutes = Object.values(resourcesOf(service, 'AWS::ApiGatewayV2::Route'));
  const integrations = resourcesOf(service, 'AWS::ApiGatewayV2::Integration');
  const functionIdOf = (route: HttpRoute) => {
    const fn = stateless.api.functions.get(route.entry);
    if (!fn) throw new Error(`no function for ${route.entry}`);
    return Stack.of(fn).getLogicalId(fn.node.defaultChild as CfnFunction);
  };

  it.each(httpRoutes)('$method $path has an API route whose integration invokes the $entry function', (route) => {
    const added = apiRoutes.filter((resource) => resource.Properties.RouteKey === routeKey(route));
    expect(added).toHaveLength(1);
    const target = JSON.stringify(added[0]?.Properties.Target);
    const integrationId = Object.keys(integrations).find((id) => target.includes(`"${id}"`));
    expect(integrationId).toBeDefined();
    const uri = integrationId ? integrations[integrationId]?.Properties.IntegrationUri : undefined;
    expect(referencedId(uri)).toBe(functionIdOf(route));
  });

  it('has no API route the registry does not declare', () => {
    expect(apiRoutes.map((resource) => resource.Properties.RouteKey).sort()).toEqual(httpRoutes.map(routeKey).sort());
  });

  it.each(httpRoutes)("$method $path is dispatched by its group's handler, the one local mode runs", async (route) => {
    // Prepare
    const group = groupOf(route);
    const event = probe(route);
    // Act
    const response = await group.handler(event, localLambdaContext('probe', event.requestContext.requestId));
    // Assess: the public document answers anything; every other route validates its query, so it was dispatched.
    expect(localHandlers[route.entry]).toBe(group.handler);
    expect(Object.keys(group.routes)).toContain(routeKey(route));
    if (route.entry === 'openapi') expect(response.statusCode).toBe(200);
    else {
      expect(response.statusCode, response.body).toBe(400);
      expect(JSON.parse(response.body ?? '{}').error.fields).toContainEqual({
        field: 'wiringProbe',
        message: 'unknown field',
      });
    }
  });

  it("refuses another group's route (404), so a route dispatched by the wrong function cannot pass unnoticed", async () => {
    const [first, second] = routeGroups;
    const foreign = httpRoutes.find((route) => route.entry === second?.entry);
    if (!first || !foreign) throw new Error('the registry has fewer than two groups');
    const event = probe(foreign);
    const response = await first.handler(event, localLambdaContext('probe', event.requestContext.requestId));
    expect(response.statusCode).toBe(404);
  });

  it('registers every entry file of functions/http exactly once, and each entry is a file there', () => {
    const files = readdirSync(join(repoRoot, 'functions/http')).filter(
      (name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !notGroups.has(name),
    );
    const entries = routeGroups.map((group) => group.entry);
    expect(new Set(entries).size).toBe(entries.length);
    expect(entries.map((entry) => `${entry}.ts`).sort()).toEqual(files.sort());
  });
});
