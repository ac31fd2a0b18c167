// The deployed WorkflowStarter: Step Functions StartExecution/StopExecution with idempotent outcomes.
import {
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { config, pausedCaseExecutionName, type WorkflowStarter } from '../runtime/index.js';

const sfn = new SFNClient({});

const stateMachineArn = (): string => {
  const arn = config().PAUSED_CASE_STATE_MACHINE_ARN;
  if (!arn) throw new Error('PAUSED_CASE_STATE_MACHINE_ARN is not configured');
  return arn;
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
          input: JSON.stringify(start.input),
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
