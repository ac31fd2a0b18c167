// Extensions of the case-update deadline (issue 19): the case's partner asks for calendar days, its creditor decides. Pure.
import type { Calendar } from './calendar.js';
import type { CaseState, UpdateExtension } from './case-state.js';
import { activeCaseOf, currentUpdateAt, nextUpdateDue } from './case-update-sla.js';
import { ForbiddenError, TaskStateError } from './errors.js';
import { approvalTask, decideRequest, type ExtensionDecision } from './extensions.js';
import type { Principal } from './lifecycle.js';
import { CaseNotFoundError } from './sla-terms.js';
import type { Actor, Task } from './task.js';

/** Calendar days one request may ask for: the case-update SLA counts calendar days. */
export const MAX_UPDATE_EXTENSION_DAYS = 30;
/** Requests per current update (decided ones included): a partner cannot keep pushing one deadline. */
export const MAX_UPDATE_EXTENSIONS_PER_UPDATE = 3;
/** Requests a case state keeps (the newest): older ones belong to updates long superseded. */
export const MAX_UPDATE_EXTENSIONS_KEPT = 10;

export interface UpdateExtensionInput {
  extensionId: string;
  approvalTaskId: string;
  days: number;
  reason: string;
}

/**
 * Only the case's partner asks (other orgs, and creditors of other cases: 404, as for a task). The case's own
 * creditor sees the case, so it is told why (403); so is a contributor: the update obligation is the org's,
 * not assigned to anyone, so only owners and managers may ask to move it.
 */
export const assertMayRequestUpdateExtension = (principal: Principal, state: CaseState | undefined): CaseState => {
  const party = principal.party === 'creditor' ? state?.creditorOrgId : state?.partnerOrgId;
  if (!state || party !== principal.orgId) throw new CaseNotFoundError();
  if (principal.party === 'creditor') {
    throw new ForbiddenError("the case's partner asks for an extension; its creditor decides it");
  }
  if (principal.role === 'contributor') {
    throw new ForbiddenError('the case-update deadline is the organisation’s: owners and managers ask to move it');
  }
  return state;
};

/** The case state after the request: active, an update due, none undecided, fewer than 3 for this update. */
export const requestUpdateExtension = (
  state: CaseState,
  input: UpdateExtensionInput,
  actor: Actor,
  at: string,
): { patch: Pick<CaseState, 'updateExtensions'>; extension: UpdateExtension } => {
  if (state.status !== 'active') throw new TaskStateError('only an active case has a case-update deadline', 'status');
  const activeCase = activeCaseOf(state);
  const forUpdateAt = currentUpdateAt(activeCase);
  const due = nextUpdateDue(activeCase);
  if (due === null || forUpdateAt === undefined || !Number.isFinite(due)) {
    throw new TaskStateError('the case has no next update due: nothing to extend', 'lastStatusUpdate');
  }
  const extensions = state.updateExtensions ?? [];
  if (extensions.some((extension) => extension.status === 'requested')) {
    throw new TaskStateError('an extension request of this case still awaits the creditor', 'updateExtensions');
  }
  if (
    extensions.filter((extension) => extension.forUpdateAt === forUpdateAt).length >= MAX_UPDATE_EXTENSIONS_PER_UPDATE
  ) {
    throw new TaskStateError(
      `at most ${MAX_UPDATE_EXTENSIONS_PER_UPDATE} extension requests per status update`,
      'updateExtensions',
    );
  }
  const extension: UpdateExtension = {
    id: input.extensionId,
    forUpdateAt,
    days: input.days,
    reason: input.reason,
    status: 'requested',
    requestedAt: at,
    requestedBy: actor.id,
    approvalTaskId: input.approvalTaskId,
  };
  return { patch: { updateExtensions: [...extensions, extension].slice(-MAX_UPDATE_EXTENSIONS_KEPT) }, extension };
};

/** The creditor's approve_extension task for a case-update request (3 business days on its calendar). */
export const updateApprovalTaskFor = (
  calendar: Calendar,
  input: UpdateExtensionInput & { caseId: string; creditorOrgId: string; partnerOrgId: string },
  at: string,
): Task =>
  approvalTask(
    calendar,
    {
      approvalTaskId: input.approvalTaskId,
      creditorOrgId: input.creditorOrgId,
      caseId: input.caseId,
      title: `Approve ${input.days} more days for the next status update of case ${input.caseId}`,
    },
    {
      caseId: input.caseId,
      partnerOrgId: input.partnerOrgId,
      extensionId: input.extensionId,
      calendarDays: input.days,
      reason: input.reason,
    },
    at,
  );

/** The case state after the decision; the dashboard adds approved days to the update they were asked for. */
export const decideUpdateExtension = (
  state: CaseState,
  extensionId: string,
  decision: ExtensionDecision,
  actor: Actor,
  at: string,
  note?: string,
): Pick<CaseState, 'updateExtensions'> => {
  return { updateExtensions: decideRequest(state.updateExtensions, extensionId, 'case', decision, actor, at, note) };
};
