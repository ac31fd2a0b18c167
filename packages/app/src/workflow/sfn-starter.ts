// The deployed WorkflowStarter: Step Functions StartExecution/StopExecution with idempotent outcomes.
import {
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { currentCorrelationId } from '@casetasks/db';
import { config, pausedCaseExecutionName, traced, type WorkflowStarter } from '../runtime/index.js';

const sfn = traced(new SFNClient({}));

const stateMachineArn = (): string => {
  const arn = config().PAUSED_CASE_STATE_MACHINE_ARN;
  if (!arn) throw new Error('PAUSED_CASE_STATE_MACHINE_ARN is not configured');
  return arn;
};

const correlation = () => {
  const correlationId = currentCorrelationId();
  return correlationId === undefined ? {} : { correlationId };
};

/** Execution ARN from the state machine ARN: arn:...:stateMachine:NAME → arn:...:execution:NAME:EXEC. */
export const executionArn = (machineArn: string, name: string): string =>
  `${machineArn.replace(':stateMachine:', ':execution:')}:${name}`;

export const sfnWorkflowStarter: WorkflowStarter = {
  async startPausedCaseFollowUp(start) {
    try {
      await sfn.send(
        new StartExecutionCommand({
          stateMachineArn: stateMachineArn(),
          name: pausedCaseExecutionName(start),
          // The starting invocation's correlation id rides along: every step logs with it (docs/observability.md).
          input: JSON.stringify({ ...start.input, ...correlation() }),
        }),
      );
    } catch (error) {
      // Same name, same input: the pause already has its execution.
      if (!(error instanceof ExecutionAlreadyExists)) throw error;
    }
  },
  async stopPausedCaseFollowUp(ref) {
    try {
      await sfn.send(
        new StopExecutionCommand({
          executionArn: executionArn(stateMachineArn(), pausedCaseExecutionName(ref)),
          cause: 'case left paused',
        }),
      );
    } catch (error) {
      // Already finished or never started: nothing to stop; every step re-reads the task anyway.
      if (!(error instanceof ExecutionDoesNotExist)) throw error;
    }
  },
};
