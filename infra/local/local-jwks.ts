// The local identity provider's RS256 key: kept in a gitignored file so `npm start` and `npm run token` share it.
import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JSONWebKeySet,
  type JWK,
} from 'jose';
import * as z from 'zod';

/** The only algorithm family API Gateway's HTTP API JWT authorizer verifies (RSA), so the only one local mode signs. */
export const LOCAL_SIGNING_ALG = 'RS256';

/** A signing key and the public half the local JWKS serves. */
export interface LocalSigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** `.local/jwks-private.json` at the repository root, or LOCAL_JWKS_FILE. */
export const localKeyFile = (): string =>
  process.env.LOCAL_JWKS_FILE || join(import.meta.dirname, '..', '..', '.local', 'jwks-private.json');

const privateJwkSchema = z.looseObject({
  kty: z.literal('RSA'),
  kid: z.string().min(1),
  n: z.string().min(1),
  e: z.string().min(1),
  d: z.string().min(1),
});
const privateJwksSchema = z.object({ keys: z.array(privateJwkSchema).min(1) });

const publicJwkOf = (jwk: JWK & { kid: string }): JWK => ({
  kty: 'RSA',
  n: jwk.n,
  e: jwk.e,
  kid: jwk.kid,
  alg: LOCAL_SIGNING_ALG,
  use: 'sig',
});

const keyOf = async (jwk: JWK & { kid: string }): Promise<LocalSigningKey> => ({
  kid: jwk.kid,
  privateKey: (await importJWK({ ...jwk, alg: LOCAL_SIGNING_ALG }, LOCAL_SIGNING_ALG)) as CryptoKey,
  publicJwk: publicJwkOf(jwk),
});

/** A fresh RSA 2048 key; `kid` is its RFC 7638 thumbprint, so the same key always has the same id. */
export const generateLocalSigningKey = async (): Promise<{ key: LocalSigningKey; privateJwk: JWK }> => {
  const { privateKey } = await generateKeyPair(LOCAL_SIGNING_ALG, { modulusLength: 2048, extractable: true });
  const exported = await exportJWK(privateKey);
  const privateJwk = { ...exported, kid: await calculateJwkThumbprint(exported), alg: LOCAL_SIGNING_ALG, use: 'sig' };
  return { key: await keyOf(privateJwk), privateJwk };
};

const readKeyFile = async (file: string): Promise<LocalSigningKey> => {
  const parsed = privateJwksSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`${file} is not a private RSA JWKS (${problems}); delete it and a new key is generated`);
  }
  const [jwk] = parsed.data.keys as [JWK & { kid: string }];
  return keyOf(jwk);
};

/**
 * The key in `file`, created on first use. Created atomically (written aside, then hard-linked into place),
 * so a server and a token CLI starting together end up with the same key and never read a half-written file.
 */
export const loadLocalSigningKey = async (file: string = localKeyFile()): Promise<LocalSigningKey> => {
  try {
    return await readKeyFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { key, privateJwk } = await generateLocalSigningKey();
  await mkdir(dirname(file), { recursive: true });
  // Unique per call, not per process: concurrent first loads in one process must not share (and unlink) one file.
  const aside = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(aside, `${JSON.stringify({ keys: [privateJwk] }, null, 2)}\n`, { mode: 0o600 });
  try {
    await link(aside, file);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readKeyFile(file); // another process created it first: use theirs
  } finally {
    await unlink(aside);
  }
};

/** The public JWKS an identity provider serves at its `jwks_uri`. */
export const localJwks = (...keys: LocalSigningKey[]): JSONWebKeySet => ({ keys: keys.map((key) => key.publicJwk) });
