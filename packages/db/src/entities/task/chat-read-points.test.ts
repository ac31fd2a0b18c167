// The overdue-chat read points: the stored form a run's checkpoint keeps, and what reads back from it.
import { describe, expect, it } from 'vitest';
import { chatReadPoints } from './task-reads.js';

describe('chatReadPoints', () => {
  it('starts at the first shard and is finished past the last one', () => {
    // Act / Assess
    expect(chatReadPoints.start()).toEqual({ shard: 0 });
    expect(chatReadPoints.finished({ shard: 3 })).toBe(false);
    expect(chatReadPoints.finished({ shard: 4 })).toBe(true);
  });

  it('reads back what it stored, and an empty position as the start', () => {
    // Prepare
    const point = { shard: 2, after: { pk: 'task#t-1', sk: 'task' } };

    // Act / Assess
    expect(chatReadPoints.stringify(point)).toBe('{"shard":2,"after":{"pk":"task#t-1","sk":"task"}}');
    expect(chatReadPoints.parse(chatReadPoints.stringify(point))).toEqual(point);
    expect(chatReadPoints.parse('')).toEqual({ shard: 0 });
  });

  it.each(['{broken', '[]', '{"shard":-1}', '{"shard":1.5}', '{"shard":1,"after":null}'])(
    'reads %s as no read point',
    (stored) => {
      // Act / Assess
      expect(chatReadPoints.parse(stored)).toBeUndefined();
    },
  );
});
