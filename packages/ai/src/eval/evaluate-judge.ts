// Runs a chat judge over the labelled corpus and scores it: false closes, mustKeep violations, recall, unsure, cost.
import type { ChatJudge, JudgeDecision, JudgeInput, TokenUsage } from '../judge.js';
import type { CorpusConversation } from './corpus-schema.js';

/** The corpus is written from the collection partner's side: inbound messages come from the creditor. */
const PARTY = 'partner';
const HOUR_MS = 3_600_000;

export const toJudgeInput = (conversation: CorpusConversation, now: Date): JudgeInput => {
  const sentAt = (ageHours: number) => new Date(now.getTime() - ageHours * HOUR_MS).toISOString();
  const lastInbound = conversation.messages.findLast((m) => m.direction === 'inbound') ?? conversation.messages[0];
  const createdMs = now.getTime() - (lastInbound?.ageHours ?? 0) * HOUR_MS;
  return {
    party: PARTY,
    now: now.toISOString(),
    task: {
      id: conversation.id,
      type: 'new_message',
      createdAt: new Date(createdMs).toISOString(),
      deadline: new Date(createdMs + 24 * HOUR_MS).toISOString(),
    },
    conversation: conversation.messages.map((m) => ({
      senderParty: m.direction === 'inbound' ? 'creditor' : PARTY,
      text: m.text,
      sentAt: sentAt(m.ageHours),
    })),
  };
};

export interface CaseResult {
  id: string;
  language: string;
  label: CorpusConversation['label'];
  mustKeep: boolean;
  /** `failed` when the judge threw; the task would stay open. */
  decision: JudgeDecision | 'failed';
  reason: string;
  latencyMs: number;
  inputTokens: number;
  outputTokens: number;
}

export interface EvaluateOptions {
  now: Date;
  /** Milliseconds, monotonic; injected so tests do not depend on the wall clock. */
  clock: () => number;
}

/** One case at a time, so latency is the judge's own and not queueing. */
export const evaluateJudge = async (
  judge: ChatJudge,
  corpus: readonly CorpusConversation[],
  { now, clock }: EvaluateOptions,
): Promise<CaseResult[]> => {
  const results: CaseResult[] = [];
  for (const conversation of corpus) {
    const started = clock();
    let decision: CaseResult['decision'];
    let reason: string;
    let usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
    try {
      const verdict = await judge.judge(toJudgeInput(conversation, now));
      ({ decision, reason } = verdict);
      usage = verdict.usage ?? usage;
    } catch (error) {
      decision = 'failed';
      reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    const latencyMs = clock() - started;
    const { id, language, label, mustKeep } = conversation;
    results.push({ id, language, label, mustKeep, decision, reason, latencyMs, ...usage });
  }
  return results;
};

export interface Prices {
  pricePer1MInputUsd: number;
  pricePer1MOutputUsd: number;
}

export interface ScoreRow {
  language: string;
  cases: number;
  replyNeeded: number;
  noReplyNeeded: number;
  /** Closed although a reply was needed, over all reply_needed cases. */
  falseCloseRate: number;
  falseCloses: number;
  mustKeepViolations: number;
  /** Closed among the no_reply_needed cases. */
  recall: number;
  unsureRate: number;
  failed: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  inputTokens: number;
  outputTokens: number;
  /** Null when no prices are known (the offline judge uses no tokens). */
  costUsd: number | null;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** Nearest-rank percentile. */
export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
};

const scoreRow = (language: string, results: readonly CaseResult[], prices: Prices | null): ScoreRow => {
  const replyNeeded = results.filter((r) => r.label === 'reply_needed');
  const noReplyNeeded = results.filter((r) => r.label === 'no_reply_needed');
  const closed = (r: CaseResult) => r.decision === 'no_reply_needed';
  const falseCloses = replyNeeded.filter(closed).length;
  const inputTokens = results.reduce((sum, r) => sum + r.inputTokens, 0);
  const outputTokens = results.reduce((sum, r) => sum + r.outputTokens, 0);
  const latencies = results.map((r) => r.latencyMs);
  return {
    language,
    cases: results.length,
    replyNeeded: replyNeeded.length,
    noReplyNeeded: noReplyNeeded.length,
    falseCloseRate: ratio(falseCloses, replyNeeded.length),
    falseCloses,
    mustKeepViolations: results.filter((r) => r.mustKeep && closed(r)).length,
    recall: ratio(noReplyNeeded.filter(closed).length, noReplyNeeded.length),
    unsureRate: ratio(results.filter((r) => r.decision === 'unsure').length, results.length),
    failed: results.filter((r) => r.decision === 'failed').length,
    latencyP50Ms: percentile(latencies, 50),
    latencyP95Ms: percentile(latencies, 95),
    inputTokens,
    outputTokens,
    costUsd: prices
      ? (inputTokens * prices.pricePer1MInputUsd + outputTokens * prices.pricePer1MOutputUsd) / 1_000_000
      : null,
  };
};

/** One row per language (sorted) and a final `all` row. */
export const scoreResults = (results: readonly CaseResult[], prices: Prices | null = null): ScoreRow[] => {
  const languages = [...new Set(results.map((r) => r.language))].sort();
  return [
    ...languages.map((language) =>
      scoreRow(
        language,
        results.filter((r) => r.language === language),
        prices,
      ),
    ),
    scoreRow('all', results, prices),
  ];
};

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

/** A fixed-width text table for the terminal and the docs. */
export const formatScoreTable = (rows: readonly ScoreRow[]): string => {
  const header = [
    'lang',
    'cases',
    'false-close',
    'mustKeep viol.',
    'recall',
    'unsure',
    'failed',
    'p50 ms',
    'p95 ms',
    'tokens in/out',
    'cost USD',
  ];
  const lines = rows.map((r) => [
    r.language,
    String(r.cases),
    `${pct(r.falseCloseRate)} (${r.falseCloses})`,
    String(r.mustKeepViolations),
    pct(r.recall),
    pct(r.unsureRate),
    String(r.failed),
    r.latencyP50Ms.toFixed(1),
    r.latencyP95Ms.toFixed(1),
    `${r.inputTokens}/${r.outputTokens}`,
    r.costUsd === null ? '-' : r.costUsd.toFixed(4),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const row = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [row(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(row)].join('\n');
};
