import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { followUpStates } from '@casetasks/app/workflow';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AttributeType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { definitionFromTemplate, synthesizedFollowUpDefinition } from '../../infra/local/state-machine.js';
import { buildTestApp } from '../testing/test-app.js';
import { PausedCaseFollowUp } from './paused-case-follow-up.js';

const synthesize = (outdir?: string) => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] }, ...(outdir ? { outdir } : {}) });
  const stack = new Stack(app, 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
  const table = new TableV2(stack, 'Table', { partitionKey: { name: 'pk', type: AttributeType.STRING } });
  const followUp = new PausedCaseFollowUp(stack, 'FollowUp', { table, environment: { TABLE_NAME: 'tasks' } });
  return { app, stack, followUp, template: Template.fromStack(stack) };
};

/** State names in the order an execution whose task stays open visits them. */
const flowOrder = (definition: ReturnType<typeof synthesizedFollowUpDefinition>): string[] => {
  const order: string[] = [];
  let name: unknown = definition.StartAt;
  while (typeof name === 'string' && !order.includes(name)) {
    order.push(name);
    const state = definition.States[name];
    name = state?.Type === 'Choice' ? (state.Choices as { Next: string }[])[0]?.Next : state?.Next;
  }
  return order;
};

/** Function ARNs carry logical ids, which differ between stacks; the flow does not. */
const withoutFunctionNames = (definition: unknown): unknown =>
  JSON.parse(JSON.stringify(definition).replace(/function:[A-Za-z0-9]+/g, 'function:STEP'));

// Synthesis takes seconds on a busy machine: the default 5 s is too tight.
describe('PausedCaseFollowUp', { timeout: 60_000 }, () => {
  it('is a Standard state machine with X-Ray tracing and execution logging', () => {
    // Prepare / Act
    const { template } = synthesize();
    // Assess
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: Match.objectLike({ Level: 'ALL' }),
    });
    template.resourceCountIs('AWS::Lambda::Function', 2);
    template.allResourcesProperties('AWS::Lambda::Function', { Architectures: ['arm64'], Runtime: 'nodejs24.x' });
  });

  it('exposes its two step functions, each allowed to write the table', () => {
    // Prepare / Act
    const { followUp, template } = synthesize();
    // Assess
    expect(followUp.functions).toHaveLength(2);
    const policies = template.findResources('AWS::IAM::Policy');
    const tableWriters = Object.values(policies).filter((policy) =>
      JSON.stringify(policy).includes('dynamodb:PutItem'),
    );
    expect(tableWriters).toHaveLength(2);
  });

  it('waits on computed timestamps, never fixed seconds, and re-checks `open` after every step', () => {
    // Prepare / Act
    const definition = synthesizedFollowUpDefinition();
    const states = flowOrder(definition).map((name) => definition.States[name] ?? {});
    // Assess
    const waits = states.filter((state) => state.Type === 'Wait');
    expect(waits.map((state) => state.TimestampPath)).toEqual(['$.approachingAt', '$.deadline', '$.escalateAt']);
    expect(waits.every((state) => state.Seconds === undefined)).toBe(true);
    expect(states.map((state) => state.Type)).toEqual([
      'Task',
      'Choice',
      'Wait',
      'Task',
      'Choice',
      'Wait',
      'Task',
      'Choice',
      'Wait',
      'Task',
      'Succeed',
    ]);
    expect(definition.StartAt).toBe(followUpStates.createTask);
    for (const name of Object.values(followUpStates.reminder)) expect(definition.States[name]?.Type).toBe('Task');
  });

  it('local mode runs the same ASL the app synthesizes', () => {
    // Prepare
    const { service } = buildTestApp();
    // Act
    const deployed = definitionFromTemplate(service.toJSON());
    // Assess
    expect(withoutFunctionNames(synthesizedFollowUpDefinition())).toEqual(withoutFunctionNames(deployed));
  });

  it('leaves no cdk-nag AwsSolutions finding unacknowledged (a finding fails the synth)', () => {
    // Prepare
    const { app } = synthesize(mkdtempSync(join(tmpdir(), 'follow-up-nag-')));
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    // Act / Assess
    expect(() => app.synth()).not.toThrow();
  });
});
