// The paused-case follow-up (SPEC §4): a Standard state machine, defined only here, with its two Lambda steps.

import { type FollowUpStage, followUpStates } from '@casetasks/app/workflow';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  Choice,
  Condition,
  DefinitionBody,
  type IChainable,
  JsonPath,
  LogLevel,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
  Wait,
  WaitTime,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { acknowledgeWildcardResource } from './nag.js';
import { ServiceFunction } from './service-function.js';
import { grantTableAccess } from './tasks-table.js';

export interface PausedCaseFollowUpProps {
  table: ITableV2;
  environment: Record<string, string>;
  /** Physical name (stage-prefixed when deployed); generated when absent (local mode's in-process synth). */
  stateMachineName?: string;
}

const waitNames: Record<FollowUpStage, string> = {
  approaching: 'Wait until 3 business days before the deadline',
  overdue: 'Wait until the deadline',
  escalated: 'Wait 7 days past the deadline',
};

/** Which computed timestamp of the step output each wait waits for. */
const waitUntil: Record<FollowUpStage, string> = {
  approaching: '$.approachingAt',
  overdue: '$.deadline',
  escalated: '$.escalateAt',
};

/**
 * create task → wait → approaching → wait → overdue → wait → escalated; after every step a Choice on
 * `open` ends the execution quietly when the task is closed. Waits are TimestampPath waits on times
 * the first step computed with the business-day calendar, never fixed seconds.
 */
export class PausedCaseFollowUp extends Construct {
  readonly stateMachine: StateMachine;
  readonly functions: IFunction[];

  constructor(scope: Construct, id: string, props: PausedCaseFollowUpProps) {
    super(scope, id);
    const step = (name: string, entry: string, description: string): IFunction => {
      const { fn } = new ServiceFunction(this, name, {
        entry,
        description,
        environment: props.environment,
      });
      grantTableAccess(props.table, fn, 'readWrite');
      return fn;
    };
    const createTask = step(
      'CreateTask',
      'functions/workflow/create-follow-up-task.ts',
      'casetasks paused-case follow-up: create the follow-up task and compute its reminder times',
    );
    const sendReminder = step(
      'SendReminder',
      'functions/workflow/send-follow-up-reminder.ts',
      'casetasks paused-case follow-up: re-read the task and emit approaching / overdue / escalated once',
    );
    this.functions = [createTask, sendReminder];

    const invoke = (name: string, fn: IFunction, payload?: TaskInput) =>
      new LambdaInvoke(this, name, {
        lambdaFunction: fn,
        ...(payload ? { payload } : {}),
        outputPath: '$.Payload',
      }).addRetry({
        // Steps are idempotent (scope guard, per-stage marker), so any failure is safe to retry.
        errors: ['States.ALL'],
        interval: Duration.seconds(5),
        backoffRate: 2,
        maxAttempts: 5,
      });
    const finished = new Succeed(this, 'Follow-up finished');
    const ifOpen = (name: string, next: IChainable) =>
      new Choice(this, name).when(Condition.booleanEquals('$.open', true), next).otherwise(finished);

    const stage = (stageName: FollowUpStage, after?: IChainable): IChainable => {
      const send = invoke(
        followUpStates.reminder[stageName],
        sendReminder,
        TaskInput.fromObject({ state: JsonPath.entirePayload, stage: stageName }),
      );
      const wait = new Wait(this, waitNames[stageName], { time: WaitTime.timestampPath(waitUntil[stageName]) });
      return wait.next(after ? send.next(ifOpen(`Still open after ${stageName}?`, after)) : send.next(finished));
    };
    const definition = invoke(followUpStates.createTask, createTask).next(
      ifOpen('Task open?', stage('approaching', stage('overdue', stage('escalated')))),
    );

    const logGroup = new LogGroup(this, 'ExecutionLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      ...(props.stateMachineName ? { stateMachineName: props.stateMachineName } : {}),
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(definition),
      comment: 'casetasks paused-case follow-up: one execution per pause (SPEC §4)',
      tracingEnabled: true,
      // No execution timeout: a TimeoutSeconds would also bind local runs, and the flow ends by itself (~4 weeks).
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
    });
    for (const fn of this.functions) {
      acknowledgeWildcardResource(
        this.stateMachine.role,
        `${fn.functionArn}:*`,
        'Step Functions invokes any version of its own two step functions (CDK LambdaInvoke grant).',
      );
    }
    Validations.of(this.stateMachine).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Execution logging (logs:CreateLogDelivery etc.) and X-Ray tracing support no resource-level permissions.',
    });
  }
}
