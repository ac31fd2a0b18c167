// App-wide rules: cdk-nag AwsSolutions clean (and able to fail), least-privilege IAM, stack split and outputs.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { buildTestApp, resourcesOf, roleOfFunction, statementsOfRole, testContext } from '../testing/test-app.js';
import { buildApp } from './build-app.js';

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
    const saved = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
    process.env.CDK_DEFAULT_ACCOUNT = '123456789012';
    process.env.CDK_DEFAULT_REGION = 'eu-central-1';
    try {
      const { app, stateless } = buildApp({ context: testContext() });
      // Act / Assess: synth throws on any finding
      expect(app.synth().getStackArtifact(stateless.artifactId).environment.region).toBe('eu-central-1');
    } finally {
      for (const [key, value] of Object.entries({
        CDK_DEFAULT_ACCOUNT: saved.account,
        CDK_DEFAULT_REGION: saved.region,
      })) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
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
    expect(report).toContain('CasetasksService/Careless/Resource');
  });

  it('splits the table (stateful) from everything else (stateless) and outputs URL and bus names', () => {
    // Assess
    expect(Object.keys(data.toJSON().Resources)).toHaveLength(1);
    service.hasOutput('ApiUrl', {});
    service.hasOutput('ServiceEventBusName', {});
    service.hasOutput('PlatformEventBusName', { Value: 'platform' });
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

  it('runs every function on Node.js 22, arm64, traced, with the shared configuration', () => {
    for (const fn of Object.values(resourcesOf(service, 'AWS::Lambda::Function'))) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Environment: {
          Variables: expect.objectContaining({
            TABLE_NAME: 'casetasks',
            // The service bus's name (a reference where the function also depends on the bus).
            EVENT_BUS_NAME: expect.anything(),
            CALENDAR_TIME_ZONE: 'UTC',
            POWERTOOLS_SERVICE_NAME: 'casetasks',
            POWERTOOLS_LOG_LEVEL: 'INFO',
          }),
        },
      });
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
