// POST /cases/{caseId}/update-extension (issue 19): the case's partner asks the creditor for more days before its next status update.
import * as tasks from '@casetasks/app/tasks';
import * as z from 'zod';
import { replayAware } from '../middleware/http-replay.js';
import { httpRoute, type RouteMap } from '../middleware/http-route.js';

/** Spread into the extension routes (task-actions group): the same function and table grant. */
export const caseExtensionRoutes = {
  'POST /cases/{caseId}/update-extension': httpRoute({
    summary:
      'Ask the creditor for more calendar days before the next status update of a case is due (optional Idempotency-Key header)',
    writes: true,
    caseParam: 'caseId',
    params: z.strictObject({ caseId: tasks.entityIdSchema }),
    query: tasks.noQuerySchema,
    headers: tasks.createTaskHeadersSchema,
    body: tasks.updateExtensionBodySchema,
    response: tasks.caseUpdateExtensionsSchema,
    handle: async ({ principal, params, body, now, headers }) => {
      const { view, replayed } = await tasks.requestCaseUpdateExtension(
        principal,
        params.caseId,
        body,
        now,
        headers['idempotency-key'],
      );
      return replayAware(view, replayed);
    },
  }),
} satisfies RouteMap;
