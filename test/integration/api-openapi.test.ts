// The OpenAPI document: valid 3.1, and exactly the routes the server answers (no /local routes).
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes as actionItems } from '../../functions/http/action-items.js';
import { routes as listTasks } from '../../functions/http/list-tasks.js';
import { documentedRoutes } from '../../functions/http/openapi-document.js';
import { httpRoutes, routeKey } from '../../functions/http/routes.js';
import { routes as settings } from '../../functions/http/settings.js';
import { routes as sla } from '../../functions/http/sla.js';
import { routes as taskActions } from '../../functions/http/task-actions.js';
import { routes as taskDetail } from '../../functions/http/task-detail.js';
import { type ApiHarness, type Caller, fillPath, json, startApi } from './api-client.js';

const manager: Caller = { party: 'partner', org: 'p-doc', user: 'u-1', role: 'manager' };
const routeMaps: Record<string, Record<string, unknown>> = {
  'list-tasks': listTasks,
  'task-detail': taskDetail,
  'task-actions': taskActions,
  'action-items': actionItems,
  sla,
  settings,
};

let api: ApiHarness;
let document: Record<string, unknown>;
beforeAll(async () => {
  api = await startApi('api-openapi');
  const response = await api.call('GET', '/openapi.json');
  expect(response.status).toBe(200);
  document = json(response);
});
afterAll(async () => {
  await api.stop();
});

const operations = () => {
  const paths = document.paths as Record<string, Record<string, { security?: unknown[]; responses?: unknown }>>;
  return Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operation })),
  );
};

describe('GET /openapi.json', () => {
  it('validates as OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('documents exactly the routes of the route table, and no /local route', () => {
    const documented = operations()
      .map((operation) => operation.key)
      .sort();
    expect(documented).toEqual(httpRoutes.map(routeKey).sort());
    expect(documented.some((key) => key.includes('/local'))).toBe(false);
  });

  it('puts bearer JWT on every route but itself and the unsubscribe link, and documents the error shape', () => {
    const schemes = (document.components as { securitySchemes: Record<string, unknown> }).securitySchemes;
    expect(schemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    // A mail's unsubscribe link works without signing in (RFC 8058 one-click): public by design.
    const publicKeys = new Set([
      'GET /openapi.json',
      'GET /notifications/unsubscribe/{token}',
      'POST /notifications/unsubscribe/{token}',
    ]);
    for (const { key, operation } of operations()) {
      expect(operation.security, key).toEqual(publicKeys.has(key) ? [] : [{ bearerAuth: [] }]);
      if (publicKeys.has(key)) expect(operation.responses, key).not.toHaveProperty('401');
    }
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    expect(schemas).toHaveProperty('Error');
    expect(schemas).toHaveProperty('Task');
  });

  it('every entry file implements exactly its routes from the route table', () => {
    for (const route of httpRoutes.filter((r) => r.entry !== 'openapi')) {
      expect(Object.keys(routeMaps[route.entry] ?? {}), routeKey(route)).toContain(routeKey(route));
    }
    const implemented = Object.values(routeMaps).flatMap((map) => Object.keys(map));
    expect(implemented.sort()).toEqual(Object.keys(documentedRoutes).sort());
    expect(implemented.sort()).toEqual(
      httpRoutes
        .filter((r) => r.entry !== 'openapi')
        .map(routeKey)
        .sort(),
    );
  });

  it('the server answers every documented operation (no gateway 404) and nothing undocumented', async () => {
    const task = await api.plant({ type: 'generic', accessLevel: 'partner', orgId: 'p-doc' });
    for (const { key } of operations()) {
      const [method = 'GET', path = '/'] = key.split(' ');
      const response = await api.call(method, fillPath(path, { id: task.id, caseId: 'case-1' }), {
        as: manager,
        ...(method === 'POST' ? { body: {} } : {}),
      });
      expect(response.body, key).not.toEqual({ message: 'Not Found' });
    }
    for (const [method, path] of [
      ['DELETE', `/tasks/${task.id}`],
      ['PUT', '/tasks'],
      ['GET', '/tasks/x/y/z'],
      ['GET', '/admin'],
    ] as const) {
      const response = await api.call(method, path, { as: manager });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.body).toEqual({ message: 'Not Found' });
    }
  });
});
