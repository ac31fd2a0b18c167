// Local JWTs: HS256 tokens signed with LOCAL_JWT_SECRET, verified the way the deployed API Gateway JWT authorizer does.
import {
  MAX_TOKEN_BYTES,
  MAX_TOKEN_CLAIMS,
  MAX_TOKEN_CLOCK_SKEW_SECONDS,
  type PortalClaims,
  portalClaimsSchema,
} from '@casetasks/core';
import { errors, jwtVerify, SignJWT } from 'jose';
import * as z from 'zod';

export const DEFAULT_LOCAL_JWT_SECRET = 'local-dev-secret';
/** The issuer and audience the local authorizer requires (the deployed authorizer has its own). */
export const LOCAL_ISSUER = 'casetasks-local';
export const LOCAL_AUDIENCE = 'casetasks';

export const localJwtSecret = (): string => process.env.LOCAL_JWT_SECRET || DEFAULT_LOCAL_JWT_SECRET;

/** The claims `signLocalToken` takes (the schema lives in @casetasks/core). */
export type { PortalClaims };

export interface SignOptions {
  secret?: string;
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
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt(issuedAt);
  if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
  if (expiresIn !== null) jwt.setExpirationTime(typeof expiresIn === 'number' ? issuedAt + expiresIn : expiresIn);
  return jwt.sign(key(options.secret ?? localJwtSecret()));
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
 * clock skew ahead), and strings for every other claim. Arrays, objects and other non-strings are refused
 * rather than flattened into a string a handler might read as an identity.
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
    .catchall(z.string());

const reasonOf = (error: z.ZodError) =>
  error.issues.map((issue) => `claim ${issue.path.join('.') || '(payload)'}: ${issue.message}`).join('; ');

/**
 * Verifies size, signature (HS256 only: `none` and other algorithms are refused), issuer, audience, expiry,
 * `nbf` and `iat` (with the clock skew) and the claims' grammar; returns the claims as API Gateway passes
 * them to Lambda (every value a string).
 */
export const verifyLocalToken = async (
  token: string,
  secret = localJwtSecret(),
  now: Date = new Date(),
): Promise<Record<string, string>> => {
  // Refused before any parsing or signature work: a token is small, a huge one is an attack.
  if (Buffer.byteLength(token, 'utf8') > MAX_TOKEN_BYTES) throw new LocalTokenError('token too large');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, key(secret), {
      algorithms: ['HS256'],
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      requiredClaims: ['exp', 'sub'],
      clockTolerance: MAX_TOKEN_CLOCK_SKEW_SECONDS,
      currentDate: now,
    }));
  } catch (error) {
    if (error instanceof errors.JOSEError) throw new LocalTokenError(error.code);
    throw new LocalTokenError('malformed token');
  }
  if (Object.keys(payload).length > MAX_TOKEN_CLAIMS) throw new LocalTokenError('too many claims');
  const claims = verifiedPayloadSchema(Math.floor(now.getTime() / 1000)).safeParse(payload);
  if (!claims.success) throw new LocalTokenError(reasonOf(claims.error));
  return Object.fromEntries(Object.entries(claims.data).map(([name, value]) => [name, String(value)]));
};
