// Test harness for the portal API: the local server on a fresh table, tokens per caller, real HTTP calls, table snapshots.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { creationEntry, newTask, type Party, platformActor, type Task, type TaskType } from '@casetasks/core';
import { createDb, createTask, type Db } from '@casetasks/db';
import { ulid } from 'ulid';
import { localClientConfig } from '../../infra/local/dynamodb-local.js';
import { type PortalClaims, signLocalToken } from '../../infra/local/local-jwt.js';
import { type LocalServer, type LocalServerOptions, startLocalServer } from '../../infra/local/server.js';
import { endpoint } from '../support/table.js';

export interface Caller {
  party: Party;
  org: string;
  user: string;
  role: PortalClaims['role'];
  /** The optional `email` claim (issue 21). */
  email?: string;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
  /** The body as sent, for byte-for-byte comparisons. */
  bytes: Buffer;
}

export interface CallOptions {
  /** A caller (signed token), a raw Authorization header value, or none. */
  as?: Caller;
  authorization?: string;
  body?: unknown;
  /** Sent as is (malformed JSON tests). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ApiHarness {
  url: string;
  server: LocalServer;
  db: Db;
  call(method: string, path: string, options?: CallOptions): Promise<ApiResponse>;
  /** Every item of the table, sorted: "nothing written" compares two snapshots. */
  snapshot(): Promise<string>;
  /** Plants a task straight in the table (any type, party, org), as an event would. */
  plant(input: Partial<Task> & { type: TaskType; accessLevel: Party; orgId: string }): Promise<Task>;
  stop(): Promise<void>;
}

/** A caller of `org` in `role`, whose user id names the role (`u-owner`, …): one per role and org. */
export const roleCaller = (
  org: string,
  role: Caller['role'] = 'owner',
  party: Caller['party'] = 'partner',
): Caller => ({
  party,
  org,
  user: `u-${role}`,
  role,
});

export const token = (caller: Caller, options: Parameters<typeof signLocalToken>[1] = {}) =>
  signLocalToken(
    {
      sub: caller.user,
      org_id: caller.org,
      party: caller.party,
      role: caller.role,
      ...(caller.email ? { email: caller.email } : {}),
    },
    options,
  );

const DAY = 86_400_000;

/** One per test file: handlers read the table from the process environment, like Lambda. */
export const startApi = async (
  prefix: string,
  options: {
    workflow?: boolean;
    server?: Pick<LocalServerOptions, 'functionTimeoutMs' | 'eventLimits' | 'log' | 'delivery'>;
  } = {},
): Promise<ApiHarness> => {
  const tableName = `${prefix}-${ulid().toLowerCase()}`;
  const server = await startLocalServer({
    // Webhook and mail rules off unless asked for: these tests call the use cases themselves.
    delivery: false,
    ...options.server,
    dynamoEndpoint: endpoint(),
    tableName,
    workflow: options.workflow ?? false,
    // No background job runs inside a test: tests run jobs (or move the clock) themselves.
    schedules: false,
  });
  const db = createDb(tableName, localClientConfig(endpoint()));
  const tokens = new Map<string, string>();

  const call = async (method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.as) {
      const key = JSON.stringify(options.as);
      const signed = tokens.get(key) ?? (await token(options.as));
      tokens.set(key, signed);
      headers.authorization = `Bearer ${signed}`;
    }
    if (options.authorization !== undefined) headers.authorization = options.authorization;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${server.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const bytes = Buffer.from(await response.arrayBuffer());
    // Decoded as response.text() would (UTF-8, a leading BOM dropped).
    const text = new TextDecoder().decode(bytes);
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: keep the text for the assertion message.
    }
    return { status: response.status, headers: response.headers, body: parsed, bytes };
  };

  const snapshot = async (): Promise<string> => {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      // A test-only full read; the service itself never scans.
      const page = await db.client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey }));
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return JSON.stringify(items.map((item) => JSON.stringify(item)).sort());
  };

  const plant: ApiHarness['plant'] = async (input) => {
    const id = ulid();
    const createdAt = input.createdAt ?? new Date(Date.now() - DAY).toISOString();
    // Fields newTask does not take (creditorOrgId, details, extensions, ...) are planted as given.
    const { type: _t, accessLevel: _a, orgId: _o, scopeKey: _s, createdAt: _c, deadline: _d, ...extra } = input;
    const task: Task = {
      ...newTask({
        id,
        type: input.type,
        party: input.accessLevel,
        orgId: input.orgId,
        scopeKey: input.scopeKey ?? id,
        createdAt,
        deadline: input.deadline ?? new Date(Date.now() + 3 * DAY).toISOString(),
        ...(input.title === undefined ? {} : { title: input.title }),
        caseId: input.caseId ?? null,
        assigneeId: input.assigneeId ?? null,
      }),
      ...extra,
      ...(input.caseId === undefined ? {} : { caseId: input.caseId }),
    };
    await createTask(db, task, creationEntry(task, platformActor), { now: new Date(createdAt) });
    return task;
  };

  return {
    url: server.url,
    server,
    db,
    call,
    snapshot,
    plant,
    stop: async () => {
      await server.stop();
      db.client.destroy();
    },
  };
};

/** A narrowing accessor for JSON bodies in assertions. */
export const json = (response: ApiResponse): Record<string, unknown> => {
  if (typeof response.body !== 'object' || response.body === null) {
    throw new Error(`expected a JSON object, got ${response.status} ${String(response.body)}`);
  }
  return response.body as Record<string, unknown>;
};

/** The field names a 400 body lists. */
export const errorFields = (response: ApiResponse): string[] => {
  const error = json(response).error as { fields?: { field: string }[] } | undefined;
  return (error?.fields ?? []).map((field) => field.field);
};

/** Fills `{param}` placeholders of a route path. */
export const fillPath = (path: string, values: Record<string, string>): string =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? `missing-${name}`));
