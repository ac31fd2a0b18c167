// The Middy chain of scheduled jobs: Powertools context, metrics and tracing around `run`, the run's id as correlation id.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { JobInput, JobSummary, ScheduledJob } from '@casetasks/app/jobs';
import { budgeted, correlated, invocationId, logger, metrics, startupChecked, tracer } from '@casetasks/app/runtime';
import middy from '@middy/core';

/**
 * EventBridge Scheduler / rule input: the job may be invoked with `{}` or a JobInput. Jobs stop
 * starting work before their own budget (docs/workflow-and-jobs.md); the invocation's time budget is
 * the backstop: no write after it, and the error lets the next run resume.
 */
export const scheduledHandler = ({ name: job, run }: Pick<ScheduledJob, 'name' | 'run'>) =>
  middy(
    // The run's id is its invocation's (Lambda's request id): one run, one invocation; a resumed run is a new one.
    startupChecked(
      correlated(
        (_: JobInput | undefined, context: { awsRequestId?: string }) => invocationId(context),
        budgeted(job, async (event: JobInput | undefined): Promise<JobSummary> => {
          const summary = await run({
            ...(event?.now ? { now: event.now } : {}),
            ...(event?.checkpoint ? { checkpoint: event.checkpoint } : {}),
          });
          logger.info(`${job} finished`, { summary });
          return summary;
        }),
      ),
    ),
  )
    .use(captureLambdaHandler(tracer))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use(injectLambdaContext(logger, { clearState: true }))
    .onError((request) => {
      logger.error(`${job} failed`, { error: request.error });
    });
