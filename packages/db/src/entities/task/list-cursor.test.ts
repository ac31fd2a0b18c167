// List cursors: a cursor continues exactly the list it was made for; any other, or a crafted one, is a 400 on `cursor`.
import { describe, expect, it } from 'vitest';
import { decodeListCursor, encodeListCursor, InvalidListCursorError } from './list-cursor.js';
import { planTaskList } from './task-list.js';

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
