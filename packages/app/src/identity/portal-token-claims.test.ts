// The claims use case on realistic Cognito sign-in events: valid users, missing, invalid and oversized attributes.
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { PortalClaimsError, portalTokenClaims } from './portal-token-claims.js';

/** A V2_0 pre-token-generation event as Cognito sends it at sign-in (user attributes are all strings). */
const signIn = (attributes: Record<string, string>): PreTokenGenerationV2TriggerEvent => ({
  version: '2',
  triggerSource: 'TokenGeneration_Authentication',
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_AbCdEf123',
  userName: 'a1b2c3d4-5678-90ab-cdef-1234567890ab',
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: '1example23456789' },
  request: {
    userAttributes: {
      sub: 'a1b2c3d4-5678-90ab-cdef-1234567890ab',
      'cognito:user_status': 'CONFIRMED',
      email_verified: 'true',
      email: 'anna@partner.example',
      'custom:org_id': 'p-1042',
      'custom:party': 'partner',
      'custom:role': 'manager',
      ...attributes,
    },
    groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: undefined },
    scopes: ['openid', 'email', 'aws.cognito.signin.user.admin'],
  },
  response: { claimsAndScopeOverrideDetails: {} },
});
const without = (attribute: string) => {
  const event = signIn({});
  delete event.request.userAttributes[attribute];
  return event;
};

/** The refusal's attributes, or a failure if the claims were issued. */
const refusal = (event: PreTokenGenerationV2TriggerEvent) => {
  try {
    portalTokenClaims(event.request.userAttributes);
  } catch (error) {
    expect(error).toBeInstanceOf(PortalClaimsError);
    return error as PortalClaimsError;
  }
  throw new Error('claims were issued');
};

describe('portalTokenClaims', () => {
  it('maps the custom attributes of a valid user to org_id, party and role (sub stays Cognito’s)', () => {
    expect(portalTokenClaims(signIn({}).request.userAttributes)).toEqual({
      org_id: 'p-1042',
      party: 'partner',
      role: 'manager',
      email: 'anna@partner.example',
    });
    expect(
      portalTokenClaims(signIn({ 'custom:party': 'creditor', 'custom:role': 'owner' }).request.userAttributes),
    ).toMatchObject({ party: 'creditor', role: 'owner' });
  });

  it('leaves out an e-mail the API would refuse instead of failing the sign-in', () => {
    expect(portalTokenClaims(signIn({ email: 'not an address' }).request.userAttributes)).not.toHaveProperty('email');
  });

  it.each(['custom:org_id', 'custom:party', 'custom:role', 'sub'])('refuses a user without %s', (attribute) => {
    const error = refusal(without(attribute));
    expect(error.attributes).toEqual([{ attribute, message: 'is missing' }]);
    expect(error.message).toBe(`no portal token for this user: ${attribute} is missing`);
  });

  it.each([
    ['custom:party', 'admin'],
    ['custom:party', 'Partner'],
    ['custom:role', 'admin'],
    ['custom:role', 'owner '],
    ['custom:org_id', ''],
    ['custom:org_id', 'p-1#2030-01-01'],
    ['custom:org_id', 'p 1'],
  ])('refuses %s = %j, naming the attribute', (attribute, value) => {
    const error = refusal(signIn({ [attribute]: value }));
    expect(error.attributes.map((refused) => refused.attribute)).toEqual([attribute]);
    expect(error.message).toContain(attribute);
    expect(error.retryable).toBe(false);
  });

  it('refuses oversized ids (the id grammar: at most 128 characters) without echoing them', () => {
    const long = `p${'x'.repeat(128)}`; // 129 characters
    const error = refusal(signIn({ 'custom:org_id': long, sub: 'u'.repeat(10_000) }));
    expect(error.attributes.map((refused) => refused.attribute).sort()).toEqual(['custom:org_id', 'sub']);
    expect(error.message).not.toContain('xxxx');
    expect(
      portalTokenClaims(signIn({ 'custom:org_id': long.slice(0, 128) }).request.userAttributes).org_id,
    ).toHaveLength(128);
  });

  it('names every bad attribute at once', () => {
    const error = refusal(signIn({ 'custom:party': 'bank', 'custom:role': '' }));
    expect(error.attributes.map((refused) => refused.attribute)).toEqual(['custom:party', 'custom:role']);
  });
});
