import {
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  InvalidArn,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { withCorrelationId } from '@casetasks/db';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetConfig } from '../runtime/index.js';
import { executionArn, sfnWorkflowStarter } from './sfn-starter.js';

const machineArn = 'arn:aws:states:eu-west-1:123456789012:stateMachine:PausedCaseFollowUp';
const sfn = mockClient(SFNClient);
const pause = { caseId: 'c-1', pauseId: 's-1' };

beforeAll(() => {
  process.env.PAUSED_CASE_STATE_MACHINE_ARN = machineArn;
  resetConfig();
});
afterAll(() => {
  delete process.env.PAUSED_CASE_STATE_MACHINE_ARN;
  resetConfig();
  sfn.restore();
});
beforeEach(() => sfn.reset());

describe('the deployed workflow starter', () => {
  it('starts one execution named after case and pause, with the step input', async () => {
    // Prepare
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn', startDate: new Date() });
    // Act
    await sfnWorkflowStarter.startPausedCaseFollowUp({ ...pause, input: { caseId: 'c-1' } });
    // Assess
    expect(sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input).toEqual({
      stateMachineArn: machineArn,
      name: 'paused-c-1-s-1',
      input: '{"caseId":"c-1"}',
    });
  });

  it('passes the starting invocation’s correlation id to the execution, for every step to log with', async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn', startDate: new Date() });
    await withCorrelationId('evt-9', () => sfnWorkflowStarter.startPausedCaseFollowUp({ ...pause, input: {} }));
    expect(JSON.parse(sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input.input ?? '{}')).toEqual({
      correlationId: 'evt-9',
    });
  });

  it('a duplicate start (ExecutionAlreadyExists) is success', async () => {
    // Prepare
    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }));
    // Act / Assess
    await expect(sfnWorkflowStarter.startPausedCaseFollowUp({ ...pause, input: {} })).resolves.toBeUndefined();
  });

  it('other start failures are not swallowed', async () => {
    // Prepare
    sfn.on(StartExecutionCommand).rejects(new InvalidArn({ message: 'bad arn', $metadata: {} }));
    // Act / Assess
    await expect(sfnWorkflowStarter.startPausedCaseFollowUp({ ...pause, input: {} })).rejects.toBeInstanceOf(
      InvalidArn,
    );
  });

  it('stops the execution of that pause by its ARN', async () => {
    // Prepare
    sfn.on(StopExecutionCommand).resolves({ stopDate: new Date() });
    // Act
    await sfnWorkflowStarter.stopPausedCaseFollowUp(pause);
    // Assess
    expect(sfn.commandCalls(StopExecutionCommand)[0]?.args[0].input.executionArn).toBe(
      'arn:aws:states:eu-west-1:123456789012:execution:PausedCaseFollowUp:paused-c-1-s-1',
    );
  });

  it('stopping an execution that does not exist (ExecutionDoesNotExist) is success', async () => {
    // Prepare
    sfn.on(StopExecutionCommand).rejects(new ExecutionDoesNotExist({ message: 'gone', $metadata: {} }));
    // Act / Assess
    await expect(sfnWorkflowStarter.stopPausedCaseFollowUp(pause)).resolves.toBeUndefined();
    expect(executionArn(machineArn, 'x')).toBe('arn:aws:states:eu-west-1:123456789012:execution:PausedCaseFollowUp:x');
  });
});
