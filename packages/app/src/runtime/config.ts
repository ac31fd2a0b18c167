// Typed configuration, read once from the environment, with local-mode defaults.
import * as z from 'zod';

const configSchema = z.object({
  TABLE_NAME: z.string().default('casetasks-local'),
  /** Set in local mode and tests (DynamoDB Local); absent when deployed. */
  DYNAMODB_ENDPOINT: z.string().optional(),
  AWS_REGION: z.string().default('eu-west-1'),
  /** The service's own bus for outgoing events (source `casetasks`). */
  EVENT_BUS_NAME: z.string().default('casetasks-local'),
  CALENDAR_TIME_ZONE: z.string().default('UTC'),
  /** ISO country whose public holidays are closed days; empty = weekends only (SPEC default). */
  CALENDAR_COUNTRY: z.string().optional(),
  BEDROCK_MODEL_ID: z.string().default('anthropic.claude-3-haiku-20240307-v1:0'),
  /** `offline` in local mode: the deterministic judge. */
  CHAT_JUDGE: z.enum(['bedrock', 'offline']).default('offline'),
  PAUSED_CASE_STATE_MACHINE_ARN: z.string().optional(),
  POWERTOOLS_SERVICE_NAME: z.string().default('casetasks'),
});

export type Config = z.infer<typeof configSchema>;

let cached: Config | undefined;

/** Read once per process; `resetConfig` exists for tests and local mode that change the environment. */
export const config = (): Config => {
  cached ??= configSchema.parse(process.env);
  return cached;
};

export const resetConfig = (): void => {
  cached = undefined;
};

/**
 * Time limits the functions, the CDK stack and local mode share (docs/operations.md, "Time budgets").
 * Every invocation gets a budget of its remaining time minus `safetyMarginMs` (HTTP: also capped by
 * API Gateway's timeout); no DynamoDB call starts after it, so nothing is written once the caller
 * was answered.
 */
export const timeLimits = {
  /** API Gateway HTTP API's integration timeout: the caller has an answer by then, whatever the function does. */
  apiGatewayMs: 30_000,
  /** The portal functions' Lambda timeout (infra/constructs/portal-api.ts): well inside API Gateway's. */
  httpFunctionMs: 10_000,
  /** Kept at the end of each invocation to map the error, answer and flush logs and metrics. */
  safetyMarginMs: 500,
} as const;
