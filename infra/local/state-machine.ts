// Runs the synthesized paused-case state machine in-process: aws-local-stepfunctions, real step handlers, a controllable clock.
import {
  type PausedCaseRef,
  type PausedCaseStart,
  pausedCaseExecutionName,
  type WorkflowStarter,
} from '@casetasks/app/runtime';
import {
  createFollowUpTask,
  followUpReminderInputSchema,
  followUpStartSchema,
  followUpStates,
  sendFollowUpReminder,
} from '@casetasks/app/workflow';
import { App, Stack } from 'aws-cdk-lib';
import { AttributeType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import * as z from 'zod';
import { PausedCaseFollowUp } from '../constructs/paused-case-follow-up.js';

const LOCAL_ACCOUNT = '000000000000';
const LOCAL_REGION = 'eu-west-1';

// ---- the synthesized definition ------------------------------------------------------------------

const stateSchema = z.record(z.string(), z.unknown());
const definitionSchema = z.looseObject({ StartAt: z.string(), States: z.record(z.string(), stateSchema) });
type State = z.infer<typeof stateSchema>;
type Definition = z.infer<typeof definitionSchema>;

/** Plain strings for the intrinsics CloudFormation would resolve in a DefinitionString. */
export const resolveIntrinsics = (value: unknown): string => {
  if (typeof value === 'string') return value;
  const node = z.record(z.string(), z.unknown()).parse(value);
  if ('Fn::Join' in node) {
    const [separator, parts] = z.tuple([z.string(), z.array(z.unknown())]).parse(node['Fn::Join']);
    return parts.map(resolveIntrinsics).join(separator);
  }
  if ('Fn::GetAtt' in node) {
    const [logicalId] = z.tuple([z.string(), z.string()]).parse(node['Fn::GetAtt']);
    return `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${logicalId}`;
  }
  if ('Ref' in node) {
    const ref = z.string().parse(node.Ref);
    const pseudo: Record<string, string> = {
      'AWS::Partition': 'aws',
      'AWS::Region': LOCAL_REGION,
      'AWS::AccountId': LOCAL_ACCOUNT,
      'AWS::URLSuffix': 'amazonaws.com',
    };
    return pseudo[ref] ?? ref;
  }
  throw new Error(`unsupported intrinsic in the state machine definition: ${Object.keys(node).join(', ')}`);
};

/** The ASL of the one AWS::StepFunctions::StateMachine in a synthesized template. */
export const definitionFromTemplate = (template: unknown): Definition => {
  const resources = z.object({ Resources: z.record(z.string(), z.looseObject({ Type: z.string() })) }).parse(template);
  const machines = Object.values(resources.Resources).filter(
    (resource) => resource.Type === 'AWS::StepFunctions::StateMachine',
  );
  if (machines.length !== 1) throw new Error(`expected one state machine in the template, found ${machines.length}`);
  const { DefinitionString } = z
    .object({ Properties: z.looseObject({ DefinitionString: z.unknown() }) })
    .parse(machines[0]).Properties;
  return definitionSchema.parse(JSON.parse(resolveIntrinsics(DefinitionString)));
};

let synthesized: Definition | undefined;

/**
 * Synthesizes a stack holding the PausedCaseFollowUp construct (bundling skipped) and returns its ASL:
 * the very definition `cdk synth` deploys, never a hand-written copy.
 */
export const synthesizedFollowUpDefinition = (): Definition => {
  if (!synthesized) {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, 'LocalPausedCaseFollowUp', { env: { account: LOCAL_ACCOUNT, region: LOCAL_REGION } });
    const table = new TableV2(stack, 'Table', { partitionKey: { name: 'pk', type: AttributeType.STRING } });
    new PausedCaseFollowUp(stack, 'PausedCaseFollowUp', { table, environment: {} });
    synthesized = definitionFromTemplate(app.synth().getStackByName(stack.stackName).template);
  }
  return synthesized;
};

// ---- Wait states on a controllable clock --------------------------------------------------------------

const CLOCK_WAIT_RESOURCE = `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:local-clock-wait`;
const clockWaitInputSchema = z.object({ until: z.string().optional(), seconds: z.number().optional() });

/**
 * The interpreter sleeps Wait states on the real clock. Locally each Wait becomes a Task on the
 * local clock with the same Timestamp/TimestampPath/Seconds/SecondsPath and the same transitions;
 * its input passes through unchanged (ResultPath null), exactly as a Wait's does.
 */
const clockWait = (wait: State): State => {
  const { Type: _type, Seconds, Timestamp, SecondsPath, TimestampPath, ...transitions } = wait;
  const parameters =
    TimestampPath !== undefined
      ? { 'until.$': TimestampPath }
      : Timestamp !== undefined
        ? { until: Timestamp }
        : SecondsPath !== undefined
          ? { 'seconds.$': SecondsPath }
          : { seconds: Seconds };
  return { ...transitions, Type: 'Task', Resource: CLOCK_WAIT_RESOURCE, Parameters: parameters, ResultPath: null };
};

export const withClockWaits = (definition: Definition): Definition => ({
  ...definition,
  States: Object.fromEntries(
    Object.entries(definition.States).map(([name, state]) => [name, state.Type === 'Wait' ? clockWait(state) : state]),
  ),
});

// ---- the local starter ------------------------------------------------------------------------------

export type LocalExecutionStatus = 'running' | 'waiting' | 'succeeded' | 'failed' | 'stopped';

export interface LocalExecution {
  name: string;
  input: Record<string, unknown>;
  status: LocalExecutionStatus;
  /** The Wait the execution is parked in, until the clock reaches `waitingUntil`. */
  waitingUntil?: string;
  output?: unknown;
  error?: string;
}

export interface LocalWorkflowOptions {
  /** Where the local clock starts; Wait states are measured against it. Defaults to now. */
  startAt?: Date | string;
  /** Local mode: follow `source` (default real time) by ticking the clock this often (tests advance it by hand). */
  tickEveryMs?: number;
  /** The time the ticker follows: local mode's clock (epoch ms). */
  source?: () => number;
}

export interface LocalWorkflowStarter extends WorkflowStarter {
  now(): Date;
  /** Moves the clock forward and resolves once every execution is parked in a Wait again or finished. */
  advanceTo(time: Date | string): Promise<void>;
  /** Resolves once no execution is running a step. */
  settled(): Promise<void>;
  execution(ref: PausedCaseRef): LocalExecution | undefined;
  executions(): LocalExecution[];
  close(): void;
}

interface Waiter {
  execution: string;
  until: number;
  release: () => void;
}

const invokePayloadSchema = z.object({ Payload: z.unknown() });

export const createLocalWorkflowStarter = (options: LocalWorkflowOptions = {}): LocalWorkflowStarter => {
  const source = options.source ?? (() => Date.now());
  let clock = options.startAt ? new Date(options.startAt).getTime() : source();
  const now = () => new Date(clock);
  const executions = new Map<string, LocalExecution>();
  const aborts = new Map<string, () => void>();
  let waiters: Waiter[] = [];
  let running = 0;
  let idle: (() => void)[] = [];

  const notify = () => {
    if (running > 0) return;
    const resolvers = idle;
    idle = [];
    for (const resolve of resolvers) resolve();
  };
  const setStatus = (execution: LocalExecution, status: LocalExecutionStatus) => {
    const wasRunning = execution.status === 'running';
    execution.status = status;
    if (wasRunning && status !== 'running') running -= 1;
    if (!wasRunning && status === 'running') running += 1;
    notify();
  };
  const releaseDue = () => {
    const due = waiters.filter((waiter) => waiter.until <= clock);
    waiters = waiters.filter((waiter) => waiter.until > clock);
    for (const waiter of due) waiter.release();
  };
  const settled = () => (running === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve)));
  /**
   * Moves the clock to `target` one due Wait at a time, in order: a step released by a long jump runs with the
   * `now` its Wait ended at, as deployed, not with the end of the jump.
   */
  const reach = async (target: number) => {
    for (;;) {
      const due = waiters.filter((waiter) => waiter.until <= target).map((waiter) => waiter.until);
      if (due.length === 0) break;
      clock = Math.max(clock, Math.min(...due));
      releaseDue();
      await settled();
    }
    clock = Math.max(clock, target);
  };
  /** One tick at a time: a jump's steps can take longer than the tick. */
  let ticking = false;

  const waitOnClock = (name: string, input: unknown): Promise<Record<string, never>> => {
    const { until, seconds } = clockWaitInputSchema.parse(input);
    const target = until !== undefined ? Date.parse(until) : clock + (seconds ?? 0) * 1000;
    const execution = executions.get(name);
    // A stopped execution never leaves its Wait (the interpreter ends it on the abort).
    if (execution?.status === 'stopped') return new Promise(() => {});
    if (!execution || target <= clock) return Promise.resolve({});
    return new Promise((resolve) => {
      execution.waitingUntil = new Date(target).toISOString();
      setStatus(execution, 'waiting');
      waiters.push({
        execution: name,
        until: target,
        release: () => {
          delete execution.waitingUntil;
          setStatus(execution, 'running');
          resolve({});
        },
      });
    });
  };

  const definition = withClockWaits(synthesizedFollowUpDefinition());
  // The interpreter's definition type is stricter than the parsed JSON; the ASL came from synth unchanged.
  const machine = new StateMachine(definition as unknown as StateMachineDefinition);
  const stepHandlers = (name: string) => {
    const step = (run: (payload: unknown) => Promise<unknown>) => async (input: unknown) => ({
      Payload: JSON.parse(JSON.stringify(await run(invokePayloadSchema.parse(input).Payload))),
    });
    const handlers: Record<string, (input: unknown) => Promise<unknown>> = {
      [followUpStates.createTask]: step((payload) => createFollowUpTask(followUpStartSchema.parse(payload), now())),
    };
    for (const stateName of Object.values(followUpStates.reminder)) {
      handlers[stateName] = step((payload) => sendFollowUpReminder(followUpReminderInputSchema.parse(payload), now()));
    }
    for (const [stateName, state] of Object.entries(definition.States)) {
      if (state.Resource === CLOCK_WAIT_RESOURCE) handlers[stateName] = (input) => waitOnClock(name, input);
    }
    return handlers;
  };
  const noRetryDelay = Object.fromEntries(
    Object.entries(definition.States)
      .filter(([, state]) => state.Retry !== undefined)
      .map(([stateName]) => [stateName, 0]),
  );

  const ticker = options.tickEveryMs
    ? setInterval(() => {
        if (ticking) return;
        ticking = true;
        void reach(source()).finally(() => {
          ticking = false;
        });
      }, options.tickEveryMs)
    : undefined;
  ticker?.unref();

  return {
    now,
    async startPausedCaseFollowUp(start: PausedCaseStart) {
      const name = pausedCaseExecutionName(start);
      // Same name: the pause already has its execution (ExecutionAlreadyExists = success).
      if (executions.has(name)) return;
      const execution: LocalExecution = { name, input: start.input, status: 'running' };
      executions.set(name, execution);
      running += 1;
      const { abort, result } = machine.run(JSON.parse(JSON.stringify(start.input)), {
        noThrowOnAbort: true,
        overrides: {
          // The handler signature of the interpreter is JSON in, JSON out; ours parse with zod.
          taskResourceLocalHandlers: stepHandlers(name) as never,
          retryIntervalOverrides: noRetryDelay,
        },
      });
      aborts.set(name, abort);
      result.then(
        (output) => {
          if (execution.status === 'stopped') return;
          execution.output = output;
          setStatus(execution, 'succeeded');
        },
        (error: unknown) => {
          execution.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
          setStatus(execution, 'failed');
        },
      );
    },
    async stopPausedCaseFollowUp(ref: PausedCaseRef) {
      const name = pausedCaseExecutionName(ref);
      const execution = executions.get(name);
      // Unknown or finished: nothing to stop (ExecutionDoesNotExist = success).
      if (!execution || (execution.status !== 'running' && execution.status !== 'waiting')) return;
      waiters = waiters.filter((waiter) => waiter.execution !== name);
      delete execution.waitingUntil;
      setStatus(execution, 'stopped');
      aborts.get(name)?.();
    },
    async advanceTo(time) {
      await reach(new Date(time).getTime());
      await settled();
    },
    settled,
    execution: (ref) => executions.get(pausedCaseExecutionName(ref)),
    executions: () => [...executions.values()],
    close() {
      if (ticker) clearInterval(ticker);
      for (const name of executions.keys()) aborts.get(name)?.();
    },
  };
};
