// The periodic jobs: their schedules (02:00 UTC cleanup, hourly reminders, daily surveys), retries, DLQs and Bedrock access.
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildTestApp, referencedId, resourcesOf, roleOfFunction, statementsOfRole } from '../testing/test-app.js';

const jobFunction = (functions: ReturnType<typeof resourcesOf>, job: string) => {
  const id = Object.keys(functions).find((key) => key.startsWith(`NightlyJobs${job.replaceAll('-', '')}`));
  if (!id) throw new Error(`no function for ${job}`);
  return { id, fn: functions[id] as NonNullable<(typeof functions)[string]> };
};

describe('NightlyJobs', () => {
  // Prepare
  const { service } = buildTestApp();
  const functions = resourcesOf(service, 'AWS::Lambda::Function');
  const schedules = resourcesOf(service, 'AWS::Scheduler::Schedule');
  const scheduleOf = (job: string) =>
    Object.values(schedules).find(
      (s) => referencedId((s.Properties.Target as { Arn: unknown }).Arn) === jobFunction(functions, job).id,
    );

  it.each([
    ['chat-cleanup', 'cron(0/15 2-5 * * ? *)'],
    ['deadline-reminders', 'cron(0 * * * ? *)'],
    ['monthly-surveys', 'cron(0 3 * * ? *)'],
  ])('runs %s on %s UTC, on time, with retries and a DLQ', (job, expression) => {
    expect(scheduleOf(job)?.Properties).toMatchObject({
      ScheduleExpression: expression,
      ScheduleExpressionTimezone: 'Etc/UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: {
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.stringMatching(/DeliveryDlq/), 'Arn'] } },
      },
    });
  });

  it('gives the chat cleanup 15 minutes and the Bedrock judge', () => {
    const { fn } = jobFunction(functions, 'chat-cleanup');
    expect(fn.Properties.Timeout).toBe(900);
    expect(fn.Properties.Environment).toMatchObject({
      Variables: { CHAT_JUDGE: 'bedrock', BEDROCK_MODEL_ID: 'eu.anthropic.claude-haiku-4-5-20251001-v1:0' },
    });
  });

  it('lets only the chat cleanup invoke Bedrock, and only the configured model', () => {
    for (const [id, fn] of Object.entries(functions)) {
      const bedrock = statementsOfRole(service, roleOfFunction(fn)).filter((s) =>
        s.Action.some((a) => a.startsWith('bedrock:')),
      );
      if (id !== jobFunction(functions, 'chat-cleanup').id) {
        expect(bedrock).toEqual([]);
        continue;
      }
      expect(bedrock).toHaveLength(1);
      expect(bedrock[0]?.Action).toEqual(['bedrock:InvokeModel']);
      const resources = JSON.stringify(bedrock[0]?.Resource);
      expect(resources).toContain(':inference-profile/eu.anthropic.claude-haiku-4-5-20251001-v1:0');
      expect(resources).toContain(':foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0');
    }
  });

  it('scopes a foundation-model id to that model in the stack’s region', { timeout: 60_000 }, () => {
    // Act
    const { service: direct } = buildTestApp({ bedrockModelId: 'anthropic.claude-sonnet-4-5-20250929-v1:0' });
    // Assess
    const fn = jobFunction(resourcesOf(direct, 'AWS::Lambda::Function'), 'chat-cleanup').fn;
    const bedrock = statementsOfRole(direct, roleOfFunction(fn)).filter((s) =>
      s.Action.includes('bedrock:InvokeModel'),
    );
    expect(bedrock).toHaveLength(1);
    expect(JSON.stringify(bedrock[0]?.Resource)).toMatch(
      /\{"Ref":"AWS::Region"\},"::foundation-model\/anthropic\.claude-sonnet-4-5-20250929-v1:0"\]\]\}\]$/,
    );
  });

  it('scopes an inference profile to that profile and its one underlying model', { timeout: 60_000 }, () => {
    // Act
    const { service: profiled } = buildTestApp({ bedrockModelId: 'eu.anthropic.claude-3-7-sonnet-20250219-v1:0' });
    // Assess
    profiled.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Action: 'bedrock:InvokeModel',
            Effect: 'Allow',
            Resource: [
              {
                'Fn::Join': ['', Match.arrayWith([':inference-profile/eu.anthropic.claude-3-7-sonnet-20250219-v1:0'])],
              },
              {
                'Fn::Join': [
                  '',
                  [
                    'arn:',
                    { Ref: 'AWS::Partition' },
                    ':bedrock:*::foundation-model/anthropic.claude-3-7-sonnet-20250219-v1:0',
                  ],
                ],
              },
            ],
          },
        ]),
      },
    });
  });

  it('lets each schedule invoke only its own function', () => {
    for (const schedule of Object.values(schedules)) {
      const target = schedule.Properties.Target as { Arn: unknown; RoleArn: unknown };
      const statements = statementsOfRole(service, referencedId(target.RoleArn) ?? '');
      const invoke = statements.filter((s) => s.Action.includes('lambda:InvokeFunction'));
      expect(invoke.flatMap((s) => s.Resource).map((r) => JSON.stringify(r))).toEqual([
        JSON.stringify(target.Arn),
        JSON.stringify({ 'Fn::Join': ['', [target.Arn, ':*']] }),
      ]);
    }
  });
});
