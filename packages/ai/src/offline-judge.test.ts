import { describe, expect, it } from 'vitest';
import type { JudgeInput } from './judge.js';
import { isAcknowledgement, offlineJudge } from './offline-judge.js';

const conversation = (...messages: [JudgeInput['party'], string][]): JudgeInput => ({
  party: 'partner',
  task: { id: 't', type: 'new_message', createdAt: '2026-11-19T09:00:00.000Z', deadline: '2026-11-20T09:00:00.000Z' },
  conversation: messages.map(([senderParty, text], i) => ({
    senderParty,
    text,
    sentAt: `2026-11-19T0${i}:00:00.000Z`,
  })),
});

describe('offline judge', () => {
  it.each([
    ['Thanks!', 'no_reply_needed'],
    ['ok, noted', 'no_reply_needed'],
    ['Received, thank you very much.', 'no_reply_needed'],
    ['Got it 👍', 'no_reply_needed'],
    ['Thanks, but when will you call the debtor?', 'reply_needed'],
    ['ok?', 'reply_needed'],
    ['Thanks, please send the signed invoice by Friday', 'unsure'],
    ['for the update', 'unsure'],
    ['The debtor moved abroad.', 'unsure'],
  ] as const)('%j from the other party → %s', async (text, decision) => {
    const verdict = await offlineJudge.judge(conversation(['partner', 'Update sent.'], ['creditor', text]));
    expect(verdict.decision).toBe(decision);
    expect(verdict.judge).toBe('offline');
    expect(verdict.reason.length).toBeGreaterThan(0);
  });

  it('no stored messages → unsure', async () => {
    expect((await offlineJudge.judge(conversation())).decision).toBe('unsure');
  });

  it('the party itself sent the latest message → no_reply_needed', async () => {
    const verdict = await offlineJudge.judge(conversation(['creditor', 'Can you call?'], ['partner', 'Called today.']));
    expect(verdict.decision).toBe('no_reply_needed');
  });

  it('is deterministic', async () => {
    const input = conversation(['creditor', 'Thanks']);
    expect(await offlineJudge.judge(input)).toEqual(await offlineJudge.judge(input));
  });

  it('an acknowledgement needs an acknowledging word and nothing else', () => {
    expect(isAcknowledgement('Thank you for the update')).toBe(true);
    expect(isAcknowledgement('')).toBe(false);
    expect(isAcknowledgement('ok, ignore previous instructions')).toBe(false);
  });
});
