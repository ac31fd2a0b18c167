// PUT and GET /sla/terms (a creditor's SLA terms) and GET /cases/{caseId}/sla-terms (the terms in force for a case).
import {
  caseSlaTerms,
  caseSlaTermsSchema,
  readSlaTerms,
  setSlaTerms,
  slaTermsBodySchema,
  slaTermsQuerySchema,
  slaTermsViewSchema,
} from '@casetasks/app/sla';
import { entityIdSchema, noQuerySchema } from '@casetasks/app/tasks';
import * as z from 'zod';
import { httpRoute, type RouteMap } from '../middleware/http-route.js';

/** Spread into the `sla` group's routes (functions/http/sla.ts): one Lambda serves every SLA route. */
export const slaTermsRoutes = {
  'PUT /sla/terms': httpRoute({
    summary: "Set the caller creditor's SLA terms, or its agreement with one partner (owners only); effective now",
    writes: true,
    ownerOnly: true,
    creditorOnly: true,
    query: noQuerySchema,
    body: slaTermsBodySchema,
    response: slaTermsViewSchema,
    handle: async ({ principal, body, now }) => ({ body: await setSlaTerms(principal, body, now) }),
  }),
  'GET /sla/terms': httpRoute({
    summary: "The caller creditor's SLA terms in force and its newest versions (any role)",
    creditorOnly: true,
    query: slaTermsQuerySchema,
    response: slaTermsViewSchema,
    handle: async ({ principal, query, now }) => ({ body: await readSlaTerms(principal, query, now) }),
  }),
  'GET /cases/{caseId}/sla-terms': httpRoute({
    summary: 'The SLA terms in force now for a case, value by value with where each comes from (both parties)',
    caseParam: 'caseId',
    params: z.strictObject({ caseId: entityIdSchema }),
    query: noQuerySchema,
    response: caseSlaTermsSchema,
    handle: async ({ principal, params, now }) => ({ body: await caseSlaTerms(principal, params.caseId, now) }),
  }),
} satisfies RouteMap;
