// The periodic jobs: chat cleanup at 02:00 UTC, deadline reminders hourly, monthly surveys daily, on EventBridge Scheduler.

import type { JobName } from '@casetasks/app/jobs';
import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression, ScheduleTargetInput, TimeWindow } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { DeadLetterQueue } from './dead-letter-queue.js';
import { acknowledgeWildcardResource } from './nag.js';
import { ServiceFunction } from './service-function.js';
import { grantTableAccess } from './tasks-table.js';

export interface NightlyJobsProps {
  table: ITableV2;
  environment: Record<string, string>;
  /** The one model the chat cleanup may invoke: a foundation-model id or a cross-region inference profile id. */
  bedrockModelId: string;
}

interface JobSpec {
  description: string;
  schedule: ScheduleExpression;
  timeout: Duration;
  memorySize: number;
  /** Builds org working calendars (see ServiceFunction). */
  orgCalendars: boolean;
}

const utc = TimeZone.ETC_UTC;

export const jobSpecs: Record<JobName, JobSpec> = {
  'chat-cleanup': {
    description: 'casetasks nightly chat cleanup (Bedrock judge), from 02:00 UTC',
    // Starts at 02:00; the quarter-hourly ticks until 05:45 continue a night that hit its time budget
    // from the checkpoint (a finished night costs one conditional read per party and does nothing).
    schedule: ScheduleExpression.cron({ minute: '0/15', hour: '2-5', timeZone: utc }),
    // The run is resumable; 15 minutes is Lambda's ceiling and the job's own time budget stays below it.
    timeout: Duration.minutes(15),
    memorySize: 1024,
    orgCalendars: false,
  },
  'deadline-reminders': {
    description: 'casetasks deadline reminders and daily digest, hourly',
    schedule: ScheduleExpression.cron({ minute: '0', timeZone: utc }),
    timeout: Duration.minutes(5),
    memorySize: 512,
    orgCalendars: true,
  },
  'monthly-surveys': {
    description: 'casetasks monthly case survey tasks, daily 03:00 UTC',
    schedule: ScheduleExpression.cron({ minute: '0', hour: '3', timeZone: utc }),
    timeout: Duration.minutes(5),
    memorySize: 512,
    orgCalendars: true,
  },
};

/** Cross-region inference profiles are named `<geo>.<model id>`. */
const inferenceProfilePrefix = /^(us|eu|apac|us-gov|global)\./;

export class NightlyJobs extends Construct {
  readonly functions: ReadonlyMap<JobName, IFunction>;

  constructor(scope: Construct, id: string, props: NightlyJobsProps) {
    super(scope, id);
    const functions = new Map<JobName, IFunction>();
    for (const [job, spec] of Object.entries(jobSpecs) as [JobName, JobSpec][]) {
      const isCleanup = job === 'chat-cleanup';
      const environment = isCleanup
        ? { ...props.environment, CHAT_JUDGE: 'bedrock', BEDROCK_MODEL_ID: props.bedrockModelId }
        : props.environment;
      functions.set(job, this.job(job, spec, props.table, environment));
    }
    const cleanup = functions.get('chat-cleanup');
    if (cleanup) this.allowModel(cleanup, props.bedrockModelId);
    this.functions = functions;
  }

  private job(job: JobName, spec: JobSpec, table: ITableV2, environment: Record<string, string>): IFunction {
    const group = new Construct(this, job);
    const { fn } = new ServiceFunction(group, 'Handler', {
      entry: `functions/scheduled/${job}.ts`,
      description: spec.description,
      environment,
      timeout: spec.timeout,
      memorySize: spec.memorySize,
      orgCalendars: spec.orgCalendars,
    });
    grantTableAccess(table, fn, 'readWrite');
    // A failed run is retried once; every job is idempotent and resumes from its checkpoint.
    fn.configureAsyncInvoke({ retryAttempts: 1 });
    const undelivered = new DeadLetterQueue(
      group,
      'DeliveryDlq',
      `${job}: schedule invocations that could not be delivered`,
    );
    // Own role per schedule (not the stack-wide shared one) so its one wildcard can be acknowledged here.
    const invoker = new Role(group, 'SchedulerRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    acknowledgeWildcardResource(
      invoker,
      `${fn.functionArn}:*`,
      'lambda:InvokeFunction on this one function and its versions/aliases (the scheduler target grant).',
    );
    new Schedule(group, 'Schedule', {
      description: spec.description,
      schedule: spec.schedule,
      timeWindow: TimeWindow.off(),
      target: new LambdaInvoke(fn, {
        role: invoker,
        input: ScheduleTargetInput.fromObject({}),
        retryAttempts: 3,
        maxEventAge: Duration.hours(1),
        deadLetterQueue: undelivered.queue,
      }),
    });
    return fn;
  }

  /** `bedrock:InvokeModel` (the Converse API's permission) on the configured model only. */
  private allowModel(fn: IFunction, modelId: string): void {
    const stack = Stack.of(this);
    const foundationModel = (region: string, id: string) =>
      stack.formatArn({ service: 'bedrock', region, account: '', resource: 'foundation-model', resourceName: id });
    const profile = inferenceProfilePrefix.test(modelId);
    const resources = profile
      ? [
          stack.formatArn({ service: 'bedrock', resource: 'inference-profile', resourceName: modelId }),
          foundationModel('*', modelId.replace(inferenceProfilePrefix, '')),
        ]
      : [foundationModel(stack.region, modelId)];
    fn.addToRolePolicy(new PolicyStatement({ actions: ['bedrock:InvokeModel'], resources }));
    const [, crossRegionModel] = resources;
    if (crossRegionModel) {
      acknowledgeWildcardResource(
        fn.role ?? fn,
        crossRegionModel,
        'A cross-region inference profile routes to this one model in any region of its geography.',
      );
    }
  }
}
