// The events AWS hands a function, built from what its template says triggers it: a route the API has, a detail-type
// the rule matches, the schedule's own input, stream records the filter lets through, a state's Parameters.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { ulid } from 'ulid';
import { type DeployedFunction, LOCAL_ACCOUNT, LOCAL_REGION, type Trigger } from './cloud-assembly.js';

type TriggerOf<K extends Trigger['kind']> = Extract<Trigger, { kind: K }>;

const triggerOf = <K extends Trigger['kind']>(fn: DeployedFunction, kind: K): TriggerOf<K> => {
  const trigger = fn.triggers.find((candidate): candidate is TriggerOf<K> => candidate.kind === kind);
  if (!trigger) throw new Error(`${fn.name}: the template gives it no ${kind} trigger`);
  return trigger;
};

/**
 * Whether `value` matches an EventBridge / event-source-mapping filter pattern. Only the forms the
 * templates use are known (exact values in arrays, nested objects, array values); any other fails loudly.
 */
export const matchesPattern = (pattern: Record<string, unknown>, value: unknown): boolean =>
  Object.entries(pattern).every(([key, expected]) => {
    const actual = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    if (Array.isArray(expected)) {
      if (expected.some((option) => typeof option === 'object' && option !== null)) {
        throw new Error(`filter operator ${JSON.stringify(expected)} is not supported by the bundle tier`);
      }
      // An array in the event matches when any of its values does (SES tags are arrays).
      return Array.isArray(actual) ? actual.some((item) => expected.includes(item)) : expected.includes(actual);
    }
    if (typeof expected === 'object' && expected !== null) {
      return matchesPattern(expected as Record<string, unknown>, actual);
    }
    throw new Error(`pattern value ${JSON.stringify(expected)} of ${key} is not an array or object`);
  });

// ---- API Gateway HTTP API (payload 2.0) with the JWT authorizer's claims --------------------------------

export interface Caller {
  party: 'partner' | 'creditor';
  orgId: string;
  userId: string;
  role: 'owner' | 'manager' | 'contributor';
}

export interface ApiRequest {
  /** A route key of the function's API routes, e.g. `GET /tasks/{id}`. */
  routeKey: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The event API Gateway sends for one request on a route the template wires to this function. */
export const apiRequest = (fn: DeployedFunction, caller: Caller, request: ApiRequest) => {
  const { routeKeys } = triggerOf(fn, 'http');
  if (!routeKeys.includes(request.routeKey)) {
    throw new Error(`${fn.name} serves ${routeKeys.join(', ')}; not ${request.routeKey}`);
  }
  const [method = 'GET', template = '/'] = request.routeKey.split(' ');
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => request.pathParameters?.[name] ?? `{${name}}`);
  const rawQueryString = new URLSearchParams(request.query ?? {}).toString();
  const now = new Date();
  return {
    version: '2.0',
    routeKey: request.routeKey,
    rawPath: path,
    rawQueryString,
    headers: {
      authorization: 'Bearer verified-by-the-authorizer',
      'user-agent': 'bundle-tier',
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...request.headers,
    },
    ...(rawQueryString ? { queryStringParameters: request.query } : {}),
    ...(request.pathParameters ? { pathParameters: request.pathParameters } : {}),
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    isBase64Encoded: false,
    requestContext: {
      accountId: LOCAL_ACCOUNT,
      apiId: 'bundletier',
      domainName: 'bundletier.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'bundletier',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'bundle-tier' },
      requestId: `${ulid()}=`,
      routeKey: request.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      authorizer: {
        jwt: {
          claims: {
            iss: 'https://issuer.example/',
            aud: 'casetasks-portals',
            sub: caller.userId,
            org_id: caller.orgId,
            party: caller.party,
            role: caller.role,
          },
          scopes: null,
        },
      },
    },
  };
};

// ---- EventBridge: a platform event the function's rule matches ------------------------------------------

export const platformEvent = (
  fn: DeployedFunction,
  detailType: string,
  detail: Record<string, unknown>,
  options: { id?: string; time?: string } = {},
) => {
  const { pattern } = triggerOf(fn, 'event');
  const source = Array.isArray(pattern.source) ? String(pattern.source[0]) : 'platform';
  const event = {
    version: '0',
    id: options.id ?? ulid(),
    'detail-type': detailType,
    source,
    account: LOCAL_ACCOUNT,
    time: options.time ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: LOCAL_REGION,
    resources: [],
    detail,
  };
  if (!matchesPattern(pattern, event)) throw new Error(`${fn.name}'s rule does not match ${detailType}`);
  return event;
};

// ---- EventBridge Scheduler / scheduled rule: the target's own Input ------------------------------------

/** What the schedule delivers: the target's Input when the template sets one, else the scheduled event. */
export const scheduledInvocation = (fn: DeployedFunction): unknown => {
  const { input } = triggerOf(fn, 'schedule');
  if (input !== undefined) return input;
  return {
    version: '0',
    id: ulid(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: LOCAL_ACCOUNT,
    time: new Date().toISOString(),
    region: LOCAL_REGION,
    resources: [],
    detail: {},
  };
};

// ---- DynamoDB stream batch through the event source mapping's filter -------------------------------------

/** INSERT records of the given items, as the table's stream delivers them; each must pass the mapping's filter. */
export const streamBatch = (fn: DeployedFunction, items: Record<string, AttributeValue>[]) => {
  const { eventSourceArn, filters } = triggerOf(fn, 'stream');
  const Records = items.map((image, i) => ({
    eventID: ulid(),
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: LOCAL_REGION,
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
      Keys: { pk: image.pk, sk: image.sk },
      NewImage: image,
      SequenceNumber: String(1_000_000 + i),
      SizeBytes: JSON.stringify(image).length,
      StreamViewType: 'NEW_IMAGE',
    },
    eventSourceARN: eventSourceArn,
  }));
  for (const record of Records) {
    if (filters.length > 0 && !filters.some((filter) => matchesPattern(filter, record))) {
      throw new Error(`${fn.name}'s event source filter drops the record of ${JSON.stringify(record.dynamodb.Keys)}`);
    }
  }
  return { Records };
};

// ---- Step Functions: the Task state's Parameters applied to the state input ---------------------------------

const atPath = (input: unknown, path: string): unknown => {
  if (path === '$') return input;
  if (!path.startsWith('$.')) throw new Error(`JSONPath ${path} is not supported by the bundle tier`);
  return path
    .slice(2)
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], input);
};

const applyParameters = (template: unknown, input: unknown): unknown => {
  if (Array.isArray(template)) return template.map((item) => applyParameters(item, input));
  if (typeof template !== 'object' || template === null) return template;
  return Object.fromEntries(
    Object.entries(template).map(([key, value]) =>
      key.endsWith('.$') ? [key.slice(0, -2), atPath(input, String(value))] : [key, applyParameters(value, input)],
    ),
  );
};

/** The payload the state machine's Task state `stateName` hands this function for the state input `input`. */
export const stepPayload = (fn: DeployedFunction, stateName: string, input: unknown) => {
  const { states, definition } = triggerOf(fn, 'step');
  const state = definition.States[stateName];
  if (!state || !states.includes(stateName)) throw new Error(`${fn.name} is not the task of state ${stateName}`);
  const parameters = applyParameters(state.Parameters ?? { 'Payload.$': '$' }, input) as Record<string, unknown>;
  // lambda:invoke hands the function `Payload`; a plain function ARN as Resource hands it the parameters.
  return String(state.Resource).endsWith(':states:::lambda:invoke') ? parameters.Payload : parameters;
};

// ---- SQS: a batch of messages through the queue's event source mapping ------------------------------------

/** The records Lambda's SQS poller hands the function for these bodies (first receive each). */
export const queueBatch = (fn: DeployedFunction, bodies: string[]) => {
  const { eventSourceArn } = triggerOf(fn, 'stream');
  if (!eventSourceArn.startsWith('arn:aws:sqs:')) throw new Error(`${fn.name}'s event source is not a queue`);
  const sentAt = String(Date.now());
  return {
    Records: bodies.map((body) => ({
      messageId: ulid(),
      receiptHandle: `bundle-tier-${ulid()}`,
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: sentAt,
        SenderId: LOCAL_ACCOUNT,
        ApproximateFirstReceiveTimestamp: sentAt,
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: eventSourceArn,
      awsRegion: LOCAL_REGION,
    })),
  };
};
