// The trigger's answer in both event versions Cognito sends: claims for the token(s), or a failed sign-in.
import type { PreTokenGenerationTriggerEvent, PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler } from './pre-token-generation.js';

const userAttributes = {
  sub: '5f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
  email: 'carl@creditor.example',
  'custom:org_id': 'c-7',
  'custom:party': 'creditor',
  'custom:role': 'contributor',
};
const base = {
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_AbCdEf123',
  userName: userAttributes.sub,
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: '1example23456789' },
};
const v1: PreTokenGenerationTriggerEvent = {
  ...base,
  version: '1',
  triggerSource: 'TokenGeneration_Authentication',
  request: { userAttributes, groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [] } },
  response: { claimsOverrideDetails: {} },
};
const v2: PreTokenGenerationV2TriggerEvent = {
  ...base,
  version: '2',
  triggerSource: 'TokenGeneration_RefreshTokens',
  request: { userAttributes, groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [] }, scopes: [] },
  response: { claimsAndScopeOverrideDetails: {} },
};
// The address goes in too (e-mail notifications take it from the token; an invalid one is left out: app test).
const claims = { org_id: 'c-7', party: 'creditor', role: 'contributor', email: 'carl@creditor.example' };

describe('pre-token-generation trigger', () => {
  it('V1_0: adds the claims to the ID token', async () => {
    expect((await handler(v1)).response).toEqual({ claimsOverrideDetails: { claimsToAddOrOverride: claims } });
  });

  it('V2_0: adds the claims to the ID and the access token (sign-in and refresh alike)', async () => {
    expect((await handler(v2)).response).toEqual({
      claimsAndScopeOverrideDetails: {
        idTokenGeneration: { claimsToAddOrOverride: claims },
        accessTokenGeneration: { claimsToAddOrOverride: claims },
      },
    });
  });

  it('fails the sign-in when an attribute is missing or invalid, naming it', async () => {
    const { 'custom:role': _role, ...noRole } = userAttributes;
    await expect(handler({ ...v2, request: { ...v2.request, userAttributes: noRole } })).rejects.toThrow(
      'no portal token for this user: custom:role is missing',
    );
    const badParty = { ...userAttributes, 'custom:party': 'debtor' };
    await expect(handler({ ...v1, request: { ...v1.request, userAttributes: badParty } })).rejects.toThrow(
      /custom:party/,
    );
  });
});
