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
  JudgeThrottledError,
  JudgeTimeoutError,
  JudgeUnavailableError,
  judgeAnswerSchema,
  ModelUnavailableError,
  type Verdict,
} from './judge.js';
import { latestMessageCut, PROMPT_VERSION, systemBlocks, toolConfig, userContent, VERDICT_TOOL } from './prompt.js';
import { type DeadlineTimer, defaultRetryPolicy, withDeadline } from './retry.js';

/** Errors a later attempt may not see again (Bedrock's own throttling and transient faults). */
const transientErrors = new Set([
  'ThrottlingException',
  'ServiceUnavailableException',
  'InternalServerException',
  'ModelNotReadyException',
]);
const isTransient = (error: unknown): boolean => error instanceof Error && transientErrors.has(error.name);

/**
 * The model cannot be called at all: end of life or unknown id (`ResourceNotFoundException`), no
 * model access or IAM (`AccessDeniedException`), or a validation error naming the model (e.g. an id
 * that needs an inference profile).
 */
export const isModelUnavailable = (error: unknown): boolean =>
  error instanceof Error &&
  (error.name === 'ResourceNotFoundException' ||
    error.name === 'AccessDeniedException' ||
    (error.name === 'ValidationException' && /model|inference profile/i.test(error.message)));

export interface BedrockJudgeOptions extends RetryHooks {
  /** Created once per process by the caller; the judge never creates clients. */
  client: BedrockRuntimeClient;
  modelId: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** What measures `timeoutMs`; real timers unless a test injects one. */
  deadlineTimer?: DeadlineTimer;
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

/** Said in the verdict when code, not the model, decided `unsure`. */
export const CUT_LATEST_REASON = 'The latest message was too long to show in full.';

/**
 * The verdict in a Converse response, or InvalidJudgeAnswerError: only a schema-valid tool call that
 * ended the turn (`stopReason` `tool_use`; `max_tokens` or `end_turn` may carry a partial answer) counts.
 */
export const verdictFromResponse = (response: ConverseCommandOutput, judge: string): Verdict => {
  if (response.stopReason !== 'tool_use') {
    throw new InvalidJudgeAnswerError(
      `the model stopped with ${response.stopReason ?? 'no stop reason'}, not tool_use`,
    );
  }
  const toolUse = response.output?.message?.content?.find((block) => block.toolUse?.name === VERDICT_TOOL)?.toolUse;
  if (!toolUse) throw new InvalidJudgeAnswerError(`the model answered without calling ${VERDICT_TOOL}`);
  const parsed = judgeAnswerSchema.safeParse(parseToolInput(toolUse.input));
  if (!parsed.success) throw new InvalidJudgeAnswerError(`invalid verdict: ${z.prettifyError(parsed.error)}`);
  const usage = response.usage
    ? { inputTokens: response.usage.inputTokens ?? 0, outputTokens: response.usage.outputTokens ?? 0 }
    : undefined;
  return { ...parsed.data, judge, promptVersion: PROMPT_VERSION, ...(usage ? { usage } : {}) };
};

/** The prompt asks for `unsure` when the latest message was cut; this makes sure of it. */
const unsureIfLatestCut = (verdict: Verdict, input: JudgeInput): Verdict =>
  verdict.decision === 'no_reply_needed' && latestMessageCut(input)
    ? { ...verdict, decision: 'unsure', reason: CUT_LATEST_REASON }
    : verdict;

const unavailable = (error: unknown): Error => {
  const name = error instanceof Error ? error.name : 'Error';
  if (isModelUnavailable(error))
    return new ModelUnavailableError(`the model cannot be called: ${name}`, { cause: error });
  if (name === 'ThrottlingException') return new JudgeThrottledError(`Bedrock throttled: ${name}`, { cause: error });
  return new JudgeUnavailableError(`Bedrock failed: ${name}`, { cause: error });
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
          options.deadlineTimer,
        ),
      isTransient,
      policy,
      options,
    );
  return {
    name: modelId,
    promptVersion: PROMPT_VERSION,
    judge: async (input) => {
      let response: ConverseCommandOutput;
      try {
        response = await converse(input);
      } catch (error) {
        if (error instanceof JudgeTimeoutError) throw error;
        throw unavailable(error);
      }
      return unsureIfLatestCut(verdictFromResponse(response, modelId), input);
    },
  };
};
