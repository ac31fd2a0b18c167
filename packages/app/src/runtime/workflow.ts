// Starting and stopping the paused-case follow-up: Step Functions when deployed, in-process locally.
export interface PausedCaseRef {
  caseId: string;
  /** The survey that paused the case: one execution per pause. */
  pauseId: string;
}

export interface PausedCaseStart extends PausedCaseRef {
  /** Input of the state machine's first step (create the follow-up task). */
  input: Record<string, unknown>;
}

export interface WorkflowStarter {
  /** Idempotent: a second start of the same pause is a no-op (ExecutionAlreadyExists = success). */
  startPausedCaseFollowUp(start: PausedCaseStart): Promise<void>;
  /** Idempotent: stopping a finished or unknown execution is a no-op (ExecutionDoesNotExist = success). */
  stopPausedCaseFollowUp(ref: PausedCaseRef): Promise<void>;
}

/** Deterministic execution name (≤ 80 chars, [A-Za-z0-9-_]): a duplicate start hits the same name. */
export const pausedCaseExecutionName = (ref: PausedCaseRef): string =>
  `paused-${ref.caseId}-${ref.pauseId}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);

let current: WorkflowStarter | undefined;

/** Local mode and tests install their starter; deployed, the events use sfnWorkflowStarter (app/workflow/sfn-starter.ts). */
export const setWorkflowStarter = (starter: WorkflowStarter | undefined): void => {
  current = starter;
};

export const workflowStarter = (): WorkflowStarter | undefined => current;
