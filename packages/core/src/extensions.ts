// Extensions approved by the client (issue 19): a partner asks for more business days on a task, the creditor decides. Pure.
import type { Calendar } from './calendar.js';
import { catalogue, slaWeightFor } from './catalogue.js';
import { TaskStateError } from './errors.js';
import { catalogueDeadline, changeTask, newTask, type TaskChange } from './lifecycle.js';
import { scopeKeys } from './rules/scopes.js';
import { slaClockPatch } from './sla-clock.js';
import {
  type Actor,
  type ExtensionStatus,
  MAX_EXTENSIONS_PER_TASK,
  type SlaExtension,
  type Task,
  type TaskDetails,
} from './task.js';

/** Business days one request may ask for. */
export const MAX_EXTENSION_BUSINESS_DAYS = 20;

export interface ExtensionRequestInput {
  extensionId: string;
  approvalTaskId: string;
  businessDays: number;
  reason: string;
}

/** The request the partner may make on this task: open, counting for the SLA, none undecided, fewer than 3. */
export const requestExtension = (task: Task, input: ExtensionRequestInput, actor: Actor, at: string): TaskChange => {
  if (task.status !== 'open') throw new TaskStateError('task is already completed', 'status');
  if (slaWeightFor(task.type, task.accessLevel) === null) {
    throw new TaskStateError(`${catalogue[task.type].label} tasks do not count for the SLA: nothing to extend`, 'type');
  }
  const extensions = task.extensions ?? [];
  if (extensions.some((extension) => extension.status === 'requested')) {
    throw new TaskStateError('an extension request of this task still awaits the creditor', 'extensions');
  }
  if (extensions.length >= MAX_EXTENSIONS_PER_TASK) {
    throw new TaskStateError(`a task may carry at most ${MAX_EXTENSIONS_PER_TASK} extension requests`, 'extensions');
  }
  const extension: SlaExtension = {
    id: input.extensionId,
    businessDays: input.businessDays,
    reason: input.reason,
    requestedAt: at,
    requestedBy: actor.id,
    status: 'requested',
    approvalTaskId: input.approvalTaskId,
  };
  return changeTask(task, { extensions: [...extensions, extension] }, 'extension_requested', actor, at, {
    reason: input.reason,
  });
};

/** What an approve_extension task decides: a task's or a case-update deadline's request. */
type ExtensionRequestDetails = NonNullable<TaskDetails['extensionRequest']>;

/** The creditor's approve_extension task deciding one request: the catalogue's 3 business days on its calendar. */
export const approvalTask = (
  calendar: Calendar,
  input: { approvalTaskId: string; creditorOrgId: string; caseId: string | null; title: string },
  request: ExtensionRequestDetails,
  at: string,
): Task =>
  newTask({
    id: input.approvalTaskId,
    type: 'approve_extension',
    party: 'creditor',
    orgId: input.creditorOrgId,
    scopeKey: scopeKeys.extension(request.extensionId),
    createdAt: at,
    deadline: catalogueDeadline(calendar, 'approve_extension', at),
    title: input.title.slice(0, 200),
    caseId: input.caseId,
    details: { extensionRequest: request },
  });

/** The creditor's approve_extension task for a request just made on `change.after` (deadline on its calendar). */
export const approvalTaskFor = (
  calendar: Calendar,
  partnerTask: Task,
  input: ExtensionRequestInput & { creditorOrgId: string },
  at: string,
): Task =>
  approvalTask(
    calendar,
    {
      approvalTaskId: input.approvalTaskId,
      creditorOrgId: input.creditorOrgId,
      caseId: partnerTask.caseId,
      title: `Approve ${input.businessDays} more business days: ${partnerTask.title}`,
    },
    {
      taskId: partnerTask.id,
      caseId: partnerTask.caseId ?? '',
      partnerOrgId: partnerTask.orgId,
      extensionId: input.extensionId,
      businessDays: input.businessDays,
      reason: input.reason,
    },
    at,
  );

export type ExtensionDecision = Exclude<ExtensionStatus, 'requested'>;

/** The fields every extension request shares, on a task or on a case. */
interface DecidableRequest {
  id: string;
  status: ExtensionStatus;
  decidedAt?: string;
  decidedBy?: string;
  note?: string;
}

/**
 * The requests with `extensionId` decided; refused (409) when it is not among them or was decided already.
 * Shared by task extensions and case-update extensions.
 */
export const decideRequest = <R extends DecidableRequest>(
  requests: readonly R[] | undefined,
  extensionId: string,
  holder: 'task' | 'case',
  decision: ExtensionDecision,
  actor: Actor,
  at: string,
  note?: string,
): R[] => {
  const request = requests?.find((candidate) => candidate.id === extensionId);
  if (!request) throw new TaskStateError(`the extension request is not on the ${holder}`, 'extensionId');
  if (request.status !== 'requested') {
    throw new TaskStateError(`the extension request was already ${request.status}`, 'status');
  }
  const decided: R = {
    ...request,
    status: decision,
    decidedAt: at,
    decidedBy: actor.id,
    ...(note === undefined ? {} : { note }),
  };
  return (requests ?? []).map((candidate) => (candidate.id === extensionId ? decided : candidate));
};

const decisionAction = {
  approved: 'extension_approved',
  rejected: 'extension_rejected',
  expired: 'extension_expired',
} as const;

/**
 * Records the decision on the partner task. The SLA clock goes through slaClockPatch, so an approval moves
 * slaDeadline (and the working deadline of an open task) by its business days; a rejection or an expiry
 * moves nothing. A completed task still gets its approved deadline: the score measures against it.
 */
export const decideExtension = (
  calendar: Calendar,
  task: Task,
  extensionId: string,
  decision: ExtensionDecision,
  actor: Actor,
  at: string,
  note?: string,
): TaskChange => {
  const extensions = decideRequest(task.extensions, extensionId, 'task', decision, actor, at, note);
  return changeTask(task, slaClockPatch(calendar, task, { extensions }), decisionAction[decision], actor, at, {
    reason: note,
  });
};

/** The request an approve_extension task decides; 409 on any other task. */
export const extensionRequestOf = (task: Task) => {
  const request = task.details?.extensionRequest;
  if (task.type !== 'approve_extension' || !request) {
    throw new TaskStateError('only an approve_extension task decides an extension request', 'type');
  }
  if (task.status !== 'open') throw new TaskStateError('the extension request was already decided', 'status');
  return request;
};
