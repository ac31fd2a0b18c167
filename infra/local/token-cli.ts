// `npm run token -- --party partner --org p-1 --user u-1 --role manager`: prints a local bearer token.
import { parseArgs } from 'node:util';
import { portalClaimsSchema } from '@casetasks/core';
import { signLocalToken } from './local-jwt.js';

const usage =
  'usage: npm run token -- --party partner|creditor --org ORG_ID --user USER_ID [--role owner|manager|contributor] [--expires 12h]';

const { values } = parseArgs({
  options: {
    party: { type: 'string', default: 'partner' },
    org: { type: 'string' },
    user: { type: 'string' },
    role: { type: 'string', default: 'manager' },
    expires: { type: 'string', default: '12h' },
  },
});

const claims = portalClaimsSchema.safeParse({
  sub: values.user,
  org_id: values.org,
  party: values.party,
  role: values.role,
});
const flagOf: Record<string, string> = { sub: '--user', org_id: '--org', party: '--party', role: '--role' };
if (!claims.success) {
  const problems = claims.error.issues.map((issue) => `  ${flagOf[String(issue.path[0])]}: ${issue.message}`);
  console.error(`${usage}\n${problems.join('\n')}`);
  process.exit(2);
}
console.log(await signLocalToken(claims.data, { expiresIn: values.expires }));
