import { describe, expect, it } from 'vitest';
import type { JudgeInput } from './judge.js';
import {
  conversationBlock,
  framingBlock,
  latestMessageCut,
  MAX_MESSAGE_CHARS,
  PROMPT_VERSION,
  SYSTEM_PROMPT,
  truncateMessage,
} from './prompt.js';

const input = (texts: string[], now?: string): JudgeInput => ({
  party: 'partner',
  task: { id: 't-1', type: 'new_message', createdAt: '2026-11-19T09:00:00.000Z', deadline: '2026-11-20T09:00:00.000Z' },
  conversation: texts.map((text, i) => ({ senderParty: 'creditor', text, sentAt: `2026-11-2${i}T09:00:00.000Z` })),
  ...(now ? { now } : {}),
});

describe('prompt v2: long messages', () => {
  it('keeps a short message whole', () => {
    expect(truncateMessage('Thanks.')).toEqual({ text: 'Thanks.', cut: false });
  });

  it('keeps head and tail of a long message with a visible cut marker', () => {
    // Prepare
    const text = `START ${'a'.repeat(3_000)} Can you call the debtor tomorrow?`;
    // Act
    const shown = truncateMessage(text);
    // Assess
    expect(shown.cut).toBe(true);
    expect(shown.text.startsWith('START ')).toBe(true);
    expect(shown.text.endsWith('Can you call the debtor tomorrow?')).toBe(true);
    expect(shown.text).toContain(`[… ${(text.length - 2_000).toLocaleString('en-US')} characters cut …]`);
    expect(shown.text.length).toBeLessThan(MAX_MESSAGE_CHARS + 50);
  });

  it('tells the model to answer unsure only when the latest message was cut', () => {
    const long = 'b'.repeat(2_500);
    expect(latestMessageCut(input([long, 'ok']))).toBe(false);
    expect(latestMessageCut(input(['ok', long]))).toBe(true);
    expect(framingBlock(input(['ok', long]))).toContain('The latest message was cut: answer unsure.');
    expect(framingBlock(input([long, 'ok']))).not.toContain('was cut');
  });

  it('the conversation block carries the tail of a cut message', () => {
    const block = conversationBlock(input([`${'c'.repeat(4_000)} Bitte senden Sie die Rechnung.`]));
    expect(block).toContain('Bitte senden Sie die Rechnung.');
    expect(block).toContain('characters cut');
  });
});

describe('prompt v2: time', () => {
  it('states the current time and each message age in hours', () => {
    // Prepare
    const judged = input(['Hello', 'Thanks'], '2026-11-22T09:00:00.000Z');
    // Act
    const framing = framingBlock(judged);
    const block = conversationBlock(judged);
    // Assess
    expect(framing).toContain('Current time: 2026-11-22T09:00:00.000Z.');
    expect(block).toContain('"ageHours": 48');
    expect(block).toContain('"ageHours": 24');
  });

  it('omits ages when no time is given', () => {
    expect(conversationBlock(input(['Hello']))).not.toContain('ageHours');
  });
});

describe('prompt v2: the system prompt', () => {
  it('is version 2, names the languages and the polite requests, and asks for English reasons', () => {
    expect(PROMPT_VERSION).toBe('2');
    for (const language of ['Danish', 'German', 'Dutch', 'Swedish', 'French', 'English']) {
      expect(SYSTEM_PROMPT).toContain(language);
    }
    for (const polite of ['bitte', 'venligst', 'graag', 'merci de', 'please']) {
      expect(SYSTEM_PROMPT.toLowerCase()).toContain(polite);
    }
    expect(SYSTEM_PROMPT).toContain('one short sentence in English');
    expect(SYSTEM_PROMPT).toContain('untrusted data');
  });
});
