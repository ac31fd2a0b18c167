// Local JWTs: HS256 tokens signed with LOCAL_JWT_SECRET, verified the way the deployed API Gateway JWT authorizer does.
import { errors, jwtVerify, SignJWT } from 'jose';
import * as z from 'zod';

export const DEFAULT_LOCAL_JWT_SECRET = 'local-dev-secret';
/** The issuer and audience the local authorizer requires (the deployed authorizer has its own). */
export const LOCAL_ISSUER = 'casetasks-local';
export const LOCAL_AUDIENCE = 'casetasks';

export const localJwtSecret = (): string => process.env.LOCAL_JWT_SECRET || DEFAULT_LOCAL_JWT_SECRET;

export const portalClaimsSchema = z.object({
  sub: z.string().min(1),
  org_id: z.string().min(1),
  party: z.enum(['partner', 'creditor']),
  role: z.enum(['owner', 'manager', 'contributor']),
});
export type PortalClaims = z.infer<typeof portalClaimsSchema>;

export interface SignOptions {
  secret?: string;
  /** jose time span or seconds, e.g. `12h`; default 12 hours. */
  expiresIn?: string | number;
  /** Epoch seconds of issue (tests make expired tokens with it). */
  issuedAt?: number;
}

const key = (secret: string) => new TextEncoder().encode(secret);

export const signLocalToken = (claims: PortalClaims, options: SignOptions = {}): Promise<string> => {
  const issuedAt = options.issuedAt ?? Math.floor(Date.now() / 1000);
  const expiresIn = options.expiresIn ?? '12h';
  return new SignJWT({ org_id: claims.org_id, party: claims.party, role: claims.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(typeof expiresIn === 'number' ? issuedAt + expiresIn : expiresIn)
    .sign(key(options.secret ?? localJwtSecret()));
};

/** Why a token was refused (logged locally; the response is a bare 401 like API Gateway's). */
export class LocalTokenError extends Error {
  readonly statusCode = 401;
  constructor(readonly reason: string) {
    super(`unauthorized: ${reason}`);
    this.name = 'LocalTokenError';
  }
}

/**
 * Verifies signature (HS256 only: `none` and other algorithms are refused), issuer, audience and
 * expiry; returns the claims as API Gateway passes them to Lambda (every value a string).
 */
export const verifyLocalToken = async (token: string, secret = localJwtSecret()): Promise<Record<string, string>> => {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      algorithms: ['HS256'],
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      requiredClaims: ['exp', 'sub'],
    });
    return Object.fromEntries(
      Object.entries(payload).map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)]),
    );
  } catch (error) {
    if (error instanceof errors.JOSEError) throw new LocalTokenError(error.code);
    throw new LocalTokenError('malformed token');
  }
};
