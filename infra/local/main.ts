// `npm start`: DynamoDB Local (in memory, or `--persist DIR`), the table, and the portal API on http://127.0.0.1:$PORT.
import './local-env.js';
import { parseArgs } from 'node:util';
import { localKeyFile } from './local-jwks.js';
import { signLocalToken } from './local-jwt.js';
import { startLocalServer } from './server.js';

const { values } = parseArgs({
  options: {
    persist: { type: 'string' },
    'rs256-only': { type: 'boolean', default: false },
    'webhook-concurrency': { type: 'string' },
    'webhook-retry-scale': { type: 'string' },
  },
});
const port = Number(process.env.PORT ?? 3000);

/** A positive number from a flag, or undefined when it is absent; anything else stops the start. */
const positiveFlag = (name: string, raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got ${raw}`);
  return value;
};
const concurrency = positiveFlag('webhook-concurrency', values['webhook-concurrency']);
const retryScale = positiveFlag('webhook-retry-scale', values['webhook-retry-scale']);

// The server serves the key `npm run token` signs with, so tokens minted in another shell verify here.
const server = await startLocalServer({
  port,
  ...(values.persist ? { persistDir: values.persist } : {}),
  acceptHs256: !values['rs256-only'],
  delivery: {
    ...(concurrency === undefined ? {} : { concurrency: Math.ceil(concurrency) }),
    ...(retryScale === undefined ? {} : { retryScale }),
  },
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

Console: open ${server.url}/ in a browser (tasks, history, outbox, workflows, jobs, SLA; send events, move the clock).

Try it (a partner manager of org p-1; more tokens: npm run token -- --party creditor --org c-1 --user u-2 --role owner):
  TOKEN=${token}
  curl -s -H "authorization: Bearer $TOKEN" ${server.url}/tasks
  curl -s ${server.url}/openapi.json     # and /asyncapi.json: the events

Delivery: webhooks may target ${server.url}/local/webhook-receiver/<name> (read: GET /local/webhook-receiver);
mails land in GET ${server.url}/local/mailbox. See docs/local-mode.md, "Webhooks and e-mail".

Clock: real time until moved — curl -s -X POST -d '{"advance":"P3D"}' ${server.url}/local/clock (GET shows it);
the scheduled jobs run on their schedules against it: GET ${server.url}/local/jobs lists them and their runs.

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
