// GET /cases/{caseId}/action-items: the caller's open tasks on one case, overdue first, with the catalogue's label and CTA.
import { actionItemsSchema, caseActionItems, entityIdSchema, noQuerySchema } from '@casetasks/app/tasks';
import * as z from 'zod';
import { httpHandler } from '../middleware/http-handler.js';
import { httpRoute, type RouteMap } from '../middleware/http-route.js';

export const routes = {
  'GET /cases/{caseId}/action-items': httpRoute({
    summary: "The caller's open tasks on a case as action items, split into overdue and upcoming (by deadline)",
    params: z.strictObject({ caseId: entityIdSchema }),
    query: noQuerySchema,
    response: actionItemsSchema,
    handle: async ({ principal, params, now }) => ({ body: await caseActionItems(principal, params.caseId, now) }),
  }),
} satisfies RouteMap;

export const handler = httpHandler(routes);
