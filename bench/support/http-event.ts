// API Gateway v2 events as the JWT authorizer hands them to a handler, and a call that fails loudly on a non-2xx.
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { ulid } from 'ulid';

export interface BenchCaller {
  party: 'partner' | 'creditor';
  orgId: string;
  userId: string;
  role: 'owner' | 'manager' | 'contributor';
}

export interface BenchRequest {
  /** Route key, e.g. `POST /tasks/{id}/assign`. */
  routeKey: string;
  /** The concrete path, e.g. `/tasks/01…/assign`. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  pathParameters?: Record<string, string>;
}

const lambdaContext = (functionName: string) =>
  ({ functionName, awsRequestId: 'bench', getRemainingTimeInMillis: () => 30_000 }) as unknown as Context;

/** An API Gateway v2 event as the JWT authorizer hands it over (see test/integration/sla-http.test.ts). */
export const httpEvent = (caller: BenchCaller, request: BenchRequest): APIGatewayProxyEventV2 => {
  const query = request.query ?? {};
  const rawQueryString = new URLSearchParams(query).toString();
  const [method = 'GET'] = request.routeKey.split(' ');
  const now = new Date();
  return {
    version: '2.0',
    routeKey: request.routeKey,
    rawPath: request.path,
    rawQueryString,
    headers: {
      authorization: 'Bearer bench',
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(rawQueryString ? { queryStringParameters: query } : {}),
    ...(request.pathParameters ? { pathParameters: request.pathParameters } : {}),
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'bench',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method, path: request.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
      requestId: ulid(),
      routeKey: request.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      authorizer: {
        jwt: {
          claims: { sub: caller.userId, org_id: caller.orgId, party: caller.party, role: caller.role },
          scopes: [],
        },
      },
    },
  } as unknown as APIGatewayProxyEventV2;
};

type HttpLambda = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

/** Calls the handler and returns the body as sent (e.g. CSV); a non-2xx answer is a broken benchmark. */
export const callHttpText = async (
  handler: HttpLambda,
  caller: BenchCaller,
  request: BenchRequest,
): Promise<string> => {
  const response = (await handler(httpEvent(caller, request), lambdaContext('bench'))) as Exclude<
    APIGatewayProxyResultV2,
    string
  >;
  if ((response.statusCode ?? 500) >= 300) {
    throw new Error(`${request.routeKey} answered ${response.statusCode}: ${response.body}`);
  }
  return response.body ?? '';
};

/** Calls the handler and returns the parsed body; a non-2xx answer is a broken benchmark, not a data point. */
export const callHttp = async <T>(handler: HttpLambda, caller: BenchCaller, request: BenchRequest): Promise<T> =>
  JSON.parse((await callHttpText(handler, caller, request)) || '{}') as T;
