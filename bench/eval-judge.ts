// `npm run eval:judge [-- --judge offline|bedrock --model <id>]`: a judge over the labelled corpus, per language.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { allowedModel, type ChatJudge, createBedrockJudge, offlineJudge } from '@casetasks/ai';
import { parseCorpus } from '../packages/ai/src/eval/corpus-schema.js';
import { evaluateJudge, formatScoreTable, scoreResults } from '../packages/ai/src/eval/evaluate-judge.js';

const { values: args } = parseArgs({
  options: {
    judge: { type: 'string', default: 'offline' },
    model: { type: 'string' },
    region: { type: 'string' },
    /** Only these languages (comma-separated), e.g. for a cheap first look at a new model. */
    languages: { type: 'string' },
  },
});

const refuse = (message: string): never => {
  console.error(`eval:judge: ${message}`);
  process.exit(2);
};

/** The Bedrock judge is opt-in: never in CI, only with a model id and working credentials. */
const bedrockJudge = async (): Promise<ChatJudge> => {
  if (process.env.CI) refuse('the Bedrock judge never runs in CI (CI is set); use --judge offline');
  const modelId = args.model ?? refuse('--judge bedrock needs --model <inference profile or model id>');
  const region = args.region ?? process.env.AWS_REGION ?? refuse('--judge bedrock needs --region or AWS_REGION');
  const client = new BedrockRuntimeClient({ region });
  try {
    await client.config.credentials();
  } catch (error) {
    refuse(`no AWS credentials for Bedrock (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!allowedModel(modelId)) console.warn(`${modelId} is not in packages/ai/src/models.ts: no prices, cost left out`);
  return createBedrockJudge({ client, modelId });
};

const judge =
  args.judge === 'offline'
    ? offlineJudge
    : args.judge === 'bedrock'
      ? await bedrockJudge()
      : refuse(`unknown --judge ${args.judge} (offline or bedrock)`);

const corpusText = readFileSync(new URL('../packages/ai/corpus/conversations.jsonl', import.meta.url), 'utf8');
const wanted = args.languages?.split(',');
const corpus = parseCorpus(corpusText).filter((c) => !wanted || wanted.includes(c.language));
const now = new Date();
const results = await evaluateJudge(judge, corpus, { now, clock: () => performance.now() });
const model = allowedModel(judge.name);
const rows = scoreResults(results, model ?? null);

console.log(`judge ${judge.name}, prompt version ${judge.promptVersion ?? '-'}, ${corpus.length} conversations`);
console.log(formatScoreTable(rows));
const outDir = join(import.meta.dirname, 'results');
mkdirSync(outDir, { recursive: true });
const outFile = join(outDir, 'eval-judge.json');
const report = {
  judge: judge.name,
  promptVersion: judge.promptVersion ?? null,
  date: now.toISOString(),
  region: args.judge === 'bedrock' ? (args.region ?? process.env.AWS_REGION) : null,
  prices: model
    ? { pricePer1MInputUsd: model.pricePer1MInputUsd, pricePer1MOutputUsd: model.pricePer1MOutputUsd }
    : null,
  corpus: { conversations: corpus.length, sha256: createHash('sha256').update(corpusText).digest('hex') },
  rows,
  cases: results,
};
writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
console.log(`written to ${outFile}`);
