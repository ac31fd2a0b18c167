// Every outgoing event the service can emit, built by the real builders, parses with its schema in @casetasks/events.
import {
  assignTask,
  buildDigest,
  closeTask,
  digestRecipientOf,
  escalationEvent,
  platformActor,
  reminderEvent,
  utcCalendar,
} from '@casetasks/core';
import {
  type OutgoingEvent,
  outgoingDetailSchemas,
  outgoingDetailTypes,
  outgoingEventSchema,
  taskChangeEvents,
  taskCompleted,
  taskCreated,
} from '@casetasks/events';
import { describe, expect, it } from 'vitest';
import { sampleTask } from '../support/sample-task.js';

const now = '2026-11-23T10:00:00.000Z';
const task = sampleTask;
const escalated = { ...task, id: '01JD0000000000000000000001', escalatedAt: now };
const closing = closeTask(task, 'done', platformActor, now);
const completed = closing.after;

/** What the builders of @casetasks/events and core emit, each typed as the outbox's OutgoingEvent. */
const samples: readonly OutgoingEvent[] = [
  taskCreated(task),
  taskCompleted(completed),
  reminderEvent('Task Deadline Approaching', task, now, '50%'),
  reminderEvent('Task Overdue', task, now),
  reminderEvent('Paused Case Escalated', task, now),
  escalationEvent(task, now, 3),
  buildDigest(utcCalendar, digestRecipientOf(task), [task], now),
  buildDigest(utcCalendar, { ...digestRecipientOf(task), assigneeId: null }, [task], now, [escalated]),
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
    const schema = outgoingDetailSchemas[sample.detailType];
    expect(schema.safeParse(sample.detail).error).toBeUndefined();
  });

  it('a change announces Task Completed when it closes the task, and nothing otherwise', () => {
    expect(taskChangeEvents(closing)).toEqual([taskCompleted(completed)]);
    expect(taskChangeEvents(assignTask(task, 'u-1', platformActor, now))).toEqual([]);
  });
});
