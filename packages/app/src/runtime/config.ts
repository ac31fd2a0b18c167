// Typed configuration from the environment, read once: deployed, a missing setting throws on first read, naming it.
import * as z from 'zod';

/**
 * The explicit local marker (`CASETASKS_LOCAL=1`): set by local mode (infra/local/local-env.ts) and the
 * tests (test/support/), never by the stack. Only with it do settings fall back to local defaults; a
 * DynamoDB endpoint alone is not local mode (the bundle-run tests point deployed bundles at DynamoDB Local).
 */
export const LOCAL_MODE_VARIABLE = 'CASETASKS_LOCAL';

const configSchema = z.object({
  TABLE_NAME: z.string().min(1).optional(),
  /** Set in local mode and tests (DynamoDB Local); absent when deployed. */
  DYNAMODB_ENDPOINT: z.string().optional(),
  /** Set by Lambda itself. */
  AWS_REGION: z.string().min(1).optional(),
  /** The service's own bus for outgoing events (source `casetasks`). */
  EVENT_BUS_NAME: z.string().min(1).optional(),
  CALENDAR_TIME_ZONE: z.string().min(1).optional(),
  /** ISO country whose public holidays are closed days; empty = weekends only (SPEC default). */
  CALENDAR_COUNTRY: z.string().optional(),
  /** CALENDAR_COUNTRY's public holidays, materialised at synth (infra/stacks/deployment-calendar.ts). */
  CALENDAR_HOLIDAYS: z
    .string()
    .regex(/^\d{4}:[\d,]*(;\d{4}:[\d,]*)*$/, 'must be YYYY:MMDD,…;YYYY:…')
    .optional(),
  /** Only the chat cleanup reads it (with CHAT_JUDGE=bedrock). */
  BEDROCK_MODEL_ID: z.string().min(1).optional(),
  /** `offline` in local mode: the deterministic judge. */
  CHAT_JUDGE: z.enum(['bedrock', 'offline']).optional(),
  /** Nights a new deployment's chat cleanup stays in shadow mode (issue 23; infra `chatCleanupShadowNights`). */
  CHAT_CLEANUP_SHADOW_NIGHTS: z.coerce.number().int().min(0).max(365).optional(),
  /** Only functions that start or stop the paused-case follow-up read it. */
  PAUSED_CASE_STATE_MACHINE_ARN: z.string().min(1).optional(),
  POWERTOOLS_SERVICE_NAME: z.string().default('casetasks'),
  /** Webhook fan-out and delivery functions (issue 21): the delivery queue they send to and back off on. */
  WEBHOOK_DELIVERY_QUEUE_URL: z.string().min(1).optional(),
  /**
   * `1` lets webhook endpoints and deliveries use `http:` loopback targets: honoured only together with
   * CASETASKS_LOCAL=1 (local mode and tests); the stack never sets either (an infra test checks).
   */
  WEBHOOK_ALLOW_LOOPBACK_HTTP: z.enum(['0', '1']).optional(),
  /** E-mail functions (issue 21): the verified SES sender, its configuration set and the template name prefix. */
  MAIL_FROM_ADDRESS: z.string().min(1).optional(),
  MAIL_CONFIGURATION_SET: z.string().min(1).optional(),
  MAIL_TEMPLATE_PREFIX: z.string().min(1).optional(),
  /** Public base URL of the portal API: links in e-mails (confirm, one-click unsubscribe) point here. */
  PUBLIC_API_URL: z.string().min(1).optional(),
});

/** What local mode and the tests use when a variable is absent; deployed, each of these must be set. */
const localDefaults = {
  TABLE_NAME: 'casetasks-local',
  AWS_REGION: 'eu-west-1',
  EVENT_BUS_NAME: 'casetasks-local',
  CALENDAR_TIME_ZONE: 'UTC',
  CHAT_JUDGE: 'offline',
} as const;

/**
 * The settings the stack gives every function (infra/stacks/stateless-stack.ts; an infra test checks each
 * function has them): deployed, none has a default. AWS_REGION comes from Lambda itself.
 */
export const settingsOfEveryFunction = ['TABLE_NAME', 'EVENT_BUS_NAME', 'CALENDAR_TIME_ZONE'] as const;

/** Required wherever they are read, local mode included: no default could be right. */
const alwaysRequired = ['BEDROCK_MODEL_ID', 'PAUSED_CASE_STATE_MACHINE_ARN'] as const;

type Parsed = z.infer<typeof configSchema>;
type RequiredKey = keyof typeof localDefaults | (typeof alwaysRequired)[number];
export type Config = Omit<Parsed, RequiredKey> & {
  [K in RequiredKey]-?: K extends 'CHAT_JUDGE' ? NonNullable<Parsed['CHAT_JUDGE']> : string;
};

/** A setting the function needs is missing or malformed: it cannot run, and retrying will not help. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly retryable = false;
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

const missing = (variable: string): ConfigError =>
  new ConfigError(
    variable,
    `${variable} is not set: deployed, the stack sets it (infra/stacks/stateless-stack.ts and its constructs); ` +
      `local mode and tests set ${LOCAL_MODE_VARIABLE}=1 for local defaults`,
  );

const parse = (env: NodeJS.ProcessEnv): Config => {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const [issue] = result.error.issues;
    const variable = String(issue?.path[0] ?? 'configuration');
    throw new ConfigError(variable, `${variable} is invalid: ${issue?.message}`);
  }
  const values = result.data;
  const local = env[LOCAL_MODE_VARIABLE] === '1';
  const config = { ...values } as Record<string, unknown>;
  // Getters: a function that never reads a setting does not need it (only the chat cleanup has a model id).
  const requireOnRead = (key: RequiredKey, fallback: () => string | undefined) =>
    Object.defineProperty(config, key, {
      enumerable: true,
      get: () => {
        const value = values[key] ?? fallback();
        if (value === undefined) throw missing(key);
        return value;
      },
    });
  for (const key of Object.keys(localDefaults) as (keyof typeof localDefaults)[]) {
    requireOnRead(key, () => (local ? localDefaults[key] : undefined));
  }
  // The offline judge asks no model: reading the judge's settings together must not fail then.
  requireOnRead('BEDROCK_MODEL_ID', () =>
    (values.CHAT_JUDGE ?? (local ? 'offline' : undefined)) === 'offline' ? '' : undefined,
  );
  requireOnRead('PAUSED_CASE_STATE_MACHINE_ARN', () => undefined);
  return config as Config;
};

let cached: Config | undefined;

/** Read once per process; `resetConfig` exists for tests and local mode that change the environment. */
export const config = (): Config => {
  cached ??= parse(process.env);
  return cached;
};

/**
 * Every Middy chain wraps its handler in this while it is built, at module load: in Lambda (which sets
 * AWS_LAMBDA_FUNCTION_NAME) without a setting every function needs, the function fails its cold start
 * naming the variable, rather than answering its first request (or event) with the error. Outside
 * Lambda the modules are also imported for their route metadata (the CDK app, tests): no check there.
 * Settings only some code paths need stay lazy.
 */
export const startupChecked = <F>(handler: F, env: NodeJS.ProcessEnv = process.env): F => {
  if (env.AWS_LAMBDA_FUNCTION_NAME) for (const key of settingsOfEveryFunction) void config()[key];
  return handler;
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
