// A write on one task of the caller (`POST /tasks/{id}/…`): the task id path parameter, no query, the task back.
import * as tasks from '@casetasks/app/tasks';
import type { ZodType } from 'zod';
import type { HttpResult, RouteContext } from '../middleware/http-context.js';
import { httpRoute } from '../middleware/http-route.js';

type TaskParams = typeof tasks.taskIdParamsSchema;
type NoQuery = typeof tasks.noQuerySchema;

/** The route of one task action: the access matrix plants other parties' and orgs' tasks at `{id}`. */
export const taskWriteRoute = <B extends ZodType, H extends ZodType = ZodType>(spec: {
  summary: string;
  body: B;
  headers?: H;
  handle(ctx: RouteContext<TaskParams, NoQuery, B, H>): Promise<HttpResult>;
}) =>
  httpRoute({
    writes: true,
    taskParam: 'id',
    params: tasks.taskIdParamsSchema,
    query: tasks.noQuerySchema,
    response: tasks.taskViewSchema,
    ...spec,
  });
