// The example issuer as synthesized: pool settings, the trigger and its version, the portal clients, the issuer URL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { referencedId, resourcesOf } from '../testing/test-app.js';
import { PortalIdentity, type PortalIdentityProps } from './portal-identity.js';

const synthesize = (props: Partial<PortalIdentityProps> = {}, outdir?: string) => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] }, ...(outdir ? { outdir } : {}) });
  const stack = new Stack(app, 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
  const identity = new PortalIdentity(stack, 'Identity', { namePrefix: 'casetasks-test', ...props });
  return { app, stack, identity, template: Template.fromStack(stack) };
};

/** Fn::Join / Ref / pseudo parameters → a string, as CloudFormation would render them in eu-west-1. */
const render = (value: unknown): string => {
  if (typeof value === 'string') return value;
  const object = value as { Ref?: string; 'Fn::Join'?: [string, unknown[]] };
  if (object.Ref === 'AWS::URLSuffix') return 'amazonaws.com';
  if (object.Ref === 'AWS::Region') return 'eu-west-1';
  if (object.Ref) return `<${object.Ref}>`;
  if (object['Fn::Join']) return object['Fn::Join'][1].map(render).join(object['Fn::Join'][0]);
  throw new Error(`cannot render ${JSON.stringify(value)}`);
};

const poolOf = (template: Template) => {
  const [pool] = Object.values(resourcesOf(template, 'AWS::Cognito::UserPool'));
  if (!pool) throw new Error('no user pool');
  return pool.Properties;
};

const onlyId = (template: Template, type: string): string => {
  const ids = Object.keys(resourcesOf(template, type));
  expect(ids).toHaveLength(1);
  return ids[0] ?? '';
};

// Synthesis takes seconds on a busy machine: the default 5 s is too tight.
describe('PortalIdentity', { timeout: 60_000 }, () => {
  const { stack, identity, template } = synthesize();

  it('is an invitation-only pool with a strong password policy, optional TOTP, kept on delete', () => {
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        UserPoolName: 'casetasks-test-portal-users',
        UserPoolTier: 'ESSENTIALS',
        DeletionProtection: 'ACTIVE',
        AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
        MfaConfiguration: 'OPTIONAL',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        UsernameAttributes: ['email'],
        Policies: {
          PasswordPolicy: {
            MinimumLength: 12,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
            TemporaryPasswordValidityDays: 3,
          },
        },
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      }),
    });
  });

  it('declares org_id and party immutable, role mutable, sized from the claim grammar', () => {
    const schema = poolOf(template).Schema as { Name: string; Mutable: boolean; StringAttributeConstraints: unknown }[];
    expect(schema.filter((attribute) => attribute.Name !== 'email')).toEqual([
      {
        Name: 'org_id',
        AttributeDataType: 'String',
        Mutable: false,
        StringAttributeConstraints: { MinLength: '1', MaxLength: '128' },
      },
      {
        Name: 'party',
        AttributeDataType: 'String',
        Mutable: false,
        StringAttributeConstraints: { MinLength: '7', MaxLength: '8' },
      },
      {
        Name: 'role',
        AttributeDataType: 'String',
        Mutable: true,
        StringAttributeConstraints: { MinLength: '5', MaxLength: '11' },
      },
    ]);
  });

  it('wires the pre-token-generation trigger as V2_0 (access tokens), invocable by this pool only', () => {
    const functionId = onlyId(template, 'AWS::Lambda::Function');
    const { PreTokenGenerationConfig: config } = poolOf(template).LambdaConfig as {
      PreTokenGenerationConfig: Record<string, unknown>;
    };
    expect(config.LambdaVersion).toBe('V2_0');
    expect(referencedId(config.LambdaArn)).toBe(functionId);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'cognito-idp.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] },
      SourceArn: { 'Fn::GetAtt': [onlyId(template, 'AWS::Cognito::UserPool'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Timeout: 5,
      // Logs and metrics under the stage's service name, like every other function of the stage.
      Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'casetasks-test' }) },
    });
    expect(identity.trigger.bundlesHolidays).toBe(false);
  });

  it('uses V1_0 on the Lite plan when the portals send ID tokens', () => {
    const { template: idTokens } = synthesize({ tokenUse: 'id' });
    idTokens.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'LITE',
      LambdaConfig: { PreTokenGenerationConfig: Match.objectLike({ LambdaVersion: 'V1_0' }) },
    });
  });

  it('has one public SRP client per portal that reads the claim attributes and cannot write them', () => {
    const clients = Object.values(resourcesOf(template, 'AWS::Cognito::UserPoolClient'));
    expect(clients.map((client) => client.Properties.ClientName).sort()).toEqual([
      'casetasks-test-creditor-portal',
      'casetasks-test-partner-portal',
    ]);
    for (const { Properties: client } of clients) {
      expect(client).toMatchObject({
        GenerateSecret: false,
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        AllowedOAuthFlowsUserPoolClient: false,
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: true,
        AccessTokenValidity: 60,
        IdTokenValidity: 60,
        RefreshTokenValidity: 720,
      });
      expect(client.ReadAttributes).toEqual(
        expect.arrayContaining(['custom:org_id', 'custom:party', 'custom:role', 'email']),
      );
      expect(client.WriteAttributes).toEqual(['family_name', 'given_name']);
    }
  });

  it('enables the code grant for a portal that has callback URLs', () => {
    const { template: withUrls } = synthesize({
      portals: { partner: { callbackUrls: ['https://partner.example.org/callback'] } },
    });
    withUrls.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'casetasks-test-partner-portal',
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: ['https://partner.example.org/callback'],
    });
  });

  it('gives the authorizer the pool’s issuer URL and both client ids as the audience', () => {
    const poolId = onlyId(template, 'AWS::Cognito::UserPool');
    expect(render(stack.resolve(identity.issuer))).toBe(`https://cognito-idp.eu-west-1.amazonaws.com/<${poolId}>`);
    const clientIds = Object.keys(resourcesOf(template, 'AWS::Cognito::UserPoolClient'));
    expect((stack.resolve(identity.audience) as unknown[]).map(referencedId).sort()).toEqual(clientIds.sort());
  });

  it('leaves no cdk-nag AwsSolutions finding unacknowledged (a finding fails the synth)', () => {
    // Prepare: MFA required, so only the feature-plan finding is acknowledged.
    const optional = synthesize({}, mkdtempSync(join(tmpdir(), 'identity-nag-')));
    const required = synthesize({ mfa: 'required' }, mkdtempSync(join(tmpdir(), 'identity-nag-')));
    for (const { app } of [optional, required]) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    // Act / Assess
    expect(() => optional.app.synth()).not.toThrow();
    expect(() => required.app.synth()).not.toThrow();
    required.template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON' });
  });
});
