// Every outgoing event the service can emit, built by the real builders, parses with its schema in @casetasks/events.
import {
  buildDigest,
  closeTask,
  digestRecipientOf,
  escalationEvent,
  newTask,
  platformActor,
  reminderEvent,
  utcCalendar,
} from '@casetasks/core';
import { taskCompletedEvent, taskCreatedEvent } from '@casetasks/db';
import { type OutgoingEvent, outgoingDetailSchemas, outgoingDetailTypes, outgoingEventSchema } from '@casetasks/events';
import { describe, expect, it } from 'vitest';

const now = '2026-11-23T10:00:00.000Z';
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
const escalated = { ...task, id: '01JD0000000000000000000001', escalatedAt: now };
const completed = closeTask(task, 'done', platformActor, now).after;

/** What the core builders emit: typed as the outbox's OutgoingEvent. */
const fromCore = [
  reminderEvent('Task Deadline Approaching', task, now, '50%'),
  reminderEvent('Task Overdue', task, now),
  reminderEvent('Paused Case Escalated', task, now),
  escalationEvent(task, now, 3),
  buildDigest(utcCalendar, digestRecipientOf(task), [task], now),
  buildDigest(utcCalendar, { ...digestRecipientOf(task), assigneeId: null }, [task], now, [escalated]),
] satisfies readonly OutgoingEvent[];

const samples: readonly { detailType: string; detail: unknown }[] = [
  taskCreatedEvent(task),
  taskCompletedEvent(completed),
  ...fromCore,
];

describe('outgoing events', () => {
  it('every outgoing detail-type has a sample built by the code that emits it', () => {
    expect(new Set(samples.map((sample) => sample.detailType))).toEqual(new Set(outgoingDetailTypes));
  });

  it.each(samples.map((sample) => [sample.detailType, sample] as const))('%s parses with its schema', (_, sample) => {
    // Act
    const parsed = outgoingEventSchema.safeParse(sample);
    // Assess
    expect(parsed.error).toBeUndefined();
    const schema = outgoingDetailSchemas[sample.detailType as keyof typeof outgoingDetailSchemas];
    expect(schema.safeParse(sample.detail).error).toBeUndefined();
  });
});
