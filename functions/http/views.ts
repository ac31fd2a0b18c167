// GET/POST /views, PUT /views/{viewId}, POST /views/{viewId}/delete: saved filter sets of GET /tasks (issue 20).

import { noQuerySchema } from '@casetasks/app/tasks';
import {
  changeView,
  createView,
  deleteView,
  listViews,
  savedViewChangeSchema,
  savedViewCreateSchema,
  savedViewDeleteSchema,
  savedViewListSchema,
  savedViewParamsSchema,
  savedViewViewSchema,
} from '@casetasks/app/views';
import * as z from 'zod';
import { httpRoute, type RouteMap } from '../middleware/http-route.js';

/** Spread into the `settings` group (functions/http/settings.ts): same table grant, one Lambda less. */
export const viewRoutes = {
  'GET /views': httpRoute({
    summary: "The caller's saved views and those shared in its org and party (any role)",
    query: noQuerySchema,
    response: savedViewListSchema,
    handle: async ({ principal }) => ({ body: await listViews(principal) }),
  }),
  'POST /views': httpRoute({
    summary: 'Save a named filter set of GET /tasks (any role; `shared` by owners only); at most 50 per user',
    writes: true,
    query: noQuerySchema,
    body: savedViewCreateSchema,
    response: savedViewViewSchema,
    successStatus: 201,
    handle: async ({ principal, body, now }) => ({ body: await createView(principal, body, now) }),
  }),
  'PUT /views/{viewId}': httpRoute({
    summary: 'Replace one of your saved views at `expectedVersion` (409 when it changed since)',
    writes: true,
    params: savedViewParamsSchema,
    query: noQuerySchema,
    body: savedViewChangeSchema,
    response: savedViewViewSchema,
    handle: async ({ principal, params, body, now }) => ({
      body: await changeView(principal, params.viewId, body, now),
    }),
  }),
  'POST /views/{viewId}/delete': httpRoute({
    summary: 'Delete one of your saved views (and its shared copy)',
    writes: true,
    params: savedViewParamsSchema,
    query: noQuerySchema,
    body: savedViewDeleteSchema,
    response: z.object({ id: z.string(), deleted: z.literal(true) }),
    handle: async ({ principal, params, body }) => ({ body: await deleteView(principal, params.viewId, body) }),
  }),
} satisfies RouteMap;
