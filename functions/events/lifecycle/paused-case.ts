// STUB (owned by the events work stream): the follow-up task of a paused case, shared with the state machine.
import type { Calendar, Party, Task } from '@casetasks/core';
import type { Db } from '@casetasks/db';

export interface PausedCaseTaskInput {
  caseId: string;
  /** The survey that paused the case: the pause's identity. */
  surveyId: string;
  unblockingParty: Party;
  creditorOrgId: string;
  partnerOrgId: string;
  /** `time` of the pausing event: the 14-business-day clock starts here. */
  pausedAt: string;
  eventId?: string;
}

/** Creates the client_input_required / paused_case_follow_up task once; returns the task (existing or new). */
export const ensurePausedCaseTask = async (
  _db: Db,
  _calendar: Calendar,
  _input: PausedCaseTaskInput,
): Promise<Task | undefined> => {
  throw new Error('ensurePausedCaseTask is not implemented yet');
};
