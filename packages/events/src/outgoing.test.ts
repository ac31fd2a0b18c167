import { newTask } from '@casetasks/core';
import { describe, expect, it } from 'vitest';
import { publishedDetailSchema, taskCreated } from './outgoing.js';
import { publishedDetail } from './published.js';

const task = newTask({
  id: '01JD0000000000000000000000',
  type: 'review_new_case',
  party: 'partner',
  orgId: 'p-1',
  caseId: 'c-1',
  scopeKey: 'c-1',
  createdAt: '2026-11-20T10:00:00.000Z',
  deadline: '2026-11-25T10:00:00.000Z',
});

describe('published details', () => {
  it('carry the outbox id and the correlation id next to the stored detail', () => {
    // Act
    const detail = publishedDetail(taskCreated(task).detail, { eventId: 'out-1', correlationId: 'req-42' });
    // Assess
    expect(detail).toEqual({ task, eventId: 'out-1', correlationId: 'req-42' });
    expect(publishedDetailSchema('Task Created').parse(detail)).toEqual(detail);
  });

  it('leave the correlation id out for an entry stored without one, and still parse', () => {
    const detail = publishedDetail(taskCreated(task).detail, { eventId: 'out-2' });
    expect(detail).not.toHaveProperty('correlationId');
    expect(publishedDetailSchema('Task Created').safeParse(detail).success).toBe(true);
  });

  it('keep the relay’s metadata over a stored key of the same name', () => {
    const detail = publishedDetail({ ...taskCreated(task).detail, eventId: 'stale' }, { eventId: 'out-3' });
    expect(detail.eventId).toBe('out-3');
  });

  it('refuse a published detail without its event id, naming the field', () => {
    const parsed = publishedDetailSchema('Task Created').safeParse({ task });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['eventId']);
  });
});
