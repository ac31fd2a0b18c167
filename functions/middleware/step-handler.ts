// The Middy chain of the state machine's Lambda steps: parse the payload with zod, run the step under the execution's correlation id.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import {
  budgeted,
  correlated,
  invocationId,
  logger,
  serviceNow,
  startupChecked,
  tracer,
  wellFormedCorrelationId,
} from '@casetasks/app/runtime';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod';

/** Where a step's payload carries the id of the event that started the execution (app/workflow/follow-up-contract.ts). */
const carriedIdSchema = z.object({
  correlationId: z.string().optional(),
  state: z.object({ correlationId: z.string().optional() }).optional(),
  eventId: z.string().optional(),
});

const stepCorrelationId = (event: unknown, context: Partial<Context>): string => {
  const carried = carriedIdSchema.safeParse(event).data;
  const id = carried?.correlationId ?? carried?.state?.correlationId ?? carried?.eventId;
  return wellFormedCorrelationId(id) ?? invocationId(context);
};

/**
 * A failing step throws (also TimeBudgetExceededError near the Lambda timeout): the state's Retry
 * decides, and every step is safe to repeat (markers, scope guards).
 */
export const stepHandler = <S extends z.ZodType, R>(
  name: string,
  schema: S,
  step: (input: z.infer<S>, now: Date) => Promise<R>,
) =>
  middy(
    startupChecked(
      correlated(
        stepCorrelationId,
        budgeted(name, async (event: unknown): Promise<R> => step(schema.parse(event), serviceNow())),
      ),
    ),
  )
    .use(captureLambdaHandler(tracer))
    .use(injectLambdaContext(logger, { clearState: true }))
    .onError((request) => {
      logger.error(`${name} failed`, { error: request.error });
    });
