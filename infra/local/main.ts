// `npm start`: DynamoDB Local (in memory, or `--persist DIR`), the table, and the portal API on http://127.0.0.1:$PORT.
import './local-env.js';
import { parseArgs } from 'node:util';
import { localKeyFile } from './local-jwks.js';
import { signLocalToken } from './local-jwt.js';
import { startLocalServer } from './server.js';

const { values } = parseArgs({
  options: { persist: { type: 'string' }, 'rs256-only': { type: 'boolean', default: false } },
});
const port = Number(process.env.PORT ?? 3000);

// The server serves the key `npm run token` signs with, so tokens minted in another shell verify here.
const server = await startLocalServer({
  port,
  ...(values.persist ? { persistDir: values.persist } : {}),
  acceptHs256: !values['rs256-only'],
  log: (line) => console.log(line),
});

const token = await signLocalToken(
  { sub: 'u-1', org_id: 'p-1', party: 'partner', role: 'manager' },
  { key: server.signingKey },
);
console.log(`
casetasks local mode on ${server.url}  (table ${server.tableName}, DynamoDB Local ${server.dynamoEndpoint}${
  values.persist ? `, data in ${values.persist}` : ', in memory'
})

Try it (a partner manager of org p-1; more tokens: npm run token -- --party creditor --org c-1 --user u-2 --role owner):
  TOKEN=${token}
  curl -s -H "authorization: Bearer $TOKEN" ${server.url}/tasks
  curl -s ${server.url}/openapi.json     # and /asyncapi.json: the events

Tokens: RS256 (key ${localKeyFile()}, public keys at ${server.jwksUrl})${
  values['rs256-only'] ? '; HS256 refused (--rs256-only)' : '; HS256 with LOCAL_JWT_SECRET accepted too'
}.
If DynamoDB Local dies, calls answer 503 "unavailable" until it is restarted (automatically${
  values.persist ? '; the data is kept' : '; in memory, the data is lost'
}).
Ctrl-C stops the server and DynamoDB Local.
`);

let stopping = false;
const shutdown = () => {
  if (stopping) return;
  stopping = true;
  console.log('stopping…');
  server.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
// dynamodb-local's own signal hook also kills the Java child, whichever handler runs first.
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
