// STUB (owned by the workflow work stream): runs the synthesized paused-case state machine in-process.
import type { WorkflowStarter } from '../../../functions/shared/workflow.js';

export interface LocalWorkflowOptions {
  /** The clock Wait states are measured against (tests advance it). */
  now?: () => Date;
}

export const createLocalWorkflowStarter = (_options: LocalWorkflowOptions = {}): WorkflowStarter => {
  throw new Error('createLocalWorkflowStarter is not implemented yet');
};
