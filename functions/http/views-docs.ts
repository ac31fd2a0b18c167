// OpenAPI operation docs and examples of the saved-view routes (functions/http/views.ts).
import type { OperationExample } from './example-values.js';
import { ORG_ID, USER_ID } from './example-values.js';
import { doc, type OperationDoc } from './operation-tags.js';

export const viewDocs: Record<string, OperationDoc> = {
  'GET /views': doc('listSavedViews', 'Tasks', 'Your saved views, then those shared in your org (read-only).'),
  'POST /views': doc('createSavedView', 'Tasks', 'Saves a named filter set of GET /tasks; 409 beyond 50.'),
  'PUT /views/{viewId}': doc('changeSavedView', 'Tasks', 'Replaces one of your views; 409 on a stale version.'),
  'POST /views/{viewId}/delete': doc('deleteSavedView', 'Tasks', 'Deletes one of your views and its shared copy.'),
};

const at = '2026-11-24T12:00:00.000Z';
const filters = { status: 'open', tab: 'case-updates', assignee: 'me' };
const view = {
  ...{ id: '01jq3v7k8m9n0p1q2r3s4t5v6w', party: 'partner', orgId: ORG_ID, ownerId: USER_ID },
  ...{ name: 'My overdue', filters, shared: false, version: 1, createdAt: at, updatedAt: at, editable: true },
};

export const viewExamples: Record<string, OperationExample> = {
  'GET /views': { response: { items: [view] } },
  'POST /views': { request: { name: 'My overdue', filters }, response: view },
  'PUT /views/{viewId}': {
    request: { name: 'My overdue', filters, shared: false, expectedVersion: 1 },
    response: { ...view, version: 2 },
  },
  'POST /views/{viewId}/delete': { request: { expectedVersion: 1 }, response: { id: view.id, deleted: true } },
};
