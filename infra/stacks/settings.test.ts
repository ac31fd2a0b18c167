// The deployment config: a stage and every required value or the synth fails naming each gap; placeholders never deploy.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableDefinition } from '@casetasks/db';
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { completeStageContext, testContext } from '../testing/test-app.js';
import {
  DeploymentConfigError,
  readSettings,
  regionProblems,
  type Settings,
  SYNTH_CHECK_STAGE,
  synthCheckConfig,
} from './settings.js';

type Context = Record<string, unknown>;

/** Only the settings, not the stacks: fast, and the error is the whole answer. */
const settingsOf = (context: Context): Settings => readSettings(new App({ context }).node);

const problemsOf = (context: Context): string[] => {
  try {
    settingsOf(context);
  } catch (error) {
    if (error instanceof DeploymentConfigError) return error.problems;
    throw error;
  }
  throw new Error('the settings were accepted');
};

describe('deployment settings', () => {
  it('refuse to guess the stage, and name how to give it', () => {
    // Act
    const problems = problemsOf({});
    // Assess
    expect(problems).toEqual([expect.stringMatching(/^stage is missing — pass -c stage=<name>/)]);
  });

  it.each([['Dev'], ['a'], ['prod_1'], ['-dev'], ['dev-'], ['a-very-long-stage-name'], ['dev-platform']])(
    'refuse the stage %j (it prefixes every physical name)',
    (stage) => {
      expect(problemsOf({ stage })).toEqual([expect.stringContaining(`stage "${stage}"`)]);
    },
  );

  it('name every missing value of a stage at once, with the -c key to pass and the file to put it in', () => {
    // Act: a stage with no infra/config/<stage>.json and nothing on the command line
    const problems = problemsOf({ stage: 'unconfigured' });
    // Assess
    expect(problems[0]).toMatch(/infra\/config\/unconfigured\.json does not exist: copy infra\/config\/example\.json/);
    for (const key of ['corsOrigins', 'bedrockModelId']) {
      expect(problems).toContain(`${key} is missing — pass -c ${key}=… or set it in infra/config/unconfigured.json`);
    }
    for (const key of ['jwtIssuer', 'jwtAudience']) {
      expect(problems).toContain(
        `${key} is missing — pass -c ${key}=… or set it in infra/config/unconfigured.json (or set identity to cognito)`,
      );
    }
    expect(problems).toContainEqual(expect.stringMatching(/^alarmEmail or alarmTopicArn is missing/));
  });

  it('fail on the placeholders of infra/config/example.json, each by key and value', () => {
    // Act: the example file as committed (stage "example" reads it)
    const problems = problemsOf({ stage: 'example' });
    // Assess
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^jwtIssuer: "https:\/\/REPLACE-WITH-YOUR-ISSUER\.example\.com\/" is a placeholder/),
        expect.stringMatching(/^jwtAudience: "REPLACE-WITH-THE-PORTALS-AUDIENCE" is a placeholder/),
        expect.stringMatching(/^corsOrigins: "https:\/\/partner-portal\.example\.com" is a placeholder/),
        expect.stringMatching(/^alarmEmail: "oncall@example\.com" is a placeholder/),
        expect.stringMatching(/^platformAccountIds: "123456789012" is a placeholder/),
        expect.stringMatching(/^mailFromAddress: "tasks@mail\.example\.com" is a placeholder/),
        expect.stringMatching(/^sesIdentity: "mail\.example\.com" is a placeholder/),
      ]),
    );
    expect(problems.join('\n')).not.toMatch(/bedrockModelId|calendar|apiRateLimit/);
  });

  it('fail on the old cdk.json defaults given on the command line (auth.example.com, an end-of-life model)', () => {
    // Act
    const problems = problemsOf(
      completeStageContext('dev', {
        jwtIssuer: 'https://auth.example.com/',
        bedrockModelId: 'anthropic.claude-3-haiku-20240307-v1:0',
        platformEventBusName: 'platform',
      }),
    );
    // Assess
    expect(problems).toEqual([
      'platformEventBusName is no longer a setting: the platform bus is now created per stage, or imported with platformEventBusArn',
      expect.stringMatching(
        /^bedrockModelId: is not in the model allowlist \(packages\/ai\/src\/models\.ts\) — use one of eu\.anthropic\.claude-haiku-4-5-20251001-v1:0, .*\(given "anthropic\.claude-3-haiku-20240307-v1:0"\)$/,
      ),
      expect.stringMatching(/^jwtIssuer: "https:\/\/auth\.example\.com\/" is a placeholder/),
    ]);
  });

  it.each([
    ['jwtIssuer', 'http://id.dev.casetasks.eu/', /must be an https:\/\/ URL/],
    ['corsOrigins', 'https://portal.casetasks.eu/path', /must be an origin/],
    ['alarmTopicArn', 'alarms', /must be an SNS topic ARN/],
    ['platformAccountIds', '12345', /12 digits/],
    ['platformEventBusArn', 'platform', /must be an event bus ARN/],
    ['bedrockModelId', 'claude', /is not in the model allowlist/],
    ['allowGlobalInference', 'yes', /expected boolean/],
    ['calendarTimeZone', 'Mars/Olympus', /IANA time zone/],
    ['calendarCountry', 'Germany', /ISO 3166/],
    ['apiRateLimit', '-5', /apiRateLimit/],
    ['tableIndexes', '10', /at least 11: the indexes a deployed table already has/],
    ['tableIndexes', '16', /at most 15: the indexes the table definition declares/],
    ['tableIndexes', '12.5', /whole number/],
  ])('refuse a malformed %s, naming it', (key, value, reason) => {
    // Act
    const problems = problemsOf(completeStageContext('dev', { [key]: value }));
    // Assess
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${key}`));
    expect(problems[0]).toMatch(reason);
  });

  it('accept a complete stage: names prefixed with the stage, the created platform bus open to the listed account', () => {
    // Act
    const settings = settingsOf(completeStageContext('prod', { calendarTimeZone: 'Europe/Berlin' }));
    // Assess
    expect(settings).toMatchObject({
      stage: 'prod',
      jwtAudience: ['casetasks-portals'],
      corsOrigins: ['https://partner.prod.casetasks.eu', 'https://client.prod.casetasks.eu'],
      calendarTimeZone: 'Europe/Berlin',
      calendarCountry: '',
      apiRateLimit: 100,
      names: { table: 'casetasks-prod', dataStack: 'casetasks-prod-data', serviceStack: 'casetasks-prod-service' },
      platformBus: {
        kind: 'create',
        name: 'casetasks-prod-platform',
        accountIds: ['210987654321'],
        source: 'platform',
      },
    });
  });

  it('import the platform bus by ARN instead, but not with account ids meant for a created bus', () => {
    // Prepare
    const arn = 'arn:aws:events:eu-central-1:210987654321:event-bus/platform';
    // Act
    const imported = settingsOf(
      completeStageContext('dev', { platformAccountIds: undefined, platformEventBusArn: arn }),
    );
    const both = problemsOf(completeStageContext('dev', { platformEventBusArn: arn }));
    // Assess
    expect(imported.platformBus).toEqual({ kind: 'import', arn });
    expect(both).toEqual([expect.stringMatching(/^platformAccountIds applies to the bus the stack creates/)]);
  });

  it('create every index of the table definition unless tableIndexes says fewer (an upgrade, one GSI a deploy)', () => {
    // Act
    const byDefault = settingsOf(completeStageContext('dev'));
    const upgrading = settingsOf(completeStageContext('dev', { tableIndexes: '13' }));
    // Assess
    expect(byDefault.tableIndexes).toBe(tableDefinition.indexes.length);
    expect(byDefault.tableIndexes).toBe(15);
    expect(upgrading.tableIndexes).toBe(13);
  });

  it('accept an alarm topic ARN instead of an e-mail', () => {
    const topic = 'arn:aws:sns:eu-central-1:210987654321:pager';
    expect(settingsOf(completeStageContext('dev', { alarmEmail: undefined, alarmTopicArn: topic }))).toMatchObject({
      alarmTopicArn: topic,
    });
  });

  it('read a stage file, with -c overriding it; refuse an unknown key (a typo) and a file that is not JSON', () => {
    // Prepare: throw-away stage files
    const [good, typo, broken] = ['good', 'typo', 'broken'].map((name) => `${name}-${process.pid}`) as [
      string,
      string,
      string,
    ];
    const file = (stage: string) => join(import.meta.dirname, '..', 'config', `${stage}.json`);
    writeFileSync(file(good), JSON.stringify({ jwtIssuer: 'https://id.file.casetasks.eu/', apiRateLimit: 20 }));
    writeFileSync(file(typo), JSON.stringify({ jwtIssuer: 'https://id.file.casetasks.eu/', alarmMail: 'a@b.eu' }));
    writeFileSync(file(broken), '{ "jwtIssuer": ');
    try {
      // Act
      const fromFile = settingsOf(completeStageContext(good, { jwtIssuer: undefined }));
      const overridden = settingsOf(completeStageContext(good, { apiRateLimit: '50' }));
      // Assess
      expect(fromFile).toMatchObject({ jwtIssuer: 'https://id.file.casetasks.eu/', apiRateLimit: 20 });
      expect(overridden.apiRateLimit).toBe(50);
      expect(problemsOf(completeStageContext(typo))).toEqual([
        `infra/config/${typo}.json: unknown key alarmMail (a typo?)`,
      ]);
      expect(problemsOf(completeStageContext(broken))[0]).toMatch(
        new RegExp(`^infra/config/${broken}\\.json is not valid JSON`),
      );
    } finally {
      for (const stage of [good, typo, broken]) rmSync(file(stage), { force: true });
    }
  });

  it('turn e-mail on with mailFromAddress, sending as its domain unless sesIdentity names the verified identity', () => {
    // Act
    const off = settingsOf(completeStageContext('prod'));
    const byDomain = settingsOf(completeStageContext('prod', { mailFromAddress: 'tasks@mail.casetasks.eu' }));
    const byParent = settingsOf(
      completeStageContext('prod', { mailFromAddress: 'tasks@mail.casetasks.eu', sesIdentity: 'casetasks.eu' }),
    );
    // Assess
    expect(off.mail).toBeUndefined();
    expect(off.webhookMaxConcurrency).toBe(5);
    expect(byDomain.mail).toEqual({ fromAddress: 'tasks@mail.casetasks.eu', identity: 'mail.casetasks.eu' });
    expect(byParent.mail).toEqual({ fromAddress: 'tasks@mail.casetasks.eu', identity: 'casetasks.eu' });
  });

  it('refuse an SES identity that does not cover the sender, one without a sender, and a concurrency below 2', () => {
    expect(
      problemsOf(completeStageContext('prod', { mailFromAddress: 'tasks@casetasks.eu', sesIdentity: 'other.eu' })),
    ).toEqual(['sesIdentity other.eu does not cover mailFromAddress tasks@casetasks.eu']);
    expect(
      problemsOf(
        completeStageContext('prod', { mailFromAddress: 'tasks@casetasks.eu', sesIdentity: 'ops@casetasks.eu' }),
      ),
    ).toEqual(['sesIdentity ops@casetasks.eu does not cover mailFromAddress tasks@casetasks.eu']);
    expect(problemsOf(completeStageContext('prod', { sesIdentity: 'casetasks.eu' }))).toEqual([
      'sesIdentity is set without mailFromAddress: e-mail needs both (or neither)',
    ]);
    expect(problemsOf(completeStageContext('prod', { webhookMaxConcurrency: '1' }))).toEqual([
      expect.stringMatching(/^webhookMaxConcurrency: .*(given "1")/),
    ]);
  });

  it('give synth-check complete, clearly undeployable values (reserved .invalid names, a current EU model)', () => {
    // Act
    const settings = settingsOf(testContext());
    // Assess
    expect(settings.stage).toBe(SYNTH_CHECK_STAGE);
    expect(settings).toMatchObject(synthCheckConfig);
    expect(settings.jwtIssuer).toMatch(/\.invalid\/$/);
    expect(settings.bedrockModelId).toBe('eu.anthropic.claude-haiku-4-5-20251001-v1:0');
  });

  describe('model and data residency', () => {
    const haiku = 'anthropic.claude-haiku-4-5-20251001-v1:0';

    it('accept only allowlisted models, and take the allowlist entry along (profile, models, EU regions)', () => {
      // Act
      const nova = settingsOf(completeStageContext('prod', { bedrockModelId: 'eu.amazon.nova-micro-v1:0' }));
      const sonnet = problemsOf(
        completeStageContext('prod', { bedrockModelId: 'eu.anthropic.claude-3-7-sonnet-20250219-v1:0' }),
      );
      // Assess
      expect(nova.bedrockModel).toMatchObject({
        modelIds: ['amazon.nova-micro-v1:0'],
        geography: 'eu',
        status: 'Active',
      });
      expect(nova.bedrockModel.regions).toContain('eu-central-1');
      expect(sonnet).toEqual([expect.stringMatching(/^bedrockModelId: is not in the model allowlist .* use one of /)]);
    });

    it('refuse a global inference profile unless allowGlobalInference is set', () => {
      // Act
      const refused = problemsOf(completeStageContext('prod', { bedrockModelId: `global.${haiku}` }));
      const allowed = settingsOf(
        completeStageContext('prod', { bedrockModelId: `global.${haiku}`, allowGlobalInference: 'true' }),
      );
      // Assess
      expect(refused).toEqual([
        `bedrockModelId global.${haiku} is a global inference profile: Bedrock may process the chats in any commercial region, outside the EU — use eu.${haiku}, or set allowGlobalInference to true`,
      ]);
      expect(allowed).toMatchObject({ allowGlobalInference: true, bedrockModel: { geography: 'global' } });
    });

    it('refuse a stack region outside the EU unless allowNonEuRegion, and one the EU profile does not serve', () => {
      // Prepare
      const eu = settingsOf(completeStageContext('prod'));
      const optedOut = settingsOf(
        completeStageContext('prod', {
          bedrockModelId: `global.${haiku}`,
          allowGlobalInference: true,
          allowNonEuRegion: true,
        }),
      );
      // Act / Assess
      expect(regionProblems(eu, 'eu-central-1')).toEqual([]);
      expect(regionProblems(eu, undefined)).toEqual([]);
      expect(regionProblems(eu, 'us-east-1')).toEqual([
        expect.stringMatching(
          /^the stack's region us-east-1 is outside the EU — deploy to one of eu-central-1, .* or set allowNonEuRegion to true$/,
        ),
        expect.stringMatching(
          /^bedrockModelId eu\.anthropic\.claude-haiku-4-5-20251001-v1:0 cannot be called from us-east-1: its inference profile serves eu-central-1, /,
        ),
      ]);
      // eu-west-2 is in the EU set of the stack but not among the profile's regions.
      expect(regionProblems(eu, 'eu-west-2')).toEqual([expect.stringMatching(/cannot be called from eu-west-2/)]);
      expect(regionProblems(optedOut, 'us-east-1')).toEqual([]);
    });
  });
});
