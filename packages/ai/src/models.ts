// The models the chat cleanup may use, checked against Bedrock's model cards: the one allowlist (synth, IAM, eval cost).

/** Where an inference profile may process a request: one geography's regions, or any commercial region. */
export type ModelGeography = 'eu' | 'global';

export interface AllowedModel {
  /** What the judge sends as `modelId`: a cross-region inference profile id (or a foundation-model id). */
  readonly id: string;
  /** The foundation models the profile routes to (IAM needs each, in every region of the profile). */
  readonly modelIds: readonly string[];
  readonly geography: ModelGeography;
  /**
   * The profile's source and destination regions: where a request may be sent from and processed. Empty for
   * `global` (every commercial region).
   */
  readonly regions: readonly string[];
  readonly provider: 'Anthropic' | 'Amazon';
  /** Lifecycle on the model card when checked; only Active models are listed. */
  readonly status: 'Active';
  /** On-demand list prices in USD for this profile (a geographic profile may cost more than `global`). */
  readonly pricePer1MInputUsd: number;
  readonly pricePer1MOutputUsd: number;
  /** When the card, lifecycle page and price were last read (YYYY-MM-DD): re-check before relying on an old date. */
  readonly checkedOn: string;
  /** The model card the facts come from. */
  readonly source: string;
}

/** The EU regions Bedrock's `eu.` profiles use; the stack's own region must be one of them unless explicitly allowed. */
export const EU_REGIONS: ReadonlySet<string> = new Set([
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
]);

/** The destination regions of the `eu.` profiles below (Bedrock user guide, inference-profiles-support). */
const euProfileRegions = ['eu-central-1', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-3'] as const;

const haiku45 = 'anthropic.claude-haiku-4-5-20251001-v1:0';
const haiku45Card = 'https://docs.aws.amazon.com/bedrock/latest/userguide/model-card-anthropic-claude-haiku-4-5.html';

/** Every model a deployment may configure; the first is the default. Adding one: docs/chat-cleanup.md, "Model choice". */
export const ALLOWED_MODELS: readonly AllowedModel[] = [
  {
    id: `eu.${haiku45}`,
    modelIds: [haiku45],
    geography: 'eu',
    regions: euProfileRegions,
    provider: 'Anthropic',
    status: 'Active',
    // Geographic profiles of the Claude 4.5 generation cost 10 % more than the global one ($1 / $5).
    pricePer1MInputUsd: 1.1,
    pricePer1MOutputUsd: 5.5,
    checkedOn: '2026-11-29',
    source: haiku45Card,
  },
  {
    id: 'eu.amazon.nova-micro-v1:0',
    modelIds: ['amazon.nova-micro-v1:0'],
    geography: 'eu',
    regions: euProfileRegions,
    provider: 'Amazon',
    status: 'Active',
    pricePer1MInputUsd: 0.035,
    pricePer1MOutputUsd: 0.14,
    checkedOn: '2026-11-29',
    source: 'https://docs.aws.amazon.com/bedrock/latest/userguide/model-card-amazon-nova-micro.html',
  },
  {
    id: 'eu.amazon.nova-lite-v1:0',
    modelIds: ['amazon.nova-lite-v1:0'],
    geography: 'eu',
    regions: euProfileRegions,
    provider: 'Amazon',
    status: 'Active',
    pricePer1MInputUsd: 0.06,
    pricePer1MOutputUsd: 0.24,
    checkedOn: '2026-11-29',
    source: 'https://docs.aws.amazon.com/bedrock/latest/userguide/model-card-amazon-nova-lite.html',
  },
  {
    // Any commercial region, outside the EU too: a deployment must opt in (allowGlobalInference).
    id: `global.${haiku45}`,
    modelIds: [haiku45],
    geography: 'global',
    regions: [],
    provider: 'Anthropic',
    status: 'Active',
    pricePer1MInputUsd: 1,
    pricePer1MOutputUsd: 5,
    checkedOn: '2026-11-29',
    source: haiku45Card,
  },
];

/** The default: Claude Haiku 4.5 through the EU cross-region profile. */
export const DEFAULT_MODEL_ID = 'eu.anthropic.claude-haiku-4-5-20251001-v1:0';

/** The allowlist entry of `id`, or undefined when it is not allowed. */
export const allowedModel = (id: string): AllowedModel | undefined => ALLOWED_MODELS.find((model) => model.id === id);

/** Whether every region the model may process a request in is in the EU (`global` never is). */
export const staysInEu = (model: AllowedModel): boolean =>
  model.geography !== 'global' && model.regions.every((region) => EU_REGIONS.has(region));

/** A model id outside the allowlist reached code that needs its entry (the deployment settings refuse it first). */
export class ModelNotAllowedError extends Error {
  override readonly name = 'ModelNotAllowedError';
  constructor(readonly modelId: string) {
    super(`${modelId} is not in the model allowlist (packages/ai/src/models.ts)`);
  }
}

/** The allowlist entry of `id`; throws ModelNotAllowedError when there is none. */
export const requireAllowedModel = (id: string): AllowedModel => {
  const model = allowedModel(id);
  if (!model) throw new ModelNotAllowedError(id);
  return model;
};
