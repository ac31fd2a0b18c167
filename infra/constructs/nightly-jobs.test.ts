// The periodic jobs: their schedules (02:00 UTC cleanup, hourly reminders, daily surveys), retries, DLQs and Bedrock access.
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
      Variables: {
        CHAT_JUDGE: 'bedrock',
        BEDROCK_MODEL_ID: 'eu.anthropic.claude-haiku-4-5-20251001-v1:0',
        // New deployments judge without closing for their first week (issue 23).
        CHAT_CLEANUP_SHADOW_NIGHTS: '7',
      },
    });
  });

  /** ARNs as the template writes them (the stack is region-agnostic in the tests). */
  const profileArn = (profile: string) => ({
    'Fn::Join': [
      '',
      [
        'arn:',
        { Ref: 'AWS::Partition' },
        ':bedrock:',
        { Ref: 'AWS::Region' },
        ':',
        { Ref: 'AWS::AccountId' },
        `:inference-profile/${profile}`,
      ],
    ],
  });
  const modelArn = (region: string, model: string) => ({
    'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:bedrock:${region}::foundation-model/${model}`]],
  });
  const bedrockStatements = (template: typeof service) => {
    const fn = jobFunction(resourcesOf(template, 'AWS::Lambda::Function'), 'chat-cleanup').fn;
    return statementsOfRole(template, roleOfFunction(fn)).filter((s) => s.Action.some((a) => a.startsWith('bedrock:')));
  };
  const euRegions = ['eu-central-1', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-3'];

  it('lets only the chat cleanup invoke Bedrock: the EU profile and its model in the profile’s regions, nothing else', () => {
    for (const [id, fn] of Object.entries(functions)) {
      const bedrock = statementsOfRole(service, roleOfFunction(fn)).filter((s) =>
        s.Action.some((a) => a.startsWith('bedrock:')),
      );
      if (id !== jobFunction(functions, 'chat-cleanup').id) expect(bedrock).toEqual([]);
    }
    const model = 'anthropic.claude-haiku-4-5-20251001-v1:0';
    expect(bedrockStatements(service)).toEqual([
      {
        Action: ['bedrock:InvokeModel'],
        Resource: [profileArn(`eu.${model}`), ...euRegions.map((region) => modelArn(region, model))],
      },
    ]);
  });

  it('scopes an Amazon Nova EU profile the same way', { timeout: 60_000 }, () => {
    // Act
    const { service: nova } = buildTestApp({ bedrockModelId: 'eu.amazon.nova-micro-v1:0' });
    // Assess
    expect(bedrockStatements(nova)).toEqual([
      {
        Action: ['bedrock:InvokeModel'],
        Resource: [
          profileArn('eu.amazon.nova-micro-v1:0'),
          ...euRegions.map((region) => modelArn(region, 'amazon.nova-micro-v1:0')),
        ],
      },
    ]);
  });

  it('scopes an allowed global profile to it, its model in the stack’s region and the region-less model ARN', {
    timeout: 60_000,
  }, () => {
    // Act
    const { service: global } = buildTestApp({
      bedrockModelId: 'global.anthropic.claude-haiku-4-5-20251001-v1:0',
      allowGlobalInference: true,
    });
    // Assess
    const resources = bedrockStatements(global).flatMap((s) => s.Resource);
    expect(resources).toHaveLength(3);
    expect(JSON.stringify(resources)).not.toContain('*');
    expect(resources[2]).toEqual(modelArn('', 'anthropic.claude-haiku-4-5-20251001-v1:0'));
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
