// Every language's hand-written cases as corpus conversations; build-corpus.ts writes them as JSONL.
import type { CorpusConversation, CorpusLanguage } from '../src/eval/corpus-schema.js';
import type { CorpusCase } from './source/cases.js';
import { da } from './source/da.js';
import { de } from './source/de.js';
import { en } from './source/en.js';
import { fr } from './source/fr.js';
import { nl } from './source/nl.js';
import { sv } from './source/sv.js';

const sources: Record<CorpusLanguage, readonly CorpusCase[]> = { da, de, nl, sv, fr, en };

/** Ids are the language and the position in its file: append new cases at the end so existing ids stay stable. */
export const buildCorpus = (): CorpusConversation[] =>
  Object.entries(sources).flatMap(([language, cases]) =>
    cases.map(
      ({ label, mustKeep, category, lines, source }, i): CorpusConversation => ({
        id: `${language}-${String(i + 1).padStart(3, '0')}`,
        language: language as CorpusLanguage,
        messages: lines.map(([direction, text, ageHours]) => ({
          direction: direction === 'in' ? 'inbound' : 'outbound',
          text,
          ageHours,
        })),
        label,
        mustKeep,
        category,
        ...(source === undefined ? {} : { source }),
      }),
    ),
  );

export const toJsonl = (corpus: readonly CorpusConversation[]): string =>
  `${corpus.map((conversation) => JSON.stringify(conversation)).join('\n')}\n`;
