// Optional example issuer: a Cognito user pool whose tokens carry the portal claims (docs/identity.md).
import { portalClaimAttributes } from '@casetasks/app/identity';
import { type Party, partySchema, portalRoleSchema } from '@casetasks/core';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ServiceFunction } from './service-function.js';

export interface PortalClientProps {
  /** OAuth redirect URLs of the portal (managed login, code grant + PKCE); absent = SRP sign-in only. */
  callbackUrls?: string[];
  logoutUrls?: string[];
}

export interface PortalIdentityProps {
  /**
   * Prefix of the pool's and the clients' names, e.g. `casetasks-prod` (one pool per stage); also the trigger's
   * Powertools service name, as the stage's `names.service` (infra/stacks/settings.ts) is for every function.
   */
  namePrefix: string;
  /**
   * The token the portals send as the bearer. `access` (default): the V2_0 trigger puts the claims in
   * the access token too, which needs the Essentials feature plan. `id`: the V1_0 trigger on the Lite
   * plan, claims in the ID token only.
   */
  tokenUse?: 'access' | 'id';
  /** `optional` (default): users may enrol a TOTP app; `required`: every sign-in asks for it. */
  mfa?: 'optional' | 'required';
  /** Per portal: the partner portal and the creditor portal each get their own app client. */
  portals?: Partial<Record<Party, PortalClientProps>>;
}

/** `custom:org_id` → `org_id`: the attribute names are declared once, in the use case that reads them. */
const customName = (attribute: string) => attribute.replace(/^custom:/, '');
const lengthsOf = (values: readonly string[]) => ({
  minLen: Math.min(...values.map((value) => value.length)),
  maxLen: Math.max(...values.map((value) => value.length)),
});

export class PortalIdentity extends Construct {
  /** The JWT authorizer's issuer: `https://cognito-idp.<region>.amazonaws.com/<pool id>`. */
  readonly issuer: string;
  /** The JWT authorizer's audience: the portals' app client ids (`aud` of ID tokens, `client_id` of access tokens). */
  readonly audience: string[];
  readonly userPool: UserPool;
  readonly clients: Readonly<Record<Party, UserPoolClient>>;
  /** The pre-token-generation trigger: the service stack alarms on its errors (Alarms' `functionsOfOtherStacks`). */
  readonly trigger: ServiceFunction;

  constructor(scope: Construct, id: string, props: PortalIdentityProps) {
    super(scope, id);
    const accessTokens = (props.tokenUse ?? 'access') === 'access';
    const mfaRequired = props.mfa === 'required';

    this.userPool = new UserPool(this, 'Users', {
      userPoolName: `${props.namePrefix}-portal-users`,
      featurePlan: accessTokens ? FeaturePlan.ESSENTIALS : FeaturePlan.LITE,
      // Users are invited by an administrator, who sets their org, party and role.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: {
        // A user belongs to one org of one party for life: moving is a new user, never a rewritten claim.
        [customName(portalClaimAttributes.org_id)]: new StringAttribute({ minLen: 1, maxLen: 128, mutable: false }),
        [customName(portalClaimAttributes.party)]: new StringAttribute({
          ...lengthsOf(partySchema.options),
          mutable: false,
        }),
        [customName(portalClaimAttributes.role)]: new StringAttribute({
          ...lengthsOf(portalRoleSchema.options),
          mutable: true,
        }),
      },
      mfa: mfaRequired ? Mfa.REQUIRED : Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.trigger = new ServiceFunction(this, 'PreTokenGeneration', {
      entry: 'functions/identity/pre-token-generation.ts',
      description: 'casetasks identity: adds org_id, party and role to portal tokens',
      // Cognito waits 5 s for a trigger; the function has no table or network work.
      timeout: Duration.seconds(5),
      memorySize: 256,
      environment: { POWERTOOLS_SERVICE_NAME: props.namePrefix },
    });
    this.userPool.addTrigger(
      UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      this.trigger.fn,
      accessTokens ? LambdaVersion.V2_0 : LambdaVersion.V1_0,
    );

    const claimAttributes = [portalClaimAttributes.org_id, portalClaimAttributes.party, portalClaimAttributes.role];
    // Clients read the claim attributes but never write them: only administrators (AdminUpdateUserAttributes).
    const readAttributes = new ClientAttributes()
      .withStandardAttributes({ email: true, emailVerified: true, givenName: true, familyName: true })
      .withCustomAttributes(...claimAttributes.map(customName));
    const writeAttributes = new ClientAttributes().withStandardAttributes({ givenName: true, familyName: true });
    const client = (party: Party) => {
      const portal = props.portals?.[party];
      return this.userPool.addClient(`${party}-portal`, {
        userPoolClientName: `${props.namePrefix}-${party}-portal`,
        // Browser apps: public clients, no secret to leak.
        generateSecret: false,
        authFlows: { userSrp: true },
        ...(portal?.callbackUrls
          ? {
              oAuth: {
                flows: { authorizationCodeGrant: true },
                scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
                callbackUrls: portal.callbackUrls,
                ...(portal.logoutUrls ? { logoutUrls: portal.logoutUrls } : {}),
              },
            }
          : { disableOAuth: true }),
        preventUserExistenceErrors: true,
        enableTokenRevocation: true,
        accessTokenValidity: Duration.hours(1),
        idTokenValidity: Duration.hours(1),
        refreshTokenValidity: Duration.hours(12),
        readAttributes,
        writeAttributes,
      });
    };
    this.clients = { partner: client('partner'), creditor: client('creditor') };

    // The documented issuer format, spelled out rather than the ProviderURL attribute: it must equal `iss` exactly.
    const { region, urlSuffix } = Stack.of(this);
    this.issuer = `https://cognito-idp.${region}.${urlSuffix}/${this.userPool.userPoolId}`;
    this.audience = [this.clients.partner.userPoolClientId, this.clients.creditor.userPoolClientId];

    if (!mfaRequired) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG2',
        reason: 'MFA is optional by choice (TOTP offered to every user); PortalIdentity takes mfa: required.',
      });
    }
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'Essentials covers access-token customisation; Plus (threat protection) is a per-user cost each deployment decides on.',
    });
  }
}
