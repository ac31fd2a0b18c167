// The portal claims an identity provider adds to a user's tokens, from the user's attributes; no valid claims, no token.
import { type PortalClaims, portalClaimsSchema } from '@casetasks/core';

/**
 * Where each claim comes from in the user pool: Cognito's own `sub`, and custom attributes only an
 * administrator can write (infra/constructs/portal-identity.ts).
 */
export const portalClaimAttributes = {
  sub: 'sub',
  org_id: 'custom:org_id',
  party: 'custom:party',
  role: 'custom:role',
  email: 'email',
} as const satisfies Record<keyof PortalClaims, string>;

/** The claims the trigger adds; `sub` is the provider's own and cannot be overridden. */
export type AddedPortalClaims = Omit<PortalClaims, 'sub'>;

/**
 * The user's attributes cannot make valid portal claims: sign-in fails with this message (Cognito shows
 * it to the client), so the identity team sees which attribute to fix. Not retryable: the data is wrong.
 */
export class PortalClaimsError extends Error {
  readonly retryable = false;
  constructor(readonly attributes: { attribute: string; message: string }[]) {
    super(
      `no portal token for this user: ${attributes.map(({ attribute, message }) => `${attribute} ${message}`).join('; ')}`,
    );
    this.name = 'PortalClaimsError';
  }
}

/**
 * The `org_id`, `party` and `role` claims for a user, held to the same schema the authorizer and the
 * handler chain apply (core's portalClaimsSchema), `sub` included: a token the API would refuse with 401
 * is never issued, and the user learns why at sign-in instead of at the first API call.
 */
export const portalTokenClaims = (userAttributes: Readonly<Record<string, string | undefined>>): AddedPortalClaims => {
  const attributeOf = (Object.entries(portalClaimAttributes) as [keyof PortalClaims, string][]).filter(
    ([claim]) => claim !== 'email',
  );
  const parsed = portalClaimsSchema.safeParse(
    Object.fromEntries(attributeOf.map(([claim, attribute]) => [claim, userAttributes[attribute]])),
  );
  if (!parsed.success) {
    throw new PortalClaimsError(
      parsed.error.issues.map((issue) => {
        const claim = issue.path[0] as keyof PortalClaims;
        const value = userAttributes[portalClaimAttributes[claim]];
        return { attribute: portalClaimAttributes[claim], message: value === undefined ? 'is missing' : issue.message };
      }),
    );
  }
  const { org_id, party, role } = parsed.data;
  // The address is optional: one the API would refuse is left out (no e-mail) rather than failing the sign-in.
  const email = portalClaimsSchema.shape.email.safeParse(userAttributes[portalClaimAttributes.email]);
  return { org_id, party, role, ...(email.success && email.data ? { email: email.data } : {}) };
};
