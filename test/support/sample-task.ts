// One open partner task with fixed ids and instants: what the event-contract tests build outgoing events from.
import { newTask } from '@casetasks/core';

export const sampleTask = newTask({
  id: '01JD0000000000000000000000',
  type: 'review_new_case',
  party: 'partner',
  orgId: 'p-1',
  caseId: 'c-1',
  scopeKey: 'c-1',
  createdAt: '2026-11-20T10:00:00.000Z',
  deadline: '2026-11-25T10:00:00.000Z',
});
