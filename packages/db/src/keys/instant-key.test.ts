// The sort-key encoder: fixed width and time-ordered over every instant it admits, and a typed refusal of the rest.
import { EARLIEST_INSTANT, latestInstant, newTask, type Task } from '@casetasks/core';
import { describe, expect, it } from 'vitest';
import { toTaskItem } from '../entities/task/task-item.js';
import { InstantOutOfRangeError, instantKey, instantKeyThrough, instantSortKey } from './instant-key.js';

const NOW = Date.parse('2026-11-23T10:00:00.000Z');
const LAST = '9999-12-31T23:59:59.999Z';

/** Epoch ms of the boundaries the domain and the key format care about, and one millisecond either side. */
const boundaries = [
  '0000-01-01T00:00:00.000Z',
  '0999-12-31T23:59:59.999Z',
  '1000-01-01T00:00:00.000Z',
  EARLIEST_INSTANT,
  '2026-12-31T23:59:59.999Z',
  '2027-01-01T00:00:00.000Z',
  '2028-02-29T12:00:00.000Z',
  new Date(NOW).toISOString(),
  latestInstant(NOW),
  '9999-12-31T00:00:00.000Z',
  LAST,
].flatMap((iso) => [Date.parse(iso) - 1, Date.parse(iso), Date.parse(iso) + 1]);

/** A deterministic spread over the whole range (no Math.random: a failure must reproduce). */
const spread = (count: number): number[] => {
  const first = Date.parse('0000-01-01T00:00:00.000Z');
  const span = Date.parse(LAST) - first;
  let seed = 0x2f6b1d;
  return Array.from({ length: count }, () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return first + Math.floor((seed / 2 ** 32) * span);
  });
};

describe('instantKey', () => {
  it('encodes the domain boundaries (2000-01-01, now, now + 10 years) and the last keyable instant', () => {
    // Prepare
    const instants = [EARLIEST_INSTANT, new Date(NOW).toISOString(), latestInstant(NOW), LAST];

    // Act
    const keys = instants.map((at) => instantKey(at));

    // Assess
    expect(keys).toEqual(instants);
    expect(keys.every((key) => key.length === 24)).toBe(true);
  });

  it('orders keys exactly like time, across year, day and millisecond boundaries and the whole range', () => {
    // Prepare
    const instants = [...boundaries.filter((at) => at >= Date.parse('0000-01-01T00:00:00.000Z')), ...spread(2_000)]
      .filter((at) => at <= Date.parse(LAST))
      .sort((a, b) => a - b);

    // Act
    const keys = instants.map((at) => instantKey(at));

    // Assess
    expect(keys.every((key) => key.length === 24)).toBe(true);
    const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    for (let i = 1; i < keys.length; i++) {
      const keyOrder = compare(keys[i - 1] ?? '', keys[i] ?? '');
      expect(keyOrder).toBe(Math.sign((instants[i - 1] ?? 0) - (instants[i] ?? 0)));
    }
  });

  it.each([
    ['year 10000 as a Date', new Date(Date.parse(LAST) + 1)],
    ['year 10000 as the string toISOString gives', '+010000-01-01T00:00:00.000Z'],
    ['year 10000 as epoch ms', Date.parse(LAST) + 1],
    ['a negative year', '-000001-12-31T00:00:00.000Z'],
    ['the millisecond before year 0', Date.parse('0000-01-01T00:00:00.000Z') - 1],
    ['an invalid date', new Date(Number.NaN)],
    ['a date-time without offset (local time)', '2026-11-23T10:00:00'],
    ['free text', 'tomorrow'],
    ['an empty string', ''],
  ])('refuses %s with a typed error naming the field', (_, at) => {
    // Act
    const attempt = () => instantKey(at, 'deadline');

    // Assess
    expect(attempt).toThrow(InstantOutOfRangeError);
    expect(attempt).toThrow(expect.objectContaining({ field: 'deadline', statusCode: 400 }));
  });

  it('refuses the deadline that business days after 9999-12-31 give (the reported poison)', () => {
    // Prepare: what `new Date('9999-12-31T…')` + 2 business days gives from toISOString.
    const deadline = new Date(Date.parse('9999-12-31T09:00:00.000Z') + 2 * 86_400_000).toISOString();

    // Act / Assess
    expect(deadline.startsWith('+010000-')).toBe(true);
    expect(() => instantKey(deadline)).toThrow(InstantOutOfRangeError);
  });

  it('gives one key per instant, whatever offset or precision the string has', () => {
    // Act / Assess
    expect(instantKey('2026-11-23T11:00:00+01:00')).toBe('2026-11-23T10:00:00.000Z');
    expect(instantKey('2026-11-23T10:00:00Z')).toBe('2026-11-23T10:00:00.000Z');
    expect(instantKey(new Date('2026-11-23T10:00:00.000Z'))).toBe('2026-11-23T10:00:00.000Z');
    // Without normalising, `…00Z` would sort after `…00.500Z` although it is earlier.
    expect(instantKey('2026-11-23T10:00:00Z') < instantKey('2026-11-23T10:00:00.500Z')).toBe(true);
  });
});

describe('query bounds', () => {
  const at = '2026-11-23T10:00:00.000Z';
  const ids = ['01KAZZZZZZZZZZZZZZZZZZZZZZ', 'c-1', 'zz~~', 'é-case'];

  it('the inclusive bound sorts after every key of the instant and before the next millisecond', () => {
    // Act
    const through = instantKeyThrough(at);

    // Assess
    for (const id of ids) expect(instantSortKey(at, id) < through).toBe(true);
    expect(through < instantSortKey(Date.parse(at) + 1, '0')).toBe(true);
  });

  it('the bare key bounds from below inclusively and from above exclusively', () => {
    // Act
    const bare = instantKey(at);

    // Assess
    for (const id of ids) expect(instantSortKey(at, id) > bare).toBe(true);
    expect(instantSortKey(Date.parse(at) - 1, '~') < bare).toBe(true);
  });
});

describe('toTaskItem', () => {
  const task = (patch: Partial<Task>): Task => ({
    ...newTask({
      id: '01KB0000000000000000000000',
      type: 'generic',
      party: 'partner',
      orgId: 'p-1',
      scopeKey: 'one',
      createdAt: '2026-11-23T10:00:00.000Z',
      deadline: '2026-11-25T10:00:00.000Z',
      caseId: 'c-1',
      assigneeId: null,
    }),
    ...patch,
  });

  it('keys every index through the encoder', () => {
    // Act
    const item = toTaskItem(task({ deadline: '2026-11-25T11:00:00+01:00' }));

    // Assess
    expect(Object.values(item)).toContain('2026-11-25T10:00:00.000Z#01KB0000000000000000000000');
    expect(Object.values(item)).toContain('open#partner#p-1#2026-11-25T10:00:00.000Z#01KB0000000000000000000000');
  });

  it.each([
    ['deadline', { deadline: '+010000-01-01T00:00:00.000Z' }],
    ['reminder.nextAt', { reminder: { stage: 'overdue' as const, nextAt: '+010000-01-01T00:00:00.000Z' } }],
    ['escalatedAt', { escalatedAt: '-000001-01-01T00:00:00.000Z' }],
    ['completedAt', { status: 'completed' as const, completedAt: '+010000-01-01T00:00:00.000Z' }],
  ])('refuses a task whose %s has no fixed-width key, so it is never written', (field, patch) => {
    // Act / Assess
    expect(() => toTaskItem(task(patch))).toThrow(expect.objectContaining({ name: 'InstantOutOfRangeError', field }));
  });
});
