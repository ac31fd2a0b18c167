// The Middy chain of the state machine's Lambda steps: parse the payload with zod, run the step at the current time.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { budgeted, logger, tracer } from '@casetasks/app/runtime';
import middy from '@middy/core';
import type * as z from 'zod';

/**
 * A failing step throws (also TimeBudgetExceededError near the Lambda timeout): the state's Retry
 * decides, and every step is safe to repeat (markers, scope guards).
 */
export const stepHandler = <S extends z.ZodType, R>(
  name: string,
  schema: S,
  step: (input: z.infer<S>, now: Date) => Promise<R>,
) =>
  middy(budgeted(name, async (event: unknown): Promise<R> => step(schema.parse(event), new Date())))
    .use(captureLambdaHandler(tracer))
    .use(injectLambdaContext(logger, { clearState: true }))
    .onError((request) => {
      logger.error(`${name} failed`, { error: request.error });
    });
