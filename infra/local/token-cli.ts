// `npm run token -- --party partner --org p-1 --user u-1 --role manager`: prints a local bearer token (RS256 by default).
import { parseArgs } from 'node:util';
import { portalClaimsSchema } from '@casetasks/core';
import { loadLocalSigningKey } from './local-jwks.js';
import { signLocalToken } from './local-jwt.js';

const usage =
  'usage: npm run token -- --party partner|creditor --org ORG_ID --user USER_ID [--role owner|manager|contributor] ' +
  '[--email x@y] [--expires 12h] [--alg RS256|HS256]';

const { values } = parseArgs({
  options: {
    party: { type: 'string', default: 'partner' },
    org: { type: 'string' },
    user: { type: 'string' },
    role: { type: 'string', default: 'manager' },
    email: { type: 'string' },
    expires: { type: 'string', default: '12h' },
    alg: { type: 'string', default: 'RS256' },
  },
});

const claims = portalClaimsSchema.safeParse({
  sub: values.user,
  org_id: values.org,
  party: values.party,
  role: values.role,
  ...(values.email !== undefined ? { email: values.email } : {}),
});
const flagOf: Record<string, string> = {
  sub: '--user',
  org_id: '--org',
  party: '--party',
  role: '--role',
  email: '--email',
};
const problems = claims.success
  ? []
  : claims.error.issues.map((issue) => `  ${flagOf[String(issue.path[0])]}: ${issue.message}`);
if (values.alg !== 'RS256' && values.alg !== 'HS256') problems.push(`  --alg: must be RS256 or HS256`);
if (!claims.success || problems.length > 0) {
  console.error(`${usage}\n${problems.join('\n')}`);
  process.exit(2);
}
// RS256 with the key `npm start` serves in its JWKS (.local/jwks-private.json, created on first use), as an
// identity provider signs; HS256 with LOCAL_JWT_SECRET is the local shortcut the deployed authorizer refuses.
const key = values.alg === 'RS256' ? await loadLocalSigningKey() : undefined;
console.log(await signLocalToken(claims.data, { expiresIn: values.expires, ...(key ? { key } : {}) }));
