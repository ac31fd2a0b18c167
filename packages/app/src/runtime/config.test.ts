// Deployed, a missing setting throws when first read, naming it; only the local marker gives local defaults.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, config, LOCAL_MODE_VARIABLE, resetConfig, startupChecked } from './config.js';

const variables = [
  LOCAL_MODE_VARIABLE,
  'TABLE_NAME',
  'AWS_REGION',
  'EVENT_BUS_NAME',
  'CALENDAR_TIME_ZONE',
  'CALENDAR_COUNTRY',
  'BEDROCK_MODEL_ID',
  'CHAT_JUDGE',
  'PAUSED_CASE_STATE_MACHINE_ARN',
] as const;

/** What the stack gives every function, plus what Lambda sets. */
const deployed = {
  TABLE_NAME: 'casetasks-prod',
  AWS_REGION: 'eu-central-1',
  EVENT_BUS_NAME: 'casetasks-prod',
  CALENDAR_TIME_ZONE: 'Europe/Berlin',
};

let saved: Record<string, string | undefined>;
beforeEach(() => {
  saved = Object.fromEntries(variables.map((name) => [name, process.env[name]]));
  for (const name of variables) delete process.env[name];
  resetConfig();
});
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetConfig();
});

const setEnv = (values: Record<string, string>) => Object.assign(process.env, values);

/** The error a read throws, or undefined when it returns. */
const readError = (read: () => unknown): ConfigError | undefined => {
  try {
    read();
    return undefined;
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
};

describe('config, deployed (no local marker)', () => {
  it('returns what the stack set', () => {
    // Prepare
    setEnv({ ...deployed, CHAT_JUDGE: 'bedrock', BEDROCK_MODEL_ID: 'eu.anthropic.claude-haiku-4-5-20251001-v1:0' });
    // Act
    const { TABLE_NAME, EVENT_BUS_NAME, CALENDAR_TIME_ZONE, AWS_REGION, CHAT_JUDGE, BEDROCK_MODEL_ID } = config();
    // Assess
    expect({ TABLE_NAME, EVENT_BUS_NAME, CALENDAR_TIME_ZONE, AWS_REGION, CHAT_JUDGE, BEDROCK_MODEL_ID }).toEqual({
      ...deployed,
      CHAT_JUDGE: 'bedrock',
      BEDROCK_MODEL_ID: 'eu.anthropic.claude-haiku-4-5-20251001-v1:0',
    });
  });

  it.each(Object.keys(deployed))(
    'throws on the first read of a missing %s, naming it, with no local fallback',
    (name) => {
      // Prepare
      setEnv({ ...deployed });
      delete process.env[name];
      // Act: reading the config itself succeeds; only the missing setting fails
      const settings = config();
      const error = readError(() => settings[name as keyof typeof deployed]);
      // Assess
      expect(error).toBeInstanceOf(ConfigError);
      expect(error?.variable).toBe(name);
      expect(error?.message).toMatch(new RegExp(`^${name} is not set: deployed, the stack sets it`));
      expect(error?.retryable).toBe(false);
    },
  );

  it('refuses to start in Lambda (the chains are built at module load) without a setting every function needs', () => {
    // Prepare
    const handler = async () => 'answered';
    const inLambda = { AWS_LAMBDA_FUNCTION_NAME: 'casetasks-prod-service-list-tasks' };
    setEnv({ ...deployed });
    delete process.env.EVENT_BUS_NAME;
    // Act
    const refused = readError(() => startupChecked(handler, inLambda));
    const importedForMetadata = startupChecked(handler, {});
    resetConfig();
    setEnv({ EVENT_BUS_NAME: deployed.EVENT_BUS_NAME });
    // Assess: the missing one is named; outside Lambda (synth, tests) or with it set, the very handler comes back
    expect(refused?.variable).toBe('EVENT_BUS_NAME');
    expect(importedForMetadata).toBe(handler);
    expect(startupChecked(handler, inLambda)).toBe(handler);
  });

  it('lets a function that never reads the judge run without CHAT_JUDGE and BEDROCK_MODEL_ID', () => {
    // Prepare
    setEnv(deployed);
    // Act / Assess
    expect(config().TABLE_NAME).toBe('casetasks-prod');
    expect(readError(() => config().CHAT_JUDGE)?.variable).toBe('CHAT_JUDGE');
  });

  it('refuses the Bedrock judge without a model id', () => {
    // Prepare
    setEnv({ ...deployed, CHAT_JUDGE: 'bedrock' });
    // Act
    const error = readError(() => {
      const { CHAT_JUDGE, BEDROCK_MODEL_ID } = config();
      return [CHAT_JUDGE, BEDROCK_MODEL_ID];
    });
    // Assess
    expect(error?.variable).toBe('BEDROCK_MODEL_ID');
  });

  it('refuses to start or stop a follow-up without the state machine ARN', () => {
    setEnv(deployed);
    expect(readError(() => config().PAUSED_CASE_STATE_MACHINE_ARN)?.message).toMatch(
      /^PAUSED_CASE_STATE_MACHINE_ARN is not set/,
    );
  });

  it('names a malformed value when the config is read', () => {
    // Prepare
    setEnv({ ...deployed, CHAT_JUDGE: 'gpt' });
    // Act
    const error = readError(() => config());
    // Assess
    expect(error?.variable).toBe('CHAT_JUDGE');
    expect(error?.message).toMatch(/^CHAT_JUDGE is invalid/);
  });

  it('does not take a DynamoDB endpoint for local mode', () => {
    setEnv({ DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' });
    expect(readError(() => config().TABLE_NAME)?.variable).toBe('TABLE_NAME');
  });
});

describe('config, local mode and tests (CASETASKS_LOCAL=1)', () => {
  it('falls back to local defaults: local table and bus, UTC, the offline judge with no model', () => {
    // Prepare
    setEnv({ [LOCAL_MODE_VARIABLE]: '1' });
    // Act
    const { TABLE_NAME, EVENT_BUS_NAME, CALENDAR_TIME_ZONE, AWS_REGION, CHAT_JUDGE, BEDROCK_MODEL_ID } = config();
    // Assess
    expect({ TABLE_NAME, EVENT_BUS_NAME, CALENDAR_TIME_ZONE, AWS_REGION, CHAT_JUDGE, BEDROCK_MODEL_ID }).toEqual({
      TABLE_NAME: 'casetasks-local',
      EVENT_BUS_NAME: 'casetasks-local',
      CALENDAR_TIME_ZONE: 'UTC',
      AWS_REGION: 'eu-west-1',
      CHAT_JUDGE: 'offline',
      BEDROCK_MODEL_ID: '',
    });
  });

  it('still has no default for what no default could get right (the Bedrock model, the state machine)', () => {
    // Prepare
    setEnv({ [LOCAL_MODE_VARIABLE]: '1', CHAT_JUDGE: 'bedrock' });
    // Act / Assess
    expect(readError(() => config().BEDROCK_MODEL_ID)?.variable).toBe('BEDROCK_MODEL_ID');
    expect(readError(() => config().PAUSED_CASE_STATE_MACHINE_ARN)?.variable).toBe('PAUSED_CASE_STATE_MACHINE_ARN');
  });

  it('prefers what is set over the defaults', () => {
    setEnv({ [LOCAL_MODE_VARIABLE]: '1', TABLE_NAME: 'casetasks-test-1' });
    expect(config().TABLE_NAME).toBe('casetasks-test-1');
  });
});
