import { describe, expect, it } from 'vitest';
import type { ChatJudge, JudgeDecision } from '../judge.js';
import type { CorpusConversation } from './corpus-schema.js';
import { evaluateJudge, formatScoreTable, percentile, scoreResults, toJudgeInput } from './evaluate-judge.js';

const now = new Date('2026-11-29T12:00:00.000Z');

const conversation = (
  id: string,
  label: CorpusConversation['label'],
  mustKeep: boolean,
  text: string,
  language: CorpusConversation['language'] = 'en',
): CorpusConversation => ({
  id,
  language,
  label,
  mustKeep,
  category: 'test',
  messages: [
    { direction: 'outbound', text: 'Reminder sent.', ageHours: 30 },
    { direction: 'inbound', text, ageHours: 6 },
  ],
});

/** Answers by the latest message's text; throws on "boom"; reports 100/10 tokens per call. */
const scriptedJudge = (answers: Record<string, JudgeDecision>): ChatJudge => ({
  name: 'scripted',
  judge: async ({ conversation: messages }) => {
    const text = messages.at(-1)?.text ?? '';
    if (text === 'boom') throw new Error('model down');
    return {
      decision: answers[text] ?? 'unsure',
      reason: 'scripted',
      judge: 'scripted',
      usage: { inputTokens: 100, outputTokens: 10 },
    };
  },
});

describe('toJudgeInput', () => {
  it('maps inbound to the creditor, outbound to the partner, ages to timestamps', () => {
    const input = toJudgeInput(conversation('en-1', 'reply_needed', true, 'Why?'), now);
    expect(input.party).toBe('partner');
    expect(input.now).toBe(now.toISOString());
    expect(input.conversation.map((m) => m.senderParty)).toEqual(['partner', 'creditor']);
    expect(input.conversation.map((m) => m.sentAt)).toEqual(['2026-11-28T06:00:00.000Z', '2026-11-29T06:00:00.000Z']);
    expect(input.task.createdAt).toBe('2026-11-29T06:00:00.000Z');
    expect(input.task.deadline).toBe('2026-11-30T06:00:00.000Z');
  });
});

describe('evaluateJudge and scoreResults', () => {
  it('counts false closes, mustKeep violations, recall, unsure, failures, tokens and cost per language', async () => {
    // Prepare
    const corpus = [
      conversation('en-1', 'reply_needed', true, 'Pay?'),
      conversation('en-2', 'reply_needed', false, 'Moved abroad.'),
      conversation('en-3', 'no_reply_needed', false, 'Thanks'),
      conversation('en-4', 'no_reply_needed', false, 'Cheers Tom'),
      conversation('da-1', 'reply_needed', true, 'boom', 'da'),
      conversation('da-2', 'no_reply_needed', false, 'Tak', 'da'),
    ];
    const judge = scriptedJudge({
      'Pay?': 'no_reply_needed',
      'Moved abroad.': 'no_reply_needed',
      Thanks: 'no_reply_needed',
    });
    let tick = 0;

    // Act
    const results = await evaluateJudge(judge, corpus, { now, clock: () => (tick += 5) });
    const rows = scoreResults(results, { pricePer1MInputUsd: 1, pricePer1MOutputUsd: 5 });

    // Assess
    const en = rows.find((r) => r.language === 'en');
    const all = rows.find((r) => r.language === 'all');
    expect(rows.map((r) => r.language)).toEqual(['da', 'en', 'all']);
    expect(en).toMatchObject({ cases: 4, falseCloses: 2, falseCloseRate: 1, mustKeepViolations: 1, recall: 0.5 });
    expect(en?.unsureRate).toBe(0.25);
    expect(all).toMatchObject({ failed: 1, mustKeepViolations: 1, inputTokens: 500, outputTokens: 50 });
    expect(all?.costUsd).toBeCloseTo((500 * 1 + 50 * 5) / 1_000_000, 12);
    expect(results.find((r) => r.id === 'da-1')).toMatchObject({ decision: 'failed', reason: 'Error: model down' });
    expect(results.every((r) => r.latencyMs === 5)).toBe(true);
    expect(formatScoreTable(rows)).toContain('| all ');
  });

  it('leaves cost out without prices', () => {
    expect(scoreResults([])[0]?.costUsd).toBeNull();
  });

  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(10);
    expect(percentile(values, 95)).toBe(19);
    expect(percentile([], 95)).toBe(0);
  });
});
