import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCorpus, toJsonl } from '../../corpus/corpus-sources.js';
import { offlineJudge } from '../offline-judge.js';
import { corpusLanguages, parseCorpus } from './corpus-schema.js';
import { evaluateJudge, scoreResults } from './evaluate-judge.js';

/** Measured 2026-11-29: 83.5 % overall, 83.3 % the lowest language; the floors leave room for harder new cases. */
const OFFLINE_RECALL_FLOOR = 0.8;
const OFFLINE_RECALL_FLOOR_PER_LANGUAGE = 0.75;

const jsonl = readFileSync(new URL('../../corpus/conversations.jsonl', import.meta.url), 'utf8');

describe('the labelled corpus', () => {
  const corpus = parseCorpus(jsonl);

  it('is the output of the build script (source/*.ts and conversations.jsonl agree)', () => {
    expect(jsonl).toBe(toJsonl(buildCorpus()));
  });

  it('holds at least 300 conversations with unique ids', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(new Set(corpus.map((c) => c.id)).size).toBe(corpus.length);
  });

  it('has at least 30 conversations in each of at least 5 languages, with both labels', () => {
    const covered = corpusLanguages.filter((language) => {
      const cases = corpus.filter((c) => c.language === language);
      return (
        cases.length >= 30 &&
        cases.some((c) => c.label === 'reply_needed') &&
        cases.some((c) => c.label === 'no_reply_needed')
      );
    });
    expect(covered.length).toBeGreaterThanOrEqual(5);
  });

  it('marks injection attempts and thanks-plus-request as mustKeep', () => {
    const keep = corpus.filter((c) => ['injection', 'thanks_plus_request', 'dispute'].includes(c.category));
    expect(keep.length).toBeGreaterThan(0);
    expect(keep.every((c) => c.mustKeep && c.label === 'reply_needed')).toBe(true);
  });

  it('rejects a malformed line with its line number', () => {
    const bad = jsonl.split('\n')[0]?.replace('"reply_needed"', '"maybe"').replace('"no_reply_needed"', '"maybe"');
    expect(() => parseCorpus(`${bad}\n`)).toThrow(/corpus line 1/);
  });
});

describe('the offline judge over the corpus', async () => {
  const corpus = parseCorpus(jsonl);
  const results = await evaluateJudge(offlineJudge, corpus, {
    now: new Date('2026-11-29T09:00:00.000Z'),
    clock: () => 0,
  });
  const rows = scoreResults(results);
  const overall = rows.find((r) => r.language === 'all');

  it('never closes a conversation that needs a reply', () => {
    expect(overall?.mustKeepViolations).toBe(0);
    expect(overall?.falseCloseRate).toBe(0);
    expect(results.filter((r) => r.label === 'reply_needed' && r.decision === 'no_reply_needed')).toEqual([]);
  });

  it('closes at least the recall floor of the settled conversations, overall and per language', () => {
    expect(overall?.recall).toBeGreaterThanOrEqual(OFFLINE_RECALL_FLOOR);
    for (const row of rows) expect(row.recall, row.language).toBeGreaterThanOrEqual(OFFLINE_RECALL_FLOOR_PER_LANGUAGE);
  });
});
