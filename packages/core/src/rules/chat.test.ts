import { describe, expect, it } from 'vitest';
import { answeredAt, type ChatMessageFact, pendingReplies } from './chat.js';

const message = (messageId: string, senderParty: 'partner' | 'creditor', sentAt: string): ChatMessageFact => ({
  messageId,
  senderParty,
  senderUserId: `u-${senderParty}`,
  text: messageId,
  sentAt,
});

describe('pendingReplies', () => {
  const conversation = [
    message('m1', 'creditor', '2026-11-20T10:00:00Z'),
    message('m2', 'creditor', '2026-11-20T11:00:00Z'),
    message('m3', 'partner', '2026-11-20T12:00:00Z'),
    message('m4', 'creditor', '2026-11-20T13:00:00Z'),
    message('m5', 'creditor', '2026-11-20T14:00:00Z'),
  ];

  it('the receiver owes a reply to the other party’s messages after its own last one', () => {
    expect(pendingReplies(conversation, 'partner')).toMatchObject({
      firstAt: '2026-11-20T13:00:00Z',
      count: 2,
      latest: { messageId: 'm5' },
    });
  });

  it('nothing is owed by the party that spoke last', () => {
    expect(pendingReplies(conversation, 'creditor')).toBeUndefined();
  });

  it('does not depend on the order messages are given in', () => {
    expect(pendingReplies([...conversation].reverse(), 'partner')).toEqual(pendingReplies(conversation, 'partner'));
  });

  it('answeredAt: the receiver’s first message at or after a time', () => {
    expect(answeredAt(conversation, 'partner', '2026-11-20T10:00:00Z')).toBe('2026-11-20T12:00:00Z');
    expect(answeredAt(conversation, 'partner', '2026-11-20T13:00:00Z')).toBeUndefined();
  });
});
