// Shorthand for writing corpus cases by hand: `needs` (a reply is expected) and `settled` (nothing is expected).
export type Line = readonly [direction: 'in' | 'out', text: string, ageHours: number];

export interface CorpusCase {
  label: 'reply_needed' | 'no_reply_needed';
  mustKeep: boolean;
  category: string;
  lines: readonly Line[];
  /** Set when the case did not start as hand-written, e.g. `reopened` (an undo exported from production). */
  source?: string;
}

/** A reply is expected; `mustKeep` (the default) marks questions, requests, disputes, promises and injections. */
export const needs = (category: string, lines: readonly Line[], mustKeep = true): CorpusCase => ({
  label: 'reply_needed',
  mustKeep,
  category,
  lines,
});

export const settled = (category: string, lines: readonly Line[]): CorpusCase => ({
  label: 'no_reply_needed',
  mustKeep: false,
  category,
  lines,
});
