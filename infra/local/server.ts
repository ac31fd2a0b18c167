// Local mode as a library: DynamoDB Local + the table + the API Gateway emulator over the real handlers (main.ts and tests).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  resetClients,
  resetConfig,
  setMailSender,
  setServiceClock,
  setWorkflowStarter,
  tasksDb,
} from '@casetasks/app/runtime';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createRemoteJWKSet } from 'jose';
import { type HttpEntry, httpRoutes, routeGroups } from '../../functions/http/routes.js';
import { jsonResponse } from '../../functions/middleware/http-response.js';
import { gatewayResponse, type HttpLambda, invokeRoute } from './api-gateway.js';
import { serveConsoleRoute } from './console-routes.js';
import { type DynamoDbLocal, ensureTable, startDynamoDbLocal } from './dynamodb-local.js';
import { LocalClock } from './local-clock.js';
import { LocalDelivery, type LocalDeliveryOptions } from './local-delivery.js';
import { type LocalSigningKey, loadLocalSigningKey, localJwks } from './local-jwks.js';
import { type LocalVerifier, localJwtSecret } from './local-jwt.js';
import { LocalMailbox, mailEventsRule, serveMailbox } from './local-mailbox.js';
import {
  defaultLocalEventLimits,
  JWKS_PATH,
  type LocalEventLimits,
  LocalOutbox,
  serveLocalRoute,
} from './local-routes.js';
import { LocalScheduler } from './local-scheduler.js';
import { serveWebhookReceiver } from './local-webhooks.js';
import { createLocalWorkflowStarter, type LocalWorkflowStarter } from './state-machine.js';

/** The very handlers the CDK stack deploys, one per group of the route registry. */
export const localHandlers = Object.fromEntries(routeGroups.map((group) => [group.entry, group.handler])) as Record<
  HttpEntry,
  HttpLambda
>;

export interface LocalServerOptions {
  /** 0 (default) = a free port. */
  port?: number;
  host?: string;
  /** Use an already running DynamoDB Local (tests) instead of starting one. */
  dynamoEndpoint?: string;
  /** Directory DynamoDB Local keeps its data in; absent = in memory. */
  persistDir?: string;
  tableName?: string;
  /** HS256 secret of local tokens; default LOCAL_JWT_SECRET or `local-dev-secret`. */
  jwtSecret?: string;
  /** Accept HS256 tokens besides RS256 ones (default true; the deployed authorizer takes RS256 only). */
  acceptHs256?: boolean;
  /**
   * The RS256 key whose public half the local JWKS serves; default the key file `npm run token` signs with
   * (`.local/jwks-private.json` or LOCAL_JWKS_FILE, created on first use).
   */
  signingKey?: LocalSigningKey;
  /** Run the paused-case state machine in-process (default true). */
  workflow?: boolean;
  /** Run the scheduled jobs on their schedules against the local clock (default true; tests run them by hand). */
  schedules?: boolean;
  /** The emulated Lambda timeout of the API's handlers (default 29 s; deployed: 10 s, see docs/local-mode.md). */
  functionTimeoutMs?: number;
  /** Bounds of one POST /local/events call. */
  eventLimits?: Partial<LocalEventLimits>;
  /**
   * Webhook delivery and mail rules for new outbox entries: attempts in flight (default 4) and the retry waits'
   * scale (default 1 = real time); `false` runs no rule (tests that drive the pipeline themselves).
   */
  delivery?: false | Pick<LocalDeliveryOptions, 'concurrency' | 'retryScale'>;
  /** First wait before restarting a DynamoDB Local that died (default 1 s). */
  restartDelayMs?: number;
  log?: (line: string) => void;
}

export interface LocalServer {
  url: string;
  port: number;
  tableName: string;
  dynamoEndpoint: string;
  /** The key RS256 tokens for this server are signed with, and the URL its public half is served at. */
  signingKey: LocalSigningKey;
  jwksUrl: string;
  /** The supervised DynamoDB Local this server started (absent with `dynamoEndpoint`). */
  dynamo?: DynamoDbLocal;
  outbox: LocalOutbox;
  /** Webhook deliveries of new outbox entries, the local receiver (`/local/webhook-receiver`) and the mailbox. */
  delivery: LocalDelivery;
  /** What would have been mailed (`GET /local/mailbox`): the MailSender while this server runs. */
  mailbox: LocalMailbox;
  /** The in-process paused-case state machine, when it could be installed. */
  workflow?: LocalWorkflowStarter;
  /** The service clock while this server runs (`/local/clock`) and the jobs' scheduler on it (`/local/jobs`). */
  clock: LocalClock;
  scheduler: LocalScheduler;
  stop(): Promise<void>;
}

/** API Gateway's payload limit for HTTP APIs. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

const readBody = async (request: IncomingMessage): Promise<Buffer | undefined> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
};

const send = (response: ServerResponse, result: APIGatewayProxyStructuredResultV2) => {
  const body = result.body === undefined ? '' : result.body;
  response.writeHead(result.statusCode ?? 200, result.headers as Record<string, string> | undefined);
  response.end(result.isBase64Encoded ? Buffer.from(body, 'base64') : body);
};

const installWorkflow = (log: (line: string) => void, clock: LocalClock): LocalWorkflowStarter | undefined => {
  try {
    const starter = createLocalWorkflowStarter({ tickEveryMs: 1_000, source: () => clock.now() });
    setWorkflowStarter(starter);
    return starter;
  } catch (error) {
    log(
      `warning: the paused-case state machine is not available locally (${String(error)}); pauses start no follow-up`,
    );
    return undefined;
  }
};

/** While DynamoDB Local is down, every call gets this rather than a bare 500. */
const dynamoUnavailable = (cause: string) =>
  jsonResponse(503, { error: { code: 'unavailable', message: `DynamoDB Local is not running: ${cause}` } });

/** The handlers read the endpoint from the environment, exactly as in Lambda; new clients pick it up. */
const pointHandlersAt = (endpoint: string, tableName: string) => {
  process.env.TABLE_NAME = tableName;
  process.env.DYNAMODB_ENDPOINT = endpoint;
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  resetConfig();
  resetClients();
};

export const startLocalServer = async (options: LocalServerOptions = {}): Promise<LocalServer> => {
  const log = options.log ?? (() => undefined);
  // First: a broken key file fails the start before DynamoDB Local is running.
  const signingKey = options.signingKey ?? (await loadLocalSigningKey());
  const tableName = options.tableName ?? 'casetasks-local';
  const dynamo: DynamoDbLocal | undefined = options.dynamoEndpoint
    ? undefined
    : await startDynamoDbLocal({
        ...(options.persistDir ? { persistDir: options.persistDir } : {}),
        supervise: {
          log,
          ...(options.restartDelayMs === undefined ? {} : { restartDelayMs: options.restartDelayMs }),
          // In memory, the restarted instance is empty: the table comes back, the data does not.
          onRestarted: async (endpoint) => {
            await ensureTable(endpoint, tableName);
            pointHandlersAt(endpoint, tableName);
          },
        },
      });
  const dynamoEndpoint = () => options.dynamoEndpoint ?? dynamo?.endpoint ?? '';
  await ensureTable(dynamoEndpoint(), tableName);

  pointHandlersAt(dynamoEndpoint(), tableName);

  // Business time follows the local clock from here on: deadlines, event times, jobs, workflows, mails.
  const clock = new LocalClock();
  setServiceClock(clock);
  const workflow = options.workflow === false ? undefined : installWorkflow(log, clock);
  const outbox = new LocalOutbox(tasksDb, log);
  await outbox.sync();
  // Entries already in the table at start count as published: only new ones are delivered (as deployed).
  const delivery = new LocalDelivery({ ...(options.delivery || {}), rules: [mailEventsRule], log });
  const mailbox = new LocalMailbox();
  setMailSender(mailbox);
  if (options.delivery !== false) outbox.onEmitted(delivery.emitted);
  // The RS256 key set is the JWKS URL, fetched like API Gateway fetches the issuer's; it needs the port (below).
  const verifier: LocalVerifier =
    options.acceptHs256 === false ? {} : { secret: options.jwtSecret ?? localJwtSecret() };
  const gateway = {
    routes: httpRoutes,
    handlers: localHandlers,
    verifier,
    ...(options.functionTimeoutMs === undefined ? {} : { functionTimeoutMs: options.functionTimeoutMs }),
    log,
  };
  const syncOutbox = () => outbox.syncAfterWrite();
  const scheduler = new LocalScheduler({
    now: () => clock.now(),
    beforeRun: async (at) => workflow?.advanceTo(at),
    afterRuns: syncOutbox,
    log,
  });
  if (options.schedules !== false) scheduler.start();
  const localRoutes = {
    outbox,
    eventLimits: { ...defaultLocalEventLimits, ...options.eventLimits },
    jwks: localJwks(signingKey),
    clock: { clock, scheduler, syncOutbox, ...(workflow ? { workflow } : {}) },
  };

  /** The handler's own answer; only a DynamoDB Local that is down (before or during the call) replaces it. */
  const answer = async (method: string, url: URL, request: IncomingMessage, body: Buffer) => {
    // The receiver stores nothing in the table: it answers even while DynamoDB Local is down.
    const received = serveWebhookReceiver(delivery.receiver, { method, url, headers: request.headers, body });
    if (received) return received;
    const mails = serveMailbox(mailbox, { method, url });
    if (mails) return mails;
    // The console's page, tokens and workflow list read no table: they answer while DynamoDB Local is down.
    const consoleAnswer = await serveConsoleRoute(method, url, { signingKey, ...(workflow ? { workflow } : {}) });
    if (consoleAnswer) return consoleAnswer;
    const down = dynamo?.downCause;
    if (down) return dynamoUnavailable(down);
    const local = await serveLocalRoute(method, url.pathname, body, localRoutes);
    if (local) return local;
    const result = await invokeRoute(gateway, {
      method,
      url,
      headers: request.headers,
      body,
      ...(request.socket.remoteAddress ? { sourceIp: request.socket.remoteAddress } : {}),
    });
    const diedMeanwhile = (result.statusCode ?? 200) >= 500 ? dynamo?.downCause : undefined;
    if (diedMeanwhile) return dynamoUnavailable(diedMeanwhile);
    // The deployed stream relay publishes what a write put in the outbox; locally we collect it here, best effort.
    if (method !== 'GET') await outbox.syncAfterWrite();
    return result;
  };

  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    const started = Date.now();
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
    const body = await readBody(request);
    const result: APIGatewayProxyStructuredResultV2 =
      body === undefined ? gatewayResponse(413, 'Request Entity Too Large') : await answer(method, url, request, body);
    send(response, result);
    log(`${method} ${url.pathname}${url.search} → ${result.statusCode} (${Date.now() - started} ms)`);
  };

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      log(`request failed: ${String(error)}`);
      if (!response.headersSent) send(response, gatewayResponse(500, 'Internal Server Error'));
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  const jwksUrl = `${url}${JWKS_PATH}`;
  verifier.jwks = createRemoteJWKSet(new URL(jwksUrl));
  // Links in mails (confirm, unsubscribe) point at this server unless PUBLIC_API_URL says otherwise.
  const ownPublicUrl = process.env.PUBLIC_API_URL === undefined;
  if (ownPublicUrl) {
    process.env.PUBLIC_API_URL = url;
    resetConfig();
  }

  return {
    url,
    port,
    tableName,
    signingKey,
    jwksUrl,
    get dynamoEndpoint() {
      return dynamoEndpoint();
    },
    ...(dynamo ? { dynamo } : {}),
    outbox,
    delivery,
    mailbox,
    ...(workflow ? { workflow } : {}),
    clock,
    scheduler,
    stop: async () => {
      scheduler.stop();
      // First: attempts in flight may be posting to this very server.
      await delivery.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      setMailSender(undefined);
      if (ownPublicUrl) delete process.env.PUBLIC_API_URL;
      workflow?.close();
      if (workflow) setWorkflowStarter(undefined);
      setServiceClock(undefined);
      resetClients();
      await dynamo?.stop();
    },
  };
};
