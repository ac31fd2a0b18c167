// `npx tsx packages/ai/corpus/build-corpus.ts`: regenerates conversations.jsonl from source/*.ts (validated first).
import { writeFileSync } from 'node:fs';
import { parseCorpus } from '../src/eval/corpus-schema.js';
import { buildCorpus, toJsonl } from './corpus-sources.js';

const jsonl = toJsonl(buildCorpus());
const corpus = parseCorpus(jsonl);
writeFileSync(new URL('./conversations.jsonl', import.meta.url), jsonl);
console.log(`wrote ${corpus.length} conversations to packages/ai/corpus/conversations.jsonl`);
