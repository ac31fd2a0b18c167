// The media types of a route's success body in the OpenAPI document: JSON, CSV beside it, or CSV alone.
import * as z from 'zod';
import type { RouteSpec } from '../middleware/http-route.js';

export const successMedia = (spec: RouteSpec, example: unknown) => ({
  ...(spec.csv?.only ? {} : { 'application/json': { schema: spec.response, example } }),
  ...(spec.csv ? { 'text/csv': { schema: z.string(), example: spec.csv.example } } : {}),
});
