import { describe, expect, it } from 'vitest';
import { REOPEN_WINDOW_DAYS, reopenAiClosedTask } from './chat-cleanup-reopen.js';
import { closeTask, newTask, type Principal } from './lifecycle.js';

const principal: Principal = { userId: 'u-1', orgId: 'p-1', party: 'partner', role: 'manager' };
const open = newTask({
  id: 't-1',
  type: 'new_message',
  party: 'partner',
  orgId: 'p-1',
  scopeKey: 'case#c-1',
  caseId: 'c-1',
  createdAt: '2026-11-20T10:00:00.000Z',
  deadline: '2026-11-23T10:00:00.000Z',
});
const closedAt = '2026-11-24T02:00:00.000Z';
const aiClosed = closeTask(open, 'ai', { kind: 'ai', id: 'model-x' }, closedAt, { modelId: 'model-x' }).after;

describe('reopenAiClosedTask', () => {
  it('opens the task again with its deadline and records who and why', () => {
    // Act
    const change = reopenAiClosedTask(aiClosed, principal, '2026-11-25T09:00:00.000Z', 'a question is open');
    // Assess
    expect(change.after).toEqual({ ...open, version: 3 });
    expect(change.entry).toMatchObject({
      action: 'reopened',
      actor: { kind: 'user', id: 'u-1' },
      reason: 'a question is open',
      version: 3,
      changes: { status: ['completed', 'open'], resolution: ['ai', null] },
    });
  });

  it('refuses an open task, a task people closed, and one past the window', () => {
    // Prepare
    const done = closeTask(open, 'done', { kind: 'user', id: 'u-2' }, closedAt).after;
    const afterWindow = new Date(Date.parse(closedAt) + REOPEN_WINDOW_DAYS * 86_400_000 + 1).toISOString();
    // Act / Assess
    expect(() => reopenAiClosedTask(open, principal, closedAt, 'r')).toThrow(/closed by the chat cleanup/);
    expect(() => reopenAiClosedTask(done, principal, closedAt, 'r')).toThrow(/closed by the chat cleanup/);
    expect(() => reopenAiClosedTask(aiClosed, principal, afterWindow, 'r')).toThrow(/more than 7 days ago/);
  });
});
