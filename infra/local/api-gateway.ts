// A small API Gateway HTTP API (payload v2) emulator: route matching, JWT authorizer, the real v2 event, the real handler.
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { ulid } from 'ulid';
import { type HttpRoute, routeKey } from '../../functions/http/routes.js';
import { LocalTokenError, type LocalVerifier, verifyLocalToken } from './local-jwt.js';

export type HttpLambda = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

export interface MatchedRoute {
  route: HttpRoute;
  pathParameters: Record<string, string>;
}

const segments = (path: string) => path.split('/').filter((part) => part.length > 0);

/**
 * Like API Gateway: a literal segment beats a `{param}` (`/tasks/summary` before `/tasks/{id}`),
 * parameters are URL-decoded, and no match is a 404.
 */
export const matchRoute = (routes: readonly HttpRoute[], method: string, path: string): MatchedRoute | undefined => {
  const actual = segments(path);
  let best: (MatchedRoute & { literals: number }) | undefined;
  for (const route of routes) {
    if (route.method !== method) continue;
    const expected = segments(route.path);
    if (expected.length !== actual.length) continue;
    const pathParameters: Record<string, string> = {};
    let literals = 0;
    let matches = true;
    for (const [i, part] of expected.entries()) {
      const value = actual[i] ?? '';
      const param = /^\{(\w+)\}$/.exec(part)?.[1];
      if (param) {
        try {
          pathParameters[param] = decodeURIComponent(value);
        } catch {
          matches = false;
        }
      } else if (part === value) literals += 1;
      else matches = false;
      if (!matches) break;
    }
    if (matches && (!best || literals > best.literals)) best = { route, pathParameters, literals };
  }
  return best && { route: best.route, pathParameters: best.pathParameters };
};

const TEXT_TYPES = /json|text|xml|x-www-form-urlencoded/;

/** API Gateway joins repeated headers and query parameters with commas. */
const joined = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(',') : value);

export interface EmulatedRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: Buffer;
  sourceIp?: string;
}

/** The payload v2 event API Gateway would hand the function for this request. */
export const toApiGatewayEvent = (
  request: EmulatedRequest,
  matched: MatchedRoute,
  claims: Record<string, string> | undefined,
): APIGatewayProxyEventV2 => {
  const key = routeKey(matched.route);
  // Built with Object.fromEntries, never `obj[name] = …`: a header or parameter named `__proto__` must
  // stay an own key (as API Gateway passes it) instead of replacing the record's prototype.
  const headers: Record<string, string> = Object.fromEntries(
    Object.entries(request.headers).flatMap(([name, value]) => {
      const text = joined(value);
      return text === undefined ? [] : [[name.toLowerCase(), text]];
    }),
  );
  const query: Record<string, string> = Object.fromEntries(
    [...new Set(request.url.searchParams.keys())].map((name) => [
      name,
      request.url.searchParams.getAll(name).join(','),
    ]),
  );
  const textual = TEXT_TYPES.test(headers['content-type'] ?? 'application/json');
  const now = new Date();
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: key,
    rawPath: request.url.pathname,
    rawQueryString: request.url.search.replace(/^\?/, ''),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(Object.keys(matched.pathParameters).length > 0 ? { pathParameters: matched.pathParameters } : {}),
    ...(request.body.length > 0
      ? { body: textual ? request.body.toString('utf8') : request.body.toString('base64') }
      : {}),
    isBase64Encoded: request.body.length > 0 && !textual,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: request.url.host,
      domainPrefix: 'local',
      http: {
        method: request.method,
        path: request.url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: ulid(),
      routeKey: key,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
  };
  if (!claims) return event;
  // The shape the JWT authorizer adds (typed by @types/aws-lambda as APIGatewayProxyEventV2WithJWTAuthorizer).
  return Object.assign(event, {
    requestContext: {
      ...event.requestContext,
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: null } },
    },
  });
};

/** A Lambda context good enough for Powertools and Middy; its clock counts down from `timeoutMs` like Lambda's. */
export const localLambdaContext = (functionName: string, requestId: string, timeoutMs = 29_000): Context => {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};

export const gatewayResponse = (statusCode: number, message: string, headers: Record<string, string> = {}) => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ message }),
});

/** The JWT authorizer: a bearer token or a 401 exactly like API Gateway's (`{"message":"Unauthorized"}`). */
export const authorize = async (
  headers: IncomingMessage['headers'],
  verifier: LocalVerifier,
): Promise<{ claims: Record<string, string> } | { refused: string }> => {
  const header = joined(headers.authorization);
  const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) return { refused: 'no bearer token' };
  try {
    return { claims: await verifyLocalToken(token, verifier) };
  } catch (error) {
    return { refused: error instanceof LocalTokenError ? error.reason : 'invalid token' };
  }
};

export interface GatewayOptions {
  routes: readonly HttpRoute[];
  handlers: Record<HttpRoute['entry'], HttpLambda>;
  /** The keys the authorizer trusts: the local JWKS (RS256) and, unless turned off, the HS256 secret. */
  verifier: LocalVerifier;
  /** The emulated function timeout (ms); default 29 s, just inside API Gateway's 30 s. */
  functionTimeoutMs?: number;
  log?: (line: string) => void;
}

/** Serves one request through the route table: match → authorizer → v2 event → the entry's handler. */
export const invokeRoute = async (
  options: GatewayOptions,
  request: EmulatedRequest,
): Promise<APIGatewayProxyStructuredResultV2> => {
  const matched = matchRoute(options.routes, request.method, request.url.pathname);
  if (!matched) return gatewayResponse(404, 'Not Found');
  let claims: Record<string, string> | undefined;
  if (matched.route.auth) {
    const auth = await authorize(request.headers, options.verifier);
    if ('refused' in auth) {
      options.log?.(`401 ${request.method} ${request.url.pathname}: ${auth.refused}`);
      return gatewayResponse(401, 'Unauthorized', { 'www-authenticate': 'Bearer' });
    }
    claims = auth.claims;
  }
  const event = toApiGatewayEvent(request, matched, claims);
  const handler = options.handlers[matched.route.entry];
  try {
    const context = localLambdaContext(
      `casetasks-${matched.route.entry}`,
      event.requestContext.requestId,
      options.functionTimeoutMs,
    );
    return await handler(event, context);
  } catch (error) {
    // A handler that throws is a 500 from API Gateway ("Internal Server Error").
    options.log?.(`handler ${matched.route.entry} threw: ${String(error)}`);
    return gatewayResponse(500, 'Internal Server Error');
  }
};
