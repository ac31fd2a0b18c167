// The chat judge contract: "is a reply from this party still reasonably expected?", one schema for every judge.
import type { Party, Task } from '@casetasks/core';
import * as z from 'zod';

export const judgeDecisionSchema = z.enum(['reply_needed', 'no_reply_needed', 'unsure']);
export type JudgeDecision = z.infer<typeof judgeDecisionSchema>;

/**
 * What a judge answers. Declared once: it validates the model's tool input, types the result and
 * (through z.toJSONSchema) is the JSON schema of the tool the model must call.
 */
export const judgeAnswerSchema = z.strictObject({
  decision: judgeDecisionSchema.describe(
    'no_reply_needed only when nothing is expected from the party; reply_needed when something is; unsure otherwise',
  ),
  reason: z.string().trim().min(1).max(500).describe('One short sentence explaining the decision'),
});
export type JudgeAnswer = z.infer<typeof judgeAnswerSchema>;

/** Tokens one evaluation cost (Converse `usage`). */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/**
 * A verdict names its judge (`offline` or the model id) and the prompt version it was asked with;
 * a model judge also reports its token usage.
 */
export type Verdict = JudgeAnswer & { judge: string; promptVersion?: string; usage?: TokenUsage };

export interface ConversationMessage {
  /** The stored message's id: the verdict cache is keyed by the latest one. */
  messageId?: string;
  senderParty: Party;
  text: string;
  sentAt: string;
}

export interface JudgeInput {
  /** The case's recent messages, oldest first. */
  conversation: readonly ConversationMessage[];
  /** The party whose reply is in question (the task's access level). */
  party: Party;
  task: Pick<Task, 'id' | 'type' | 'createdAt' | 'deadline' | 'details'>;
  /** The run's logical time: the prompt states it and each message's age. */
  now?: string;
}

export interface ChatJudge {
  /** `offline` or the model id. */
  readonly name: string;
  /** The prompt version a model judge asks with; stored with every verdict. */
  readonly promptVersion?: string;
  judge(input: JudgeInput): Promise<Verdict>;
}

/** A judge could not give a usable verdict; the task stays open. `retryable` says whether a later run may succeed. */
export abstract class JudgeError extends Error {
  abstract readonly retryable: boolean;
}

/** Throttled (after the bounded retries) or the service failed. */
export class JudgeUnavailableError extends JudgeError {
  override readonly name: string = 'JudgeUnavailableError';
  readonly retryable = true;
}

/** Still throttled after the bounded retries: the run counts these in a row to end the invocation early. */
export class JudgeThrottledError extends JudgeUnavailableError {
  override readonly name = 'JudgeThrottledError';
}

/**
 * The model cannot be called at all (end of life, no access, unknown id): no later task would fare
 * better, so the run stops at the first one and the task is not counted as failed.
 */
export class ModelUnavailableError extends JudgeError {
  override readonly name = 'ModelUnavailableError';
  readonly retryable = false;
}

export class JudgeTimeoutError extends JudgeError {
  override readonly name = 'JudgeTimeoutError';
  readonly retryable = true;
  constructor(readonly timeoutMs: number) {
    super(`the judge did not answer within ${timeoutMs} ms`);
  }
}

/** The model answered, but not through the tool or not matching the schema. */
export class InvalidJudgeAnswerError extends JudgeError {
  override readonly name = 'InvalidJudgeAnswerError';
  readonly retryable = false;
}
