// List cursors: a cursor continues exactly the list it was made for; any other, or a crafted one, is a 400 on `cursor`.
import { describe, expect, it } from 'vitest';
import { decodeListCursor, decodeListCursorOf, encodeListCursor, InvalidListCursorError } from './list-cursor.js';
import { listPlans, planTaskList, type TaskListQuery } from './task-list.js';

const id = '01KB0000000000000000000000';
const open = planTaskList({ party: 'partner', orgId: 'p-1', status: 'open' });
const onCase = planTaskList({ party: 'partner', orgId: 'p-1', status: 'open', caseId: 'c-1' });
const lastKeyOf = (plan: typeof open, sortKey: string) => ({
  pk: `task#${id}`,
  sk: 'task',
  g1pk: plan.partition,
  g1sk: sortKey,
});

describe('list cursors', () => {
  it('decode what encode made for the same plan', () => {
    // Prepare
    const lastKey = lastKeyOf(open, `2026-11-25T10:00:00.000Z#${id}`);

    // Act
    const decoded = decodeListCursor(open, encodeListCursor(open, lastKey));

    // Assess
    expect(decoded).toEqual(lastKey);
  });

  it('keeps the sort-key prefix of a case list in the check', () => {
    // Prepare
    const lastKey = {
      pk: `task#${id}`,
      sk: 'task',
      g5pk: 'case#c-1',
      g5sk: `open#partner#p-1#2026-11-25T10:00:00.000Z#${id}`,
    };

    // Act / Assess
    expect(decodeListCursor(onCase, encodeListCursor(onCase, lastKey))).toEqual(lastKey);
  });

  it.each([
    [
      'another org',
      encodeListCursor(open, { ...lastKeyOf(open, `2026-11-25T10:00:00.000Z#${id}`), g1pk: 'partner#p-2#open' }),
    ],
    [
      'another task id in the sort key',
      encodeListCursor(open, lastKeyOf(open, '2026-11-25T10:00:00.000Z#01KB0000000000000000000001')),
    ],
    ['free text', Buffer.from('not json').toString('base64url')],
    ['an own __proto__ key', Buffer.from(`{"i":"openByDeadline","k":{"__proto__":{}}}`).toString('base64url')],
  ])('refuses a cursor of %s as a 400 naming `cursor`', (_, cursor) => {
    // Act
    const attempt = () => decodeListCursor(open, cursor);

    // Assess
    expect(attempt).toThrow(InvalidListCursorError);
    expect(attempt).toThrow(
      expect.objectContaining({
        statusCode: 400,
        code: 'invalid_request',
        message: 'invalid request: cursor',
        fields: [{ field: 'cursor', message: 'cursor is not valid for this list; start again' }],
      }),
    );
  });
});

describe('list cursors of the amount and search indexes (issue 20)', () => {
  const byAmount = planTaskList({ party: 'partner', orgId: 'p-1', status: 'open', order: '-amount' });
  const searchPlans = listPlans({ party: 'partner', orgId: 'p-1', status: 'open', search: 'jor' });
  const [byReference, byDebtor] = searchPlans as [TaskListQuery, TaskListQuery];
  const plansOf = (plan: TaskListQuery) => (plan === byAmount ? [byAmount] : searchPlans);
  const keyOf = (pkName: string, skName: string, partition: string, sortKey: string) => ({
    pk: `task#${id}`,
    sk: 'task',
    [pkName]: partition,
    [skName]: sortKey,
  });

  it.each([
    ['openByAmount, a known amount', byAmount, keyOf('g1pk', 'g13sk', 'partner#p-1#open', `0000000000123456#${id}`)],
    ['openByAmount, no amount', byAmount, keyOf('g1pk', 'g13sk', 'partner#p-1#open', `-#${id}`)],
    ['openByReference', byReference, keyOf('g1pk', 'g14sk', 'partner#p-1#open', `jorvik 2026 42#${id}`)],
    ['openByDebtor', byDebtor, keyOf('g1pk', 'g15sk', 'partner#p-1#open', `jorgensen müller#${id}`)],
  ])('decode what encode made for %s', (_, plan, lastKey) => {
    // Act
    const position = decodeListCursorOf(plansOf(plan), encodeListCursor(plan, lastKey));
    // Assess
    expect(position).toEqual({ phase: plan === byDebtor ? 1 : 0, startKey: lastKey });
  });

  it.each([
    [
      'an instant in the amount index',
      byAmount,
      keyOf('g1pk', 'g13sk', 'partner#p-1#open', `2026-11-25T10:00:00.000Z#${id}`),
    ],
    ['a short amount', byAmount, keyOf('g1pk', 'g13sk', 'partner#p-1#open', `123456#${id}`)],
    [
      'an amount key in the reference index',
      byReference,
      keyOf('g1pk', 'g14sk', 'partner#p-1#open', `jor#0000000000000001#${id}`),
    ],
    ['upper case in the reference index', byReference, keyOf('g1pk', 'g14sk', 'partner#p-1#open', `JORVIK#${id}`)],
    ['a double space in the debtor index', byDebtor, keyOf('g1pk', 'g15sk', 'partner#p-1#open', `jor  gensen#${id}`)],
    ['a key outside the search prefix', byDebtor, keyOf('g1pk', 'g15sk', 'partner#p-1#open', `hansen#${id}`)],
    ['another index than the plans read', byReference, keyOf('g1pk', 'g13sk', 'partner#p-1#open', `-#${id}`)],
  ])('refuses a crafted key: %s', (_, plan, lastKey) => {
    // Act
    const attempt = () => decodeListCursorOf(plansOf(plan), encodeListCursor(plan, lastKey));
    // Assess
    expect(attempt).toThrow(InvalidListCursorError);
  });

  it('refuses a search cursor on a plain list and a plain cursor on a search', () => {
    // Prepare
    const searchCursor = encodeListCursor(byReference, keyOf('g1pk', 'g14sk', 'partner#p-1#open', `jorvik#${id}`));
    const plainCursor = encodeListCursor(open, lastKeyOf(open, `2026-11-25T10:00:00.000Z#${id}`));
    // Act / Assess
    expect(() => decodeListCursorOf([open], searchCursor)).toThrow(InvalidListCursorError);
    expect(() => decodeListCursorOf([byReference, byDebtor], plainCursor)).toThrow(InvalidListCursorError);
  });
});
