// Local mode as a library: DynamoDB Local + the table + the API Gateway emulator over the real handlers (main.ts and tests).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { handler as actionItems } from '../../../functions/http/action-items.js';
import { handler as listTasks } from '../../../functions/http/list-tasks.js';
import { handler as openapi } from '../../../functions/http/openapi.js';
import { type HttpRoute, httpRoutes } from '../../../functions/http/routes.js';
import { handler as settings } from '../../../functions/http/settings.js';
import { handler as sla } from '../../../functions/http/sla.js';
import { handler as taskActions } from '../../../functions/http/task-actions.js';
import { handler as taskDetail } from '../../../functions/http/task-detail.js';
import { resetClients, tasksDb } from '../../../functions/shared/clients.js';
import { resetConfig } from '../../../functions/shared/config.js';
import { setWorkflowStarter } from '../../../functions/shared/workflow.js';
import { gatewayResponse, type HttpLambda, invokeRoute } from './api-gateway.js';
import { type DynamoDbLocal, ensureTable, startDynamoDbLocal } from './dynamodb-local.js';
import { localJwtSecret } from './local-jwt.js';
import { LocalOutbox, serveLocalRoute } from './local-routes.js';
import { createLocalWorkflowStarter, type LocalWorkflowStarter } from './state-machine.js';

/** The very handlers the CDK stack deploys, one per entry of the route table. */
export const localHandlers: Record<HttpRoute['entry'], HttpLambda> = {
  'list-tasks': listTasks,
  'task-detail': taskDetail,
  'task-actions': taskActions,
  'action-items': actionItems,
  sla,
  settings,
  openapi,
};

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
  /** Run the paused-case state machine in-process (default true). */
  workflow?: boolean;
  log?: (line: string) => void;
}

export interface LocalServer {
  url: string;
  port: number;
  tableName: string;
  dynamoEndpoint: string;
  outbox: LocalOutbox;
  /** The in-process paused-case state machine, when it could be installed. */
  workflow?: LocalWorkflowStarter;
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

const installWorkflow = (log: (line: string) => void): LocalWorkflowStarter | undefined => {
  try {
    const starter = createLocalWorkflowStarter({ tickEveryMs: 1_000 });
    setWorkflowStarter(starter);
    return starter;
  } catch (error) {
    log(
      `warning: the paused-case state machine is not available locally (${String(error)}); pauses start no follow-up`,
    );
    return undefined;
  }
};

export const startLocalServer = async (options: LocalServerOptions = {}): Promise<LocalServer> => {
  const log = options.log ?? (() => undefined);
  const tableName = options.tableName ?? 'casetasks-local';
  const dynamo: DynamoDbLocal | undefined = options.dynamoEndpoint
    ? undefined
    : await startDynamoDbLocal(options.persistDir ? { persistDir: options.persistDir } : {});
  const dynamoEndpoint = options.dynamoEndpoint ?? dynamo?.endpoint ?? '';
  await ensureTable(dynamoEndpoint, tableName);

  // The handlers read their configuration from the environment, exactly as in Lambda.
  process.env.TABLE_NAME = tableName;
  process.env.DYNAMODB_ENDPOINT = dynamoEndpoint;
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  resetConfig();
  resetClients();

  const workflow = options.workflow === false ? undefined : installWorkflow(log);
  const outbox = new LocalOutbox(tasksDb);
  await outbox.sync();
  const gateway = { routes: httpRoutes, handlers: localHandlers, secret: options.jwtSecret ?? localJwtSecret(), log };

  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    const started = Date.now();
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
    const body = await readBody(request);
    let result: APIGatewayProxyStructuredResultV2;
    if (body === undefined) result = gatewayResponse(413, 'Request Entity Too Large');
    else {
      result =
        (await serveLocalRoute(method, url.pathname, body, outbox)) ??
        (await invokeRoute(gateway, {
          method,
          url,
          headers: request.headers,
          body,
          ...(request.socket.remoteAddress ? { sourceIp: request.socket.remoteAddress } : {}),
        }));
      // The deployed stream relay publishes what a write put in the outbox; locally we collect it here.
      if (method !== 'GET') await outbox.sync();
    }
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

  return {
    url: `http://${host}:${port}`,
    port,
    tableName,
    dynamoEndpoint,
    outbox,
    ...(workflow ? { workflow } : {}),
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      workflow?.close();
      if (workflow) setWorkflowStarter(undefined);
      resetClients();
      await dynamo?.stop();
    },
  };
};
