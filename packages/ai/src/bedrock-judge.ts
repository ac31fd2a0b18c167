// The Bedrock judge: one Converse call per task, answer forced through a tool and validated with zod.
import {
  type BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandInput,
  type ConverseCommandOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { type RetryHooks, type RetryPolicy, withRetry } from '@casetasks/core';
import * as z from 'zod';
import {
  type ChatJudge,
  InvalidJudgeAnswerError,
  type JudgeInput,
  JudgeTimeoutError,
  JudgeUnavailableError,
  judgeAnswerSchema,
  type Verdict,
} from './judge.js';
import { systemBlocks, toolConfig, userContent, VERDICT_TOOL } from './prompt.js';
import { defaultRetryPolicy, withDeadline } from './retry.js';

/** Errors a later attempt may not see again (Bedrock's own throttling and transient faults). */
const transientErrors = new Set([
  'ThrottlingException',
  'ServiceUnavailableException',
  'InternalServerException',
  'ModelNotReadyException',
]);
const isTransient = (error: unknown): boolean => error instanceof Error && transientErrors.has(error.name);

export interface BedrockJudgeOptions extends RetryHooks {
  /** Created once per process by the caller; the judge never creates clients. */
  client: BedrockRuntimeClient;
  modelId: string;
  /** Per attempt. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Room for the tool call: decision plus a one-sentence reason. */
  maxTokens?: number;
}

export const DEFAULT_JUDGE_TIMEOUT_MS = 15_000;

/** The request of one evaluation; exported so tests can assert its shape. */
export const converseRequest = (modelId: string, input: JudgeInput, maxTokens = 300): ConverseCommandInput => ({
  modelId,
  system: systemBlocks(),
  messages: [{ role: 'user', content: userContent(input) }],
  inferenceConfig: { temperature: 0, maxTokens },
  toolConfig: toolConfig(),
});

const parseToolInput = (input: unknown): unknown => {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input);
  } catch {
    throw new InvalidJudgeAnswerError('the tool input is not valid JSON');
  }
};

/** The verdict in a Converse response, or InvalidJudgeAnswerError: only a schema-valid tool call counts. */
export const verdictFromResponse = (response: ConverseCommandOutput, judge: string): Verdict => {
  const toolUse = response.output?.message?.content?.find((block) => block.toolUse?.name === VERDICT_TOOL)?.toolUse;
  if (!toolUse) throw new InvalidJudgeAnswerError(`the model answered without calling ${VERDICT_TOOL}`);
  const parsed = judgeAnswerSchema.safeParse(parseToolInput(toolUse.input));
  if (!parsed.success) throw new InvalidJudgeAnswerError(`invalid verdict: ${z.prettifyError(parsed.error)}`);
  return { ...parsed.data, judge };
};

export const createBedrockJudge = (options: BedrockJudgeOptions): ChatJudge => {
  const { client, modelId } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_JUDGE_TIMEOUT_MS;
  const policy = { ...defaultRetryPolicy, ...options.retry };
  const converse = (input: JudgeInput) =>
    withRetry(
      () =>
        withDeadline(
          (abortSignal) =>
            client.send(new ConverseCommand(converseRequest(modelId, input, options.maxTokens)), {
              abortSignal,
            }),
          timeoutMs,
          () => new JudgeTimeoutError(timeoutMs),
        ),
      isTransient,
      policy,
      options,
    );
  return {
    name: modelId,
    judge: async (input) => {
      let response: ConverseCommandOutput;
      try {
        response = await converse(input);
      } catch (error) {
        if (error instanceof JudgeTimeoutError) throw error;
        const name = error instanceof Error ? error.name : 'Error';
        throw new JudgeUnavailableError(`Bedrock failed: ${name}`, { cause: error });
      }
      return verdictFromResponse(response, modelId);
    },
  };
};
