// The periodic jobs on EventBridge Scheduler, one function and schedule per entry of the app's job registry.

import type { AllowedModel } from '@casetasks/ai';
import { type Job, type JobName, jobs } from '@casetasks/app/jobs';
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
  /** The one model the chat cleanup may invoke: its allowlist entry (profile id, foundation models, regions). */
  bedrockModel: AllowedModel;
  /** Nights a new deployment's chat cleanup stays in shadow mode (CHAT_CLEANUP_SHADOW_NIGHTS). */
  chatCleanupShadowNights: number;
  /** E-mail, when the stage has it: jobs marked `mail` get its settings and may send; without it they are not deployed. */
  mail?: JobMailer;
}

/** What a mailing job needs of the e-mail construct (EmailNotifications). */
export interface JobMailer {
  environment: Record<string, string>;
  allowSending(fn: IFunction): void;
}

/** `lambda.mail` of the registry entry (the digest job). */
const sendsMail = (job: Job): boolean => job.lambda.mail === true;

/** The Lambda entry of a job: `functions/scheduled/<name>.ts` (the wiring test checks each exists). */
export const jobEntry = (name: JobName): string => `functions/scheduled/${name}.ts`;

export class NightlyJobs extends Construct {
  readonly functions: ReadonlyMap<JobName, IFunction>;

  constructor(scope: Construct, id: string, props: NightlyJobsProps) {
    super(scope, id);
    const functions = new Map<JobName, IFunction>();
    // By name, so the dashboard and alarms list the jobs in a stable order whatever the registry's order.
    const byName = [...(jobs as readonly Job[])].sort((a, b) => a.name.localeCompare(b.name));
    for (const job of byName) {
      const mail = sendsMail(job) ? props.mail : undefined;
      // A stage without e-mail has no digest to send: no function that would fail on its missing settings.
      if (sendsMail(job) && !mail) continue;
      const bedrock = job.lambda.bedrock === true;
      const environment = {
        ...props.environment,
        ...(bedrock
          ? {
              CHAT_JUDGE: 'bedrock',
              BEDROCK_MODEL_ID: props.bedrockModel.id,
              CHAT_CLEANUP_SHADOW_NIGHTS: String(props.chatCleanupShadowNights),
            }
          : {}),
        ...mail?.environment,
      };
      const fn = this.job(job, props.table, environment);
      if (bedrock) this.allowModel(fn, props.bedrockModel);
      mail?.allowSending(fn);
      functions.set(job.name, fn);
    }
    this.functions = functions;
  }

  private job({ name, schedule, lambda }: Job, table: ITableV2, environment: Record<string, string>): IFunction {
    const group = new Construct(this, name);
    const { fn } = new ServiceFunction(group, 'Handler', {
      entry: jobEntry(name),
      description: lambda.description,
      environment,
      timeout: Duration.seconds(lambda.timeoutSeconds),
      memorySize: lambda.memoryMb,
      holidays: lambda.holidays === true,
    });
    grantTableAccess(table, fn, 'readWrite');
    // A failed run is retried once; every job is idempotent and resumes from its checkpoint.
    fn.configureAsyncInvoke({ retryAttempts: 1 });
    const undelivered = new DeadLetterQueue(
      group,
      'DeliveryDlq',
      `${name}: schedule invocations that could not be delivered`,
    );
    // Own role per schedule (not the stack-wide shared one) so its one wildcard can be acknowledged here.
    const invoker = new Role(group, 'SchedulerRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    acknowledgeWildcardResource(
      invoker,
      `${fn.functionArn}:*`,
      'lambda:InvokeFunction on this one function and its versions/aliases (the scheduler target grant).',
    );
    new Schedule(group, 'Schedule', {
      description: lambda.description,
      schedule: ScheduleExpression.expression(schedule.expression, TimeZone.of(schedule.timeZone)),
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

  /**
   * `bedrock:InvokeModel` (the Converse API's permission) on exactly the configured profile and its foundation models
   * in the profile's regions; a global profile's models are named without a region, as Bedrock documents.
   */
  private allowModel(fn: IFunction, model: AllowedModel): void {
    fn.addToRolePolicy(
      new PolicyStatement({ actions: ['bedrock:InvokeModel'], resources: modelResources(this, model) }),
    );
  }
}

/** The ARNs a call through `model` touches: the profile (in the stack's region, where it is called) and each model. */
export const modelResources = (scope: Construct, model: AllowedModel): string[] => {
  const stack = Stack.of(scope);
  const foundationModel = (region: string, id: string) =>
    stack.formatArn({ service: 'bedrock', region, account: '', resource: 'foundation-model', resourceName: id });
  const profiled = !model.modelIds.includes(model.id);
  if (!profiled) return model.modelIds.map((id) => foundationModel(stack.region, id));
  const regions = model.geography === 'global' ? [stack.region, ''] : model.regions;
  return [
    stack.formatArn({ service: 'bedrock', resource: 'inference-profile', resourceName: model.id }),
    ...model.modelIds.flatMap((id) => regions.map((region) => foundationModel(region, id))),
  ];
};
