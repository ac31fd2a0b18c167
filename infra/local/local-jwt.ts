// Local JWTs: RS256 checked against the local JWKS like the deployed API Gateway authorizer, plus HS256 for tests.
import {
  MAX_TOKEN_BYTES,
  MAX_TOKEN_CLAIMS,
  MAX_TOKEN_CLOCK_SKEW_SECONDS,
  type PortalClaims,
  portalClaimsSchema,
} from '@casetasks/core';
import { errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify, SignJWT } from 'jose';
import * as z from 'zod';
import { LOCAL_SIGNING_ALG, type LocalSigningKey } from './local-jwks.js';

export const DEFAULT_LOCAL_JWT_SECRET = 'local-dev-secret';
/** The issuer and audience the local authorizer requires (the deployed authorizer has its own). */
export const LOCAL_ISSUER = 'casetasks-local';
export const LOCAL_AUDIENCE = 'casetasks';

export const localJwtSecret = (): string => process.env.LOCAL_JWT_SECRET || DEFAULT_LOCAL_JWT_SECRET;

/** The claims `signLocalToken` takes (the schema lives in @casetasks/core). */
export type { PortalClaims };

export interface SignOptions {
  /** HS256 secret; default LOCAL_JWT_SECRET or `local-dev-secret`. Ignored with `key`. */
  secret?: string;
  /** Sign RS256 with this key (its `kid` in the header), as an identity provider does, instead of HS256. */
  key?: LocalSigningKey;
  /** jose time span or seconds, e.g. `12h`; default 12 hours; null = no `exp` (tests of the authorizer). */
  expiresIn?: string | number | null;
  /** Epoch seconds of issue (tests make expired and future-dated tokens with it). */
  issuedAt?: number;
  /** Epoch seconds before which the token is not valid (`nbf`); default none. */
  notBefore?: number;
}

const key = (secret: string) => new TextEncoder().encode(secret);

/** Signs any payload as a local token, unchecked: the authorizer's tests sign claims it must refuse. */
export const signLocalPayload = (payload: Record<string, unknown>, options: SignOptions = {}): Promise<string> => {
  const issuedAt = options.issuedAt ?? Math.floor(Date.now() / 1000);
  const expiresIn = options.expiresIn === undefined ? '12h' : options.expiresIn;
  const jwt = new SignJWT(payload)
    .setProtectedHeader(
      options.key ? { alg: LOCAL_SIGNING_ALG, typ: 'JWT', kid: options.key.kid } : { alg: 'HS256', typ: 'JWT' },
    )
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt(issuedAt);
  if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
  if (expiresIn !== null) jwt.setExpirationTime(typeof expiresIn === 'number' ? issuedAt + expiresIn : expiresIn);
  return jwt.sign(options.key ? options.key.privateKey : key(options.secret ?? localJwtSecret()));
};

export const signLocalToken = (claims: PortalClaims, options: SignOptions = {}): Promise<string> =>
  signLocalPayload({ ...claims }, options);

/** Why a token was refused (logged locally; the response is a bare 401 like API Gateway's). */
export class LocalTokenError extends Error {
  readonly statusCode = 401;
  constructor(readonly reason: string) {
    super(`unauthorized: ${reason}`);
    this.name = 'LocalTokenError';
  }
}

/**
 * What a verified payload may hold: the portal claims in their grammar, numeric dates (`iat` at most the
 * clock skew ahead), and strings or finite numbers for every other claim (Cognito access tokens carry
 * `auth_time` and `version` as numbers; API Gateway passes them on as strings). Arrays, objects and
 * booleans are refused rather than flattened into a string a handler might read as an identity.
 */
const verifiedPayloadSchema = (nowSeconds: number) =>
  portalClaimsSchema
    .extend({
      iat: z
        .number()
        .int()
        .max(nowSeconds + MAX_TOKEN_CLOCK_SKEW_SECONDS, 'issued in the future')
        .optional(),
      nbf: z.number().int().optional(),
      exp: z.number().int(),
    })
    .catchall(z.union([z.string(), z.number()]));

const reasonOf = (error: z.ZodError) =>
  error.issues.map((issue) => `claim ${issue.path.join('.') || '(payload)'}: ${issue.message}`).join('; ');

/**
 * API Gateway's audience rule: `aud` must be in the audience list when the token has one (then `client_id` is
 * ignored); otherwise `client_id` must be, which is how Cognito access tokens (no `aud`) pass.
 */
const checkAudience = (payload: JWTPayload, audiences: readonly string[]): void => {
  const claim = payload.aud === undefined ? 'client_id' : 'aud';
  const value = payload[claim];
  if (value === undefined) throw new LocalTokenError('no aud or client_id');
  const values: unknown[] = Array.isArray(value) ? value : [value];
  if (!values.some((entry) => typeof entry === 'string' && audiences.includes(entry))) {
    throw new LocalTokenError(`${claim} not in the audience`);
  }
};

/** What the local authorizer trusts. A string is an HS256 secret alone (the unit tests' shorthand). */
export interface LocalVerifier {
  /** HS256 tokens signed with this secret are accepted (a local shortcut; never deployed). Absent = refused. */
  secret?: string;
  /** RS256 tokens are verified against this key set: the local JWKS URL through createRemoteJWKSet, as deployed. */
  jwks?: JWTVerifyGetKey;
}

/** Picks the key by the header's algorithm; each algorithm has exactly one source, so no key serves two. */
const keyResolver =
  ({ secret, jwks }: LocalVerifier): JWTVerifyGetKey =>
  (header, input) => {
    if (header.alg === 'HS256' && secret !== undefined) return key(secret);
    // API Gateway finds the signing key by `kid`; a token without one is refused there too.
    if (header.alg === LOCAL_SIGNING_ALG && jwks && header.kid) return jwks(header, input);
    throw new LocalTokenError(header.alg === LOCAL_SIGNING_ALG ? 'no kid' : `alg ${header.alg} not accepted`);
  };

/**
 * Verifies size, signature (RS256 against the JWKS and/or HS256 with the secret: `none` and every other
 * algorithm are refused), issuer, audience (`aud`, or `client_id` without one), expiry, `nbf` and `iat`
 * (with the clock skew) and the claims' grammar; returns the claims as API Gateway passes them to Lambda
 * (every value a string).
 */
export const verifyLocalToken = async (
  token: string,
  verifier: string | LocalVerifier = localJwtSecret(),
  now: Date = new Date(),
): Promise<Record<string, string>> => {
  // Refused before any parsing or signature work: a token is small, a huge one is an attack.
  if (Buffer.byteLength(token, 'utf8') > MAX_TOKEN_BYTES) throw new LocalTokenError('token too large');
  const trusted = typeof verifier === 'string' ? { secret: verifier } : verifier;
  const algorithms = [...(trusted.secret === undefined ? [] : ['HS256']), ...(trusted.jwks ? [LOCAL_SIGNING_ALG] : [])];
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, keyResolver(trusted), {
      algorithms,
      issuer: LOCAL_ISSUER,
      // No `audience` here: jose requires `aud`, API Gateway falls back to `client_id` (checkAudience).
      requiredClaims: ['exp', 'sub'],
      clockTolerance: MAX_TOKEN_CLOCK_SKEW_SECONDS,
      currentDate: now,
    }));
  } catch (error) {
    if (error instanceof LocalTokenError) throw error;
    if (error instanceof errors.JOSEError) throw new LocalTokenError(error.code);
    throw new LocalTokenError('malformed token');
  }
  checkAudience(payload, [LOCAL_AUDIENCE]);
  if (Object.keys(payload).length > MAX_TOKEN_CLAIMS) throw new LocalTokenError('too many claims');
  const claims = verifiedPayloadSchema(Math.floor(now.getTime() / 1000)).safeParse(payload);
  if (!claims.success) throw new LocalTokenError(reasonOf(claims.error));
  return Object.fromEntries(Object.entries(claims.data).map(([name, value]) => [name, String(value)]));
};
