// Deployment settings read from CDK context (cdk.json or `-c key=value`), validated once with zod.
import type { Node } from 'constructs';
import * as z from 'zod';

/** `-c corsOrigins=a,b` arrives as a string; cdk.json gives an array: accept both. */
const list = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value),
  z.array(z.string().min(1)).min(1),
);

export const settingsSchema = z.object({
  /** Physical name of the one table (fixed: the runbook and the stateless stack address it by name). */
  tableName: z.string().min(3).default('casetasks'),
  /** JWT issuer of the portals' identity provider (the `iss` claim). */
  jwtIssuer: z.url(),
  /** Accepted `aud` values. */
  jwtAudience: list,
  /** Portal origins allowed by CORS. */
  corsOrigins: list,
  /** The platform's existing bus that carries incoming events (imported by name, not created). */
  platformEventBusName: z.string().min(1),
  /** The service's own bus for outgoing events (created by the stack). */
  serviceEventBusName: z.string().min(1).default('casetasks'),
  /** Bedrock model the nightly chat cleanup asks; the only model its role may invoke. */
  bedrockModelId: z.string().min(1),
  calendarTimeZone: z.string().min(1).default('UTC'),
  /** ISO country whose public holidays are closed days; empty = weekends only. */
  calendarCountry: z.string().default(''),
  /** Optional e-mail subscribed to the alarm topic. */
  alarmEmail: z.email().optional(),
  /** Steady-state and burst request limits of the portal API stage. */
  apiRateLimit: z.coerce.number().int().positive().default(100),
  apiBurstLimit: z.coerce.number().int().positive().default(200),
});

export type Settings = z.infer<typeof settingsSchema>;
export const settingKeys = Object.keys(settingsSchema.shape) as (keyof Settings)[];

/** Reads every setting from the construct tree's context; a missing or malformed one fails the synth by name. */
export const readSettings = (node: Node): Settings =>
  settingsSchema.parse(Object.fromEntries(settingKeys.map((key) => [key, node.tryGetContext(key)])));
