// Sample values the OpenAPI examples share: one partner task as it is created, changed and completed.
import type { TaskView } from '@casetasks/app/tasks';
import type { HistoryEntry } from '@casetasks/core';

/** A route's sample request body (where it has one) and success answer. */
export type OperationExample = { request?: unknown; response: unknown };

export const TASK_ID = '01JD8X3K5Q7M2N4P6R8T0V2W4Y';
export const OTHER_TASK_ID = '01JD8X3K5Q7M2N4P6R8T0V2W5Z';
export const CASE_ID = 'case-48213';
export const USER_ID = 'user-anna';
export const ORG_ID = 'org-nordic-collect';
export const meta = { version: 3, updatedAt: '2026-11-20T09:15:00.000Z', updatedBy: USER_ID, isDefault: false };

export const openTask: TaskView = {
  ...{ id: TASK_ID, type: 'call_reminder', title: 'Call the debtor about the payment plan', accessLevel: 'partner' },
  ...{ orgId: ORG_ID, caseId: CASE_ID, assigneeId: USER_ID, status: 'open', createdAt: '2026-11-23T08:30:00.000Z' },
  ...{ deadline: '2026-11-26T16:00:00.000Z', originalDeadline: '2026-11-26T16:00:00.000Z', version: 1 },
};

export const postponedTask: TaskView = { ...openTask, deadline: '2026-11-30T16:00:00.000Z', version: 2 };

export const completedTask: TaskView = {
  ...{ ...openTask, status: 'completed', resolution: 'done', version: 2 },
  ...{ completedAt: '2026-11-25T14:05:00.000Z', completedBy: USER_ID },
};

const byAnna = { taskId: TASK_ID, actor: { kind: 'user', id: USER_ID } } as const;
export const POSTPONE_REASON = 'Debtor asked to be called after payday';

export const history: HistoryEntry[] = [
  { ...byAnna, version: 1, at: openTask.createdAt, action: 'created' },
  {
    ...{ ...byAnna, version: 2, at: '2026-11-24T10:00:00.000Z', action: 'postponed', reason: POSTPONE_REASON },
    changes: { deadline: [openTask.deadline, postponedTask.deadline] },
  },
];

export const calendar = { timeZone: 'Europe/Copenhagen', country: 'DK', closedDays: ['2026-12-24', '2026-12-31'] };
export const reminders = { warnings: [{ percentOfTime: 50 }], escalation: { businessDaysOverdue: 3 } };
export const assignment = { rules: { call_reminder: { strategy: 'round_robin', userIds: [USER_ID, 'user-bo'] } } };
