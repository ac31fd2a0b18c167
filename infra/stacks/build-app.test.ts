// App-wide rules: cdk-nag AwsSolutions clean (and able to fail), least-privilege IAM, stack split, outputs, stages.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { settingsOfEveryFunction } from '@casetasks/app/runtime';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it, vi } from 'vitest';
import {
  buildTestApp,
  completeStageContext,
  resourcesOf,
  roleOfFunction,
  statementsOfRole,
  testContext,
} from '../testing/test-app.js';
import { type BuiltApp, buildApp } from './build-app.js';

/**
 * Actions that support no resource-level permission, so `*` is their only possible resource: X-Ray trace
 * upload and sampling (every traced function, the state machine) and the CloudWatch Logs vended-delivery
 * APIs Step Functions logging needs.
 */
const actionsWithoutResources = [
  'xray:PutTelemetryRecords',
  'xray:PutTraceSegments',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  'logs:CreateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:DescribeLogGroups',
  'logs:DescribeResourcePolicies',
  'logs:GetLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:UpdateLogDelivery',
];

describe('the app', () => {
  // Prepare (shared by the template checks; the synth tests build their own app)
  const { data, service } = buildTestApp();

  it('passes cdk-nag AwsSolutions with no unacknowledged finding', { timeout: 60_000 }, () => {
    // Prepare
    const outdir = mkdtempSync(join(tmpdir(), 'casetasks-cdk-'));
    const { app } = buildApp({ context: testContext(), outdir });
    // Act
    const assembly = app.synth();
    // Assess: a finding would have thrown; the report lists only failing plugins.
    const report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8')) as {
      pluginReports: unknown[];
    };
    expect(report.pluginReports).toEqual([]);
  });

  it('keeps the acknowledgements matching when the stacks get an explicit account and region', {
    timeout: 60_000,
  }, () => {
    // Prepare: what `cdk deploy` does when it finds credentials.
    vi.stubEnv('CDK_DEFAULT_ACCOUNT', '123456789012');
    vi.stubEnv('CDK_DEFAULT_REGION', 'eu-central-1');
    try {
      const { app, stateless } = buildApp({ context: testContext() });
      // Act / Assess: synth throws on any finding
      expect(app.synth().getStackArtifact(stateless.artifactId).environment.region).toBe('eu-central-1');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('refuses to synth in a region outside the EU (data residency; the region cdk deploy gives)', {
    timeout: 60_000,
  }, () => {
    // Prepare
    vi.stubEnv('CDK_DEFAULT_REGION', 'us-east-1');
    try {
      // Act / Assess: a real stage; the offline synth-check stage synthesizes (the CLI's fallback region is us-east-1)
      expect(() => buildApp({ context: completeStageContext('prod') })).toThrow(
        /the stack's region us-east-1 is outside the EU/,
      );
      expect(() => buildApp({ context: testContext() })).not.toThrow();
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('pins both stacks to the EU regions of the model profile with a CloudFormation rule', { timeout: 60_000 }, () => {
    // Act
    const { data, service } = buildTestApp();
    // Assess: deploy-time residency, whatever region the CLI picked
    for (const template of [data, service]) {
      const rule = template.toJSON().Rules?.AllowedRegionsOnly;
      expect(rule?.Assertions?.[0]?.Assert).toEqual({
        'Fn::Contains': [
          ['eu-central-1', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-3'],
          { Ref: 'AWS::Region' },
        ],
      });
    }
  });

  it('fails the synth on a new finding (a queue without TLS enforcement)', { timeout: 60_000 }, () => {
    // Prepare
    const outdir = mkdtempSync(join(tmpdir(), 'casetasks-cdk-'));
    const { app, stateless } = buildApp({ context: testContext(), outdir });
    new Queue(stateless, 'Careless');
    // Act
    expect(() => app.synth()).toThrow();
    // Assess
    const report = readFileSync(join(outdir, 'validation-report.json'), 'utf8');
    expect(report).toMatch(/AwsSolutions-SQS4/);
    expect(report).toContain('casetasks-synth-check-service/Careless/Resource');
  });

  it('splits the table (stateful) from everything else (stateless) and outputs URL, buses and alarm topic', () => {
    // Assess
    expect(Object.keys(data.toJSON().Resources)).toHaveLength(1);
    service.hasOutput('Stage', { Value: 'synth-check' });
    service.hasOutput('ApiUrl', {});
    service.hasOutput('ServiceEventBusName', {});
    service.hasOutput('PlatformEventBusName', {});
    service.hasOutput('PlatformEventBusArn', {});
    service.hasOutput('AlarmTopicArn', {});
    service.hasOutput('DashboardName', { Value: 'casetasks-synth-check' });
  });

  it('scopes every IAM statement to ARNs: `*` only for X-Ray, no wildcard actions', () => {
    // Assess
    for (const policy of Object.values(resourcesOf(service, 'AWS::IAM::Policy'))) {
      for (const statement of (
        policy.Properties.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] }
      ).Statement) {
        const actions = ([] as string[]).concat(statement.Action as string[]);
        const resources = ([] as unknown[]).concat(statement.Resource);
        for (const action of actions) expect(action).not.toMatch(/^\*$|:\*$/);
        if (resources.includes('*')) expect(actionsWithoutResources).toEqual(expect.arrayContaining(actions));
      }
    }
  });

  it('gives every function its own role with no managed policy', () => {
    // Prepare
    const functions = Object.values(resourcesOf(service, 'AWS::Lambda::Function'));
    // Assess
    const roles = functions.map(roleOfFunction);
    expect(new Set(roles).size).toBe(functions.length);
    for (const role of roles) {
      expect(resourcesOf(service, 'AWS::IAM::Role')[role]?.Properties.ManagedPolicyArns).toBeUndefined();
      const logs = statementsOfRole(service, role).filter((s) => s.Action.some((a) => a.startsWith('logs:')));
      expect(logs.flatMap((s) => s.Resource)).toHaveLength(1);
    }
  });

  it('runs every function on Node.js 24, arm64, traced, with the stage’s shared configuration', () => {
    for (const fn of Object.values(resourcesOf(service, 'AWS::Lambda::Function'))) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Environment: {
          Variables: expect.objectContaining({
            TABLE_NAME: 'casetasks-synth-check',
            // The service bus's name (a reference where the function also depends on the bus).
            EVENT_BUS_NAME: expect.anything(),
            CALENDAR_TIME_ZONE: 'UTC',
            POWERTOOLS_SERVICE_NAME: 'casetasks-synth-check',
            POWERTOOLS_LOG_LEVEL: 'INFO',
          }),
        },
      });
    }
  });

  it('gives every function each setting packages/app/src/runtime/config.ts requires of every deployed function', () => {
    // Prepare
    const functions = Object.values(resourcesOf(service, 'AWS::Lambda::Function'));
    // Assess: deployed, a missing one throws (no local fallback), so none may be left out.
    expect(settingsOfEveryFunction.length).toBeGreaterThan(0);
    for (const fn of functions) {
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      for (const name of settingsOfEveryFunction)
        expect(variables[name], `${name} of ${fn.Properties.Description}`).toBeDefined();
    }
  });

  it('deploys no function with a local-mode switch (loopback webhooks are for local mode only)', () => {
    const functions = Object.values(resourcesOf(service, 'AWS::Lambda::Function'));
    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions) {
      const variables = Object.keys((fn.Properties.Environment as { Variables: object }).Variables);
      expect(variables).not.toContain('WEBHOOK_ALLOW_LOOPBACK_HTTP');
      expect(variables).not.toContain('CASETASKS_LOCAL');
    }
  });

  it('runs the paused-case follow-up as a logged, traced Standard state machine', () => {
    service.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    service.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL' },
    });
    const [machine] = Object.values(resourcesOf(service, 'AWS::StepFunctions::StateMachine'));
    expect(machine?.Properties.StateMachineType ?? 'STANDARD').toBe('STANDARD');
  });
});

/**
 * Names that are not unique per account and region: inline policies (per role), an API's stage and
 * authorizer (per API), metrics, display names, and references to other resources.
 */
const notPhysical = new Set([
  'MetricName',
  'PolicyName',
  'StageName',
  'DisplayName',
  'FunctionName',
  'EventBusName',
  'AWS::ApiGatewayV2::Authorizer.Name',
]);

/** Every explicitly named resource of both stacks, export and stack name: `Type.Property=value`. */
const physicalNames = ({ app }: BuiltApp): string[] =>
  app.synth().stacks.flatMap((stack) => {
    const template = stack.template as {
      Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
      Outputs?: Record<string, { Export?: { Name: unknown } }>;
    };
    const named = Object.values(template.Resources).flatMap(({ Type, Properties = {} }) =>
      Object.entries(Properties)
        .filter(([key, value]) => key.endsWith('Name') && typeof value === 'string')
        .filter(([key]) => !notPhysical.has(key) && !notPhysical.has(`${Type}.${key}`))
        .map(([key, value]) => `${Type}.${key}=${String(value)}`),
    );
    const exports = Object.values(template.Outputs ?? {}).flatMap((output) =>
      output.Export ? [`Export=${JSON.stringify(output.Export.Name)}`] : [],
    );
    return [`Stack=${stack.stackName}`, ...named, ...exports];
  });

describe('stages', { timeout: 120_000 }, () => {
  it('fit side by side in one account: two complete stages share no physical name', () => {
    // Act
    const [dev, prod] = (['dev', 'prod'] as const).map((stage) =>
      physicalNames(buildApp({ context: completeStageContext(stage) })),
    );
    // Assess: the collector sees every kind of named resource, each name carries its stage, none repeats.
    if (!dev || !prod) throw new Error('two stages expected');
    const kinds = new Set(dev.map((name) => name.split('=')[0]));
    for (const kind of [
      'Stack',
      'Export',
      'AWS::DynamoDB::GlobalTable.TableName',
      'AWS::Events::EventBus.Name',
      'AWS::CloudWatch::Alarm.AlarmName',
      'AWS::CloudWatch::Dashboard.DashboardName',
      'AWS::StepFunctions::StateMachine.StateMachineName',
      'AWS::ApiGatewayV2::Api.Name',
    ]) {
      expect(kinds).toContain(kind);
    }
    for (const name of dev) expect(name).toContain('dev');
    for (const name of prod) expect(name).toContain('prod');
    expect(dev.filter((name) => prod.includes(name))).toEqual([]);
    expect(new Set(dev).size).toBe(dev.length);
  });

  it('refuses to synthesize a stage with placeholders, naming each value', () => {
    expect(() => buildApp({ context: testContext({ stage: 'example' }) })).toThrow(
      /casetasks config for stage example is not deployable:[\s\S]*jwtIssuer: "https:\/\/REPLACE-WITH-YOUR-ISSUER\.example\.com\/" is a placeholder/,
    );
  });

  it('marks synth-check templates undeployable with a CloudFormation rule that cannot hold; real stages carry none', () => {
    // Act
    const synthCheck = buildTestApp();
    const dev = buildApp({ context: completeStageContext('dev') });
    // Assess
    for (const template of [synthCheck.data, synthCheck.service]) {
      expect(template.toJSON().Rules?.SynthCheckIsNotDeployable).toMatchObject({
        Assertions: [{ Assert: { 'Fn::Equals': ['synth-check', 'a deployable stage'] } }],
      });
    }
    for (const stack of [dev.stateful, dev.stateless]) {
      expect(Object.keys(Template.fromStack(stack).toJSON().Rules ?? {})).not.toContain('SynthCheckIsNotDeployable');
    }
  });

  it('with identity cognito, keeps the user pool in the data stack and lets the API trust exactly its issuer and clients', () => {
    // Act
    const built = buildApp({
      context: completeStageContext('dev', { identity: 'cognito', jwtIssuer: undefined, jwtAudience: undefined }),
      outdir: mkdtempSync(join(tmpdir(), 'casetasks-cdk-')),
    });
    const report = join(built.app.synth().directory, 'validation-report.json');
    const data = Template.fromStack(built.stateful);
    const service = Template.fromStack(built.stateless);
    // Assess: the pool is retained with the table; the authorizer's issuer and audience come from it.
    data.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain' });
    data.resourceCountIs('AWS::Cognito::UserPoolClient', 2);
    const [authorizer] = Object.values(resourcesOf(service, 'AWS::ApiGatewayV2::Authorizer'));
    const config = authorizer?.Properties.JwtConfiguration as { Audience: unknown[] } | undefined;
    const jwt = JSON.stringify(config);
    expect(jwt).toMatch(/https:\/\/cognito-idp\./);
    expect(jwt).toMatch(/Fn::ImportValue/);
    expect(config?.Audience).toHaveLength(2);
    expect((JSON.parse(readFileSync(report, 'utf8')) as { pluginReports: unknown[] }).pluginReports).toEqual([]);
    // The trigger logs under the stage's service name, and its errors page the stage's topic (service stack).
    data.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'casetasks-dev' }) },
    });
    const [topicId] = Object.keys(resourcesOf(service, 'AWS::SNS::Topic'));
    service.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'casetasks-dev-Errors-PortalIdentity-PreTokenGeneration',
      MetricName: 'Errors',
      Dimensions: [
        { Name: 'FunctionName', Value: { 'Fn::ImportValue': Match.stringLikeRegexp('casetasks-dev-data') } },
      ],
      AlarmActions: [{ Ref: topicId }],
    });
  });

  it('refuses an external stage without issuer and audience, and a cognito stage that still names them', () => {
    expect(() => buildApp({ context: completeStageContext('dev', { jwtIssuer: undefined }) })).toThrow(
      /jwtIssuer is missing — pass -c jwtIssuer=… .*\(or set identity to cognito\)/,
    );
    expect(() => buildApp({ context: completeStageContext('dev', { identity: 'cognito' }) })).toThrow(
      /jwtIssuer is set, but identity is cognito[\s\S]*jwtAudience is set, but identity is cognito/,
    );
  });
});
