// The portal caller's identity as a token carries it: one schema for the local authorizer and the handler chain.
import * as z from 'zod';
import { entityIdSchema } from './ids.js';
import { partySchema } from './task.js';

export const portalRoleSchema = z.enum(['owner', 'manager', 'contributor']);
export type PortalRole = z.infer<typeof portalRoleSchema>;

/**
 * `sub` and `org_id` end up inside table keys (the org's task lists, the caller's idempotency keys): they
 * follow the id grammar, so a crafted `org_id` with the key separator can never name another org's key range.
 */
export const portalClaimsSchema = z.object({
  sub: entityIdSchema,
  org_id: entityIdSchema,
  party: partySchema,
  role: portalRoleSchema,
  /** The user's e-mail address (Cognito's `email` attribute): where notifications go once confirmed. */
  email: z.email().max(254).optional(),
});
export type PortalClaims = z.infer<typeof portalClaimsSchema>;

/** A bearer token longer than this is refused before its signature is checked. */
export const MAX_TOKEN_BYTES = 8 * 1024;
/** A token with more claims than this is refused (ours carry 8). */
export const MAX_TOKEN_CLAIMS = 32;
/** How far ahead of the service clock a token's `iat` and `nbf` may be (clock skew with the issuer). */
export const MAX_TOKEN_CLOCK_SKEW_SECONDS = 60;
