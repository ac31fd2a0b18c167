// Deployment settings of one stage: infra/config/<stage>.json, then `-c key=value`, validated once; a gap fails the synth by name.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ALLOWED_MODELS,
  type AllowedModel,
  allowedModel,
  DEFAULT_MODEL_ID,
  EU_REGIONS,
  requireAllowedModel,
  staysInEu,
} from '@casetasks/ai';
import { isValidTimeZone } from '@casetasks/core';
import { tableDefinition } from '@casetasks/db';
import { PLATFORM_EVENT_SOURCE } from '@casetasks/events';
import type { Node } from 'constructs';
import * as z from 'zod';
import { eventBusArnPattern, type PlatformBusSetting } from '../constructs/platform-events.js';

/** The stage `npm run synth` (CI, the bench, the bundle-run tests) uses: complete, offline, never deployable. */
export const SYNTH_CHECK_STAGE = 'synth-check';

const repoRoot = join(import.meta.dirname, '..', '..');
/** Where a stage's settings live (committed: nothing in them is secret); repository-relative, as messages show it. */
export const stageConfigFile = (stage: string): string => `infra/config/${stage}.json`;

/** `-c corsOrigins=a,b` arrives as a string; JSON gives an array: accept both. */
const list = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value),
    z.array(item).min(1),
  );

/** Short, lowercase, DNS-like: it prefixes every physical name (`casetasks-<stage>-…`). */
export const stageSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,14}[a-z0-9]$/, 'a stage is 2–16 characters: lowercase letters, digits and inner dashes')
  // Stage X's platform bus is `casetasks-X-platform`: a stage named `X-platform` would take it for its service bus.
  .refine(
    (stage) => !stage.endsWith('-platform'),
    'a stage may not end in -platform (that names a bus of another stage)',
  );

const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// URL' });
/** A CORS origin: scheme and host (and port), no path; http only for localhost (a developer's portal). */
const origin = z
  .string()
  .regex(/^(https:\/\/[a-z0-9.-]+(:\d+)?|http:\/\/localhost(:\d+)?)$/, 'must be an origin like https://portal.example');
const accountId = z.string().regex(/^\d{12}$/, 'an AWS account id is 12 digits');
const snsTopicArn = z
  .string()
  .regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]+$/, 'must be an SNS topic ARN');
const eventBusArn = z
  .string()
  .regex(eventBusArnPattern, 'must be an event bus ARN (arn:aws:events:REGION:ACCOUNT:event-bus/NAME)');
/** Only a model of the allowlist (packages/ai/src/models.ts): checked against its model card, priced, with its regions. */
const modelId = z.string().refine((id) => allowedModel(id) !== undefined, {
  error: `is not in the model allowlist (packages/ai/src/models.ts) — use one of ${ALLOWED_MODELS.map((model) => model.id).join(', ')}`,
});
/** `-c key=true` arrives as a string; JSON gives a boolean: accept both, and nothing else. */
const flag = z.preprocess((value) => (value === 'true' ? true : value === 'false' ? false : value), z.boolean());
const timeZone = z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Berlin');

/** The indexes every deployed table has had since issue 11 (openByDeadline … openEscalated): never fewer. */
export const INDEXES_BEFORE_ISSUE_20 = 11;
const allIndexes = tableDefinition.indexes.length;

const configSchema = z.object({
  /**
   * Who issues the portals' tokens (docs/identity.md): `external` (default) — an identity provider of
   * yours, named by jwtIssuer and jwtAudience; `cognito` — a user pool this stage creates (PortalIdentity).
   */
  identity: z.enum(['external', 'cognito']).default('external'),
  /** JWT issuer of the portals' identity provider (the `iss` claim); required with identity `external`. */
  jwtIssuer: httpsUrl.optional(),
  /** Accepted `aud` (or Cognito `client_id`) values; required with identity `external`. */
  jwtAudience: list(z.string().min(1)).optional(),
  /** Portal origins allowed by CORS. */
  corsOrigins: list(origin),
  /** E-mail subscribed to the alarm topic (the recipient confirms the subscription mail). */
  alarmEmail: z.email().optional(),
  /** An existing SNS topic for the alarms instead of a created one (pager, chat integration). */
  alarmTopicArn: snsTopicArn.optional(),
  /** The allowlist id (an EU inference profile by default) the nightly chat cleanup asks; the only model its role may invoke. */
  bedrockModelId: modelId,
  /** Accept a `global.` inference profile: Bedrock may then process the chats in any commercial region, outside the EU. */
  allowGlobalInference: flag.default(false),
  /**
   * Accept a stack region, or a model whose regions are, outside the EU (data residency, docs/chat-cleanup.md). The
   * stack's region is checked when it is known at synth (CDK_DEFAULT_REGION: every `cdk deploy` with credentials).
   */
  allowNonEuRegion: flag.default(false),
  /** Nights a new deployment's chat cleanup judges without closing (shadow mode, from its first run); 0 = none. */
  chatCleanupShadowNights: z.coerce.number().int().min(0).max(365).default(7),
  /** Deployment business-day calendar. */
  calendarTimeZone: timeZone.default('UTC'),
  /** ISO 3166 country whose public holidays are closed days; empty = weekends only. */
  calendarCountry: z
    .string()
    .regex(/^([A-Z]{2})?$/, 'must be an ISO 3166 alpha-2 code such as DE, or empty')
    .default(''),
  /** Steady-state and burst request limits of the portal API stage. */
  apiRateLimit: z.coerce.number().int().positive().default(100),
  apiBurstLimit: z.coerce.number().int().positive().default(200),
  /** Import the platform's existing bus (same account and region only); absent = the stack creates one. */
  platformEventBusArn: eventBusArn.optional(),
  /** Accounts that may put platform events on the created bus (the platform's forwarding rule). */
  platformAccountIds: list(accountId).optional(),
  /**
   * How many of the table definition's indexes, in declaration order, the data stack creates (default: all).
   * Only for an upgrade that adds several: DynamoDB adds one GSI per table update (docs/operations.md, Upgrades).
   */
  tableIndexes: z.coerce
    .number()
    .int('must be a whole number of indexes')
    .min(
      INDEXES_BEFORE_ISSUE_20,
      `must be at least ${INDEXES_BEFORE_ISSUE_20}: the indexes a deployed table already has`,
    )
    .max(allIndexes, `must be at most ${allIndexes}: the indexes the table definition declares`)
    .default(allIndexes),
  /** Webhook consumer instances at most (SQS event source maxConcurrency: 2–1000): bounds the load on receivers. */
  webhookMaxConcurrency: z.coerce.number().int().min(2).max(1000).default(5),
  /** Sender of reminders and digests (`From:`); absent = no e-mail at all (docs/operations.md, E-mail). */
  mailFromAddress: z.email().optional(),
  /**
   * The SES identity (domain or address) verified for mailFromAddress, referenced by name, never created here;
   * default: the address's domain. The mail functions may send only as this identity.
   */
  sesIdentity: z
    .string()
    .regex(/^([^@\s]+@)?[a-z0-9-]+(\.[a-z0-9-]+)+$/i, 'must be a domain or an e-mail address verified in SES')
    .optional(),
  /** Base URL of the API in mails (unsubscribe links) when a custom domain fronts it; default: the API stage URL. */
  publicApiUrl: httpsUrl.optional(),
});

type Config = z.infer<typeof configSchema>;
export type ConfigKey = keyof Config;
export const configKeys = Object.keys(configSchema.shape) as ConfigKey[];

/** Every physical name of a stage: stage-prefixed, so any number of stages share an account and region. */
export const stageNames = (stage: string) => {
  const prefix = `casetasks-${stage}`;
  return {
    prefix,
    dataStack: `${prefix}-data`,
    serviceStack: `${prefix}-service`,
    table: prefix,
    serviceBus: prefix,
    platformBus: `${prefix}-platform`,
    stateMachine: `${prefix}-paused-case-follow-up`,
    api: `${prefix}-portal`,
    dashboard: prefix,
    /** Powertools service name: the `service` dimension of the metrics the alarms watch, per stage. */
    service: prefix,
  };
};
export type StageNames = ReturnType<typeof stageNames>;

/** E-mail, when configured: the From address and the SES identity it is sent as. */
export interface MailSettings {
  fromAddress: string;
  /** Domain or address verified in SES (default: the From address's domain). */
  identity: string;
}

export interface Settings extends Omit<Config, 'platformEventBusArn' | 'platformAccountIds'> {
  stage: string;
  /** The allowlist entry of bedrockModelId: its profile, foundation models and regions (IAM, residency). */
  bedrockModel: AllowedModel;
  names: StageNames;
  platformBus: PlatformBusSetting;
  /** mailFromAddress and sesIdentity resolved; absent: no mail resources at all. */
  mail?: MailSettings;
}

/** The synth-check stage's values: complete and valid, but on reserved `.invalid` names nobody can own. */
export const synthCheckConfig: Record<string, unknown> = {
  jwtIssuer: 'https://issuer.synth-check.invalid/',
  jwtAudience: ['synth-check'],
  corsOrigins: ['https://portal.synth-check.invalid'],
  alarmEmail: 'alarms@synth-check.invalid',
  // Mail on: the synth check and the tests cover the e-mail resources (a stage without it creates none).
  mailFromAddress: 'tasks@mail.synth-check.invalid',
  bedrockModelId: DEFAULT_MODEL_ID,
};

/** Keys of older versions: a leftover `-c` would otherwise be ignored silently. */
const retiredKeys: Record<string, string> = {
  platformEventBusName: 'the platform bus is now created per stage, or imported with platformEventBusArn',
  serviceEventBusName: 'the service bus is now named casetasks-<stage>',
  tableName: 'the table is now named casetasks-<stage>',
};

/** Documentation names (RFC 2606/6761, AWS's example accounts) and fill-in markers: never a real deployment. */
const placeholderHosts = /(^|\.)(example\.(com|org|net)|example|invalid|test|localhost)$/i;
const placeholderAccounts = new Set(['123456789012', '111122223333', '444455556666', '000000000000']);
const placeholderWords = /replace|change[-_ ]?me|todo|fixme|placeholder|<[^>]*>/i;

/** Settings whose value is an address or a domain: their domain is checked for placeholders. */
const mailKeys = new Set<ConfigKey>(['alarmEmail', 'mailFromAddress', 'sesIdentity']);

const placeholderIn = (key: ConfigKey, value: string): boolean => {
  if (placeholderWords.test(value)) return true;
  const host = /^https?:\/\/([^/:]+)/.exec(value)?.[1] ?? (mailKeys.has(key) ? value.split('@').at(-1) : undefined);
  if (host && !(key === 'corsOrigins' && host === 'localhost') && placeholderHosts.test(host)) return true;
  return [...value.matchAll(/\d{12}/g)].some(([digits]) => placeholderAccounts.has(digits));
};

/** Every placeholder among the given values (lists as given on the command line or in the file). */
const placeholderProblems = (raw: Record<string, unknown>, source: string): string[] =>
  configKeys.flatMap((key) => {
    const given = raw[key];
    const values = typeof given === 'string' ? given.split(',').map((v) => v.trim()) : ([] as unknown[]).concat(given);
    return values
      .filter((value): value is string => typeof value === 'string' && placeholderIn(key, value))
      .map(
        (value) =>
          `${key}: ${JSON.stringify(value)} is a placeholder — set the real value in ${source} (or -c ${key}=…)`,
      );
  });

/** External tokens need their issuer and audience; a Cognito stage takes both from its pool, so giving them is a mistake. */
const identityProblems = (raw: Record<string, unknown>, source: string): string[] =>
  (['jwtIssuer', 'jwtAudience'] as const).flatMap((key) => {
    if (raw.identity === 'cognito') {
      return raw[key] === undefined
        ? []
        : [`${key} is set, but identity is cognito: the pool is the issuer — remove it`];
    }
    return raw[key] === undefined
      ? [`${key} is missing — pass -c ${key}=… or set it in ${source} (or set identity to cognito)`]
      : [];
  });

/** The sending identity must cover the From address: that address itself, or its domain (or a parent domain). */
const mailProblems = ({ mailFromAddress, sesIdentity }: Config): string[] => {
  if (!mailFromAddress) {
    return sesIdentity ? ['sesIdentity is set without mailFromAddress: e-mail needs both (or neither)'] : [];
  }
  if (!sesIdentity) return [];
  const from = mailFromAddress.toLowerCase();
  const identity = sesIdentity.toLowerCase();
  const domain = from.split('@').at(-1) ?? '';
  const covered = identity.includes('@') ? identity === from : domain === identity || domain.endsWith(`.${identity}`);
  return covered ? [] : [`sesIdentity ${sesIdentity} does not cover mailFromAddress ${mailFromAddress}`];
};

/** A model may process the chats outside the EU only when the stage says so, once per way it could. */
const modelResidencyProblems = ({ bedrockModelId, allowGlobalInference, allowNonEuRegion }: Config): string[] => {
  const model = allowedModel(bedrockModelId);
  if (!model) return [];
  if (model.geography === 'global') {
    return allowGlobalInference
      ? []
      : [
          `bedrockModelId ${bedrockModelId} is a global inference profile: Bedrock may process the chats in any commercial region, outside the EU — use ${DEFAULT_MODEL_ID}, or set allowGlobalInference to true`,
        ];
  }
  return staysInEu(model) || allowNonEuRegion
    ? []
    : [
        `bedrockModelId ${bedrockModelId} processes requests in ${model.regions.join(', ')}, not only the EU — use ${DEFAULT_MODEL_ID}, or set allowNonEuRegion to true`,
      ];
};

/**
 * The stack's region against the residency settings; undefined (an environment-agnostic synth without credentials)
 * cannot be checked here. `cdk deploy` always knows it: CDK_DEFAULT_REGION, from the deployer's profile or AWS_REGION.
 */
export const regionProblems = (settings: Settings, region: string | undefined): string[] => {
  if (region === undefined) return [];
  const problems: string[] = [];
  if (!EU_REGIONS.has(region) && !settings.allowNonEuRegion) {
    problems.push(
      `the stack's region ${region} is outside the EU — deploy to one of ${[...EU_REGIONS].join(', ')}, or set allowNonEuRegion to true`,
    );
  }
  const model = settings.bedrockModel;
  if (model.geography !== 'global' && !model.regions.includes(region)) {
    problems.push(
      `bedrockModelId ${model.id} cannot be called from ${region}: its inference profile serves ${model.regions.join(', ')}`,
    );
  }
  return problems;
};

/**
 * The regions a stack of this stage may be created in (a CloudFormation rule of each stack enforces them at
 * deploy): the model profile's regions, within the EU unless allowNonEuRegion; undefined = any region.
 */
export const deployableRegions = (settings: Settings): string[] | undefined => {
  const model = settings.bedrockModel;
  const byModel = model.geography === 'global' ? undefined : [...model.regions];
  const byResidency = settings.allowNonEuRegion ? undefined : [...EU_REGIONS];
  if (!byModel || !byResidency) return byModel ?? byResidency;
  return byModel.filter((region) => byResidency.includes(region));
};

/** Fails the synth: one line per missing, malformed or placeholder value, so one run shows them all. */
export class DeploymentConfigError extends Error {
  override readonly name = 'DeploymentConfigError';
  constructor(
    readonly stage: string | undefined,
    readonly problems: string[],
  ) {
    const which = stage ? ` for stage ${stage}` : '';
    super(`casetasks config${which} is not deployable:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

const readStageFile = (stage: string, problems: string[]): Record<string, unknown> => {
  const file = stageConfigFile(stage);
  const path = join(repoRoot, file);
  if (!existsSync(path)) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push(`${file} is not valid JSON: ${(error as Error).message}`);
    return {};
  }
  const parsed = z.record(z.string(), z.unknown()).safeParse(json);
  if (!parsed.success) {
    problems.push(`${file} must hold one JSON object of settings`);
    return {};
  }
  for (const key of Object.keys(parsed.data)) {
    // A retired key gets its own message (readSettings), not "unknown".
    if (!(configKeys as string[]).includes(key) && !(key in retiredKeys)) {
      problems.push(`${file}: unknown key ${key} (a typo?)`);
    }
  }
  return parsed.data;
};

/**
 * Reads the stage (`-c stage=…`), then its settings: synth-check's built-in values or infra/config/<stage>.json,
 * each overridable with `-c key=value`. Every missing, malformed or placeholder value is reported at once.
 */
export const readSettings = (node: Node): Settings => {
  const stage = stageSchema.safeParse(node.tryGetContext('stage'));
  if (!stage.success) {
    const given = node.tryGetContext('stage');
    throw new DeploymentConfigError(undefined, [
      given === undefined
        ? `stage is missing — pass -c stage=<name> (settings come from infra/config/<name>.json); \`npm run synth\` uses -c stage=${SYNTH_CHECK_STAGE}`
        : `stage ${JSON.stringify(given)}: ${stage.error.issues[0]?.message}`,
    ]);
  }
  const problems: string[] = [];
  const synthCheck = stage.data === SYNTH_CHECK_STAGE;
  const source = synthCheck ? 'the synth-check values' : stageConfigFile(stage.data);
  const base = synthCheck ? synthCheckConfig : readStageFile(stage.data, problems);
  const raw: Record<string, unknown> = { ...base };
  for (const key of configKeys) {
    const value = node.tryGetContext(key);
    if (value !== undefined) raw[key] = value;
  }
  for (const [key, why] of Object.entries(retiredKeys)) {
    if (node.tryGetContext(key) !== undefined || key in base) problems.push(`${key} is no longer a setting: ${why}`);
  }

  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      problems.push(
        raw[key] === undefined
          ? `${key} is missing — pass -c ${key}=… or set it in ${stageConfigFile(stage.data)}`
          : `${issue.path.join('.')}: ${issue.message} (given ${JSON.stringify(raw[key])})`,
      );
    }
  }
  if (!synthCheck) problems.push(...placeholderProblems(raw, source));
  if (raw.alarmEmail === undefined && raw.alarmTopicArn === undefined) {
    problems.push(
      `alarmEmail or alarmTopicArn is missing — alarms must reach someone: pass -c alarmEmail=… or set one in ${source}`,
    );
  }
  const config = parsed.data;
  problems.push(...identityProblems(raw, source));
  if (config) problems.push(...mailProblems(config), ...modelResidencyProblems(config));
  if (config?.platformEventBusArn && config.platformAccountIds) {
    problems.push(
      'platformAccountIds applies to the bus the stack creates; with platformEventBusArn the bus and its policy are the platform team’s',
    );
  }
  if (!config || problems.length > 0) {
    const missingSome = problems.some((problem) => / is missing/.test(problem));
    const noFile = missingSome && !synthCheck && !existsSync(join(repoRoot, stageConfigFile(stage.data)));
    const hint = `${stageConfigFile(stage.data)} does not exist: copy infra/config/example.json and fill it in (docs/operations.md)`;
    throw new DeploymentConfigError(stage.data, noFile ? [hint, ...problems] : problems);
  }

  const { platformEventBusArn, platformAccountIds, ...rest } = config;
  const { mailFromAddress, sesIdentity } = config;
  const names = stageNames(stage.data);
  return {
    ...rest,
    stage: stage.data,
    names,
    bedrockModel: requireAllowedModel(config.bedrockModelId),
    ...(mailFromAddress
      ? { mail: { fromAddress: mailFromAddress, identity: sesIdentity ?? mailFromAddress.split('@').at(-1) ?? '' } }
      : {}),
    platformBus: platformEventBusArn
      ? { kind: 'import', arn: platformEventBusArn }
      : {
          kind: 'create',
          name: names.platformBus,
          accountIds: platformAccountIds ?? [],
          source: PLATFORM_EVENT_SOURCE,
        },
  };
};
