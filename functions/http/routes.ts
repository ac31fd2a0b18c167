// The HTTP route table: the one list the local emulator, the CDK API, the OpenAPI check and the access matrix read.
export type HttpMethod = 'GET' | 'POST' | 'PUT';

export interface HttpRoute {
  method: HttpMethod;
  /** API Gateway v2 route path, `{param}` style. */
  path: string;
  /** Lambda entry file under functions/http (one function per route group). */
  entry: 'list-tasks' | 'task-detail' | 'task-actions' | 'action-items' | 'sla' | 'settings' | 'openapi';
  /** false only for GET /openapi.json. */
  auth: boolean;
  /** Whether the route writes (drives table grants and the "nothing written" checks). */
  writes: boolean;
  /** Path parameter naming a task: the access matrix plants another party's/org's task there. */
  taskParam?: 'id';
  partnerOnly?: boolean;
  /** Only the org's owners may call it (403 for managers and contributors). */
  ownerOnly?: boolean;
}

export const httpRoutes: readonly HttpRoute[] = [
  { method: 'GET', path: '/tasks', entry: 'list-tasks', auth: true, writes: false },
  { method: 'GET', path: '/tasks/summary', entry: 'list-tasks', auth: true, writes: false },
  { method: 'GET', path: '/tasks/{id}', entry: 'task-detail', auth: true, writes: false, taskParam: 'id' },
  { method: 'GET', path: '/tasks/{id}/history', entry: 'task-detail', auth: true, writes: false, taskParam: 'id' },
  { method: 'POST', path: '/tasks', entry: 'task-actions', auth: true, writes: true },
  { method: 'POST', path: '/tasks/bulk', entry: 'task-actions', auth: true, writes: true },
  { method: 'POST', path: '/tasks/{id}/postpone', entry: 'task-actions', auth: true, writes: true, taskParam: 'id' },
  { method: 'POST', path: '/tasks/{id}/assign', entry: 'task-actions', auth: true, writes: true, taskParam: 'id' },
  { method: 'POST', path: '/tasks/{id}/complete', entry: 'task-actions', auth: true, writes: true, taskParam: 'id' },
  { method: 'POST', path: '/tasks/{id}/calls', entry: 'task-actions', auth: true, writes: true, taskParam: 'id' },
  { method: 'GET', path: '/cases/{caseId}/action-items', entry: 'action-items', auth: true, writes: false },
  { method: 'GET', path: '/sla/score', entry: 'sla', auth: true, writes: false, partnerOnly: true },
  { method: 'GET', path: '/sla/cases', entry: 'sla', auth: true, writes: false, partnerOnly: true },
  { method: 'GET', path: '/settings/calendar', entry: 'settings', auth: true, writes: false },
  { method: 'PUT', path: '/settings/calendar', entry: 'settings', auth: true, writes: true, ownerOnly: true },
  { method: 'GET', path: '/settings/reminders', entry: 'settings', auth: true, writes: false },
  { method: 'PUT', path: '/settings/reminders', entry: 'settings', auth: true, writes: true, ownerOnly: true },
  { method: 'GET', path: '/settings/auto-assignment', entry: 'settings', auth: true, writes: false },
  {
    method: 'PUT',
    path: '/settings/auto-assignment',
    entry: 'settings',
    auth: true,
    writes: true,
    ownerOnly: true,
  },
  { method: 'GET', path: '/openapi.json', entry: 'openapi', auth: false, writes: false },
];

/** API Gateway v2 route key, e.g. `GET /tasks/{id}`: what handlers dispatch on. */
export const routeKey = (route: Pick<HttpRoute, 'method' | 'path'>): string => `${route.method} ${route.path}`;
