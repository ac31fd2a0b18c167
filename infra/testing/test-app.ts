// The app the infra tests assert on: the real buildApp with cdk.json's flags and the synth-check stage, bundling skipped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { repoRoot } from '../constructs/service-function.js';
import { type BuiltApp, buildApp } from '../stacks/build-app.js';
import { SYNTH_CHECK_STAGE } from '../stacks/settings.js';

type Json = Record<string, unknown>;

const cdkJson = JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')) as { context: Json };

/**
 * Context as `npm run synth` sees it (cdk.json, `-c stage=synth-check`) plus overrides;
 * `aws:cdk:bundling-stacks: []` skips esbuild.
 */
export const testContext = (overrides: Json = {}): Json => ({
  ...cdkJson.context,
  stage: SYNTH_CHECK_STAGE,
  'aws:cdk:bundling-stacks': [],
  ...overrides,
});

/**
 * Every required setting of a real stage, as `-c` values would give them: names a deployment could
 * own (no placeholder), distinct per stage. Tests only: nothing is deployed.
 */
export const completeStageContext = (stage: string, overrides: Json = {}): Json =>
  testContext({
    stage,
    jwtIssuer: `https://id.${stage}.casetasks.eu/`,
    jwtAudience: 'casetasks-portals',
    corsOrigins: `https://partner.${stage}.casetasks.eu,https://client.${stage}.casetasks.eu`,
    alarmEmail: `oncall+${stage}@casetasks.eu`,
    bedrockModelId: 'eu.anthropic.claude-haiku-4-5-20251001-v1:0',
    platformAccountIds: '210987654321',
    ...overrides,
  });

export interface TestApp extends BuiltApp {
  data: Template;
  service: Template;
}

export const buildTestApp = (overrides: Json = {}): TestApp => {
  const built = buildApp({ context: testContext(overrides) });
  return { ...built, data: Template.fromStack(built.stateful), service: Template.fromStack(built.stateless) };
};

export interface Resource {
  Type: string;
  Properties: Json;
  [key: string]: unknown;
}

/** Logical id → resource of one type, for the checks the matchers cannot express (joins across resources). */
export const resourcesOf = (template: Template, type: string): Record<string, Resource> =>
  template.findResources(type) as Record<string, Resource>;

/** The logical id of the one resource whose id starts with `prefix` (its construct path, separators dropped). */
export const idStartingWith = (resources: Record<string, Resource>, prefix: string): string => {
  const id = Object.keys(resources).find((key) => key.startsWith(prefix));
  if (!id) throw new Error(`no resource ${prefix}`);
  return id;
};

/** `{ "Fn::GetAtt": [id, "Arn"] }` or `{ Ref: id }` → id. */
export const referencedId = (value: unknown): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const ref = (value as { Ref?: unknown }).Ref;
  if (typeof ref === 'string') return ref;
  const getAtt = (value as { 'Fn::GetAtt'?: unknown })['Fn::GetAtt'];
  return Array.isArray(getAtt) && typeof getAtt[0] === 'string' ? getAtt[0] : undefined;
};

/** Every statement of every inline policy attached to `roleId`, with actions as an array. */
export const statementsOfRole = (template: Template, roleId: string): { Action: string[]; Resource: unknown[] }[] =>
  Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties.Roles as unknown[]).some((role) => referencedId(role) === roleId))
    .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Json[] }).Statement)
    .map((statement) => ({
      Action: ([] as string[]).concat(statement.Action as string | string[]),
      Resource: ([] as unknown[]).concat(statement.Resource),
    }));

/** The role of a Lambda function resource. */
export const roleOfFunction = (fn: Resource): string => {
  const id = referencedId(fn.Properties.Role);
  if (!id) throw new Error('function without a role reference');
  return id;
};
