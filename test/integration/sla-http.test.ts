import { resetClients, resetConfig } from '@casetasks/app/runtime';
import {
  type CaseState,
  closeTask,
  creationEntry,
  newTask,
  platformActor,
  type Resolution,
  type Task,
  type TaskType,
} from '@casetasks/core';
import { createTask, saveChange } from '@casetasks/db';
import { plantItem, storedItems } from '@casetasks/db/testing';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler } from '../../functions/http/sla.js';
import { createTestTable, type TestTable } from '../support/table.js';

const now = new Date('2026-11-20T12:00:00.000Z');
const partnerOrg = 'p-sla';
let table: TestTable;

beforeAll(async () => {
  table = await createTestTable('sla-http');
  process.env.TABLE_NAME = table.tableName;
  resetConfig();
  resetClients();
  // Only Date is faked, so "now" is fixed for the handler while the SDK's timers stay real.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
});
afterAll(async () => {
  vi.useRealTimers();
  resetClients();
  await table.drop();
});

interface Claims {
  party: 'partner' | 'creditor';
  org_id: string;
}
/** An API Gateway v2 event as the JWT authorizer hands it to the function. */
const apiEvent = (path: string, claims: Claims, query: Record<string, string> = {}): APIGatewayProxyEventV2 => {
  const rawQueryString = new URLSearchParams(query).toString();
  return {
    version: '2.0',
    routeKey: `GET ${path}`,
    rawPath: path,
    rawQueryString,
    headers: { authorization: 'Bearer test' },
    ...(rawQueryString ? { queryStringParameters: query } : {}),
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: ulid(),
      routeKey: `GET ${path}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      authorizer: { jwt: { claims: { sub: 'u-1', role: 'manager', ...claims }, scopes: [] } },
    },
  } as APIGatewayProxyEventV2;
};

const lambdaContext = {
  functionName: 'sla',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:000000000000:function:sla',
  memoryLimitInMB: '256',
  awsRequestId: 'req-1',
  logGroupName: '/aws/lambda/sla',
  logStreamName: 'local',
  callbackWaitsForEmptyEventLoop: false,
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
} as Context;

const call = async (path: string, claims: Claims, query: Record<string, string> = {}) => {
  const result = (await handler(apiEvent(path, claims, query), lambdaContext)) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode, body: JSON.parse(String(result.body)) as Record<string, unknown> };
};
const partner: Claims = { party: 'partner', org_id: partnerOrg };
const namingField = (field: string) => ({
  error: { fields: expect.arrayContaining([expect.objectContaining({ field })]) },
});

const storeTask = async (type: TaskType, deadline: string, end?: { at: string; resolution?: Resolution }) => {
  const task: Task = newTask({
    id: ulid(),
    type,
    party: 'partner',
    orgId: partnerOrg,
    scopeKey: `case#${ulid()}`,
    caseId: `c-${ulid()}`,
    createdAt: '2026-10-28T09:00:00.000Z',
    deadline,
  });
  await createTask(table.db, task, creationEntry(task, platformActor));
  if (!end) return task;
  return saveChange(table.db, closeTask(task, end.resolution ?? 'auto', platformActor, end.at));
};

describe('GET /sla/score', () => {
  let onTime: Task;
  let threeDaysLate: Task;
  let openOverdue: Task;
  beforeAll(async () => {
    // Prepare: weight 3 on time, weight 2 three days late, weight 1 seven days late, weight 3 open 2 days
    // overdue, one open not yet due, and an ai-resolved and a cancelled task that must not count.
    onTime = await storeTask('review_new_case', '2026-11-05T10:00:00.000Z', { at: '2026-11-05T09:00:00.000Z' });
    threeDaysLate = await storeTask('new_message', '2026-11-05T10:00:00.000Z', { at: '2026-11-08T10:00:00.000Z' });
    await storeTask('update_case_status', '2026-11-06T10:00:00.000Z', { at: '2026-11-13T10:00:00.000Z' });
    openOverdue = await storeTask('provide_quote', '2026-11-18T12:00:00.000Z');
    await storeTask('review_new_case', '2026-11-25T12:00:00.000Z');
    await storeTask('new_message', '2026-11-07T10:00:00.000Z', { at: '2026-11-15T10:00:00.000Z', resolution: 'ai' });
    await storeTask('review_new_case', '2026-11-07T10:00:00.000Z', {
      at: '2026-11-15T10:00:00.000Z',
      resolution: 'cancelled',
    });
    await storeTask('review_new_case', '2026-10-31T10:00:00.000Z', { at: '2026-11-15T10:00:00.000Z' });
  });

  it('scores the period from the slaByOrg index, hand-computed', async () => {
    // Act
    const { status, body } = await call('/sla/score', partner, { from: '2026-11-01', to: '2026-12-01' });
    // Assess: 100 × (3×1 + 2×4/7 + 1×0 + 3×5/7) / 9
    expect(status).toBe(200);
    expect(body.score).toBeCloseTo((100 * (3 + (2 * 4) / 7 + 0 + (3 * 5) / 7)) / 9, 2);
    expect(body).toMatchObject({
      orgId: partnerOrg,
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      asOf: now.toISOString(),
      reason: null,
      counted: 4,
      totalWeight: 9,
      notYetDue: 1,
    });
    expect(body.lines).toBeUndefined();
    expect(body.breakdown).toContainEqual(
      expect.objectContaining({ type: 'provide_quote', count: 1, late: 1, openOverdue: 1 }),
    );
  });

  it('lines=true shows why: one line per counted task', async () => {
    const { body } = await call('/sla/score', partner, { from: '2026-11-01', to: '2026-12-01', lines: 'true' });
    const lines = body.lines as { taskId: string; points: number; latenessDays: number; completedAt: unknown }[];
    expect(lines).toHaveLength(4);
    expect(lines.find((line) => line.taskId === onTime.id)).toMatchObject({ points: 1, latenessDays: 0 });
    expect(lines.find((line) => line.taskId === threeDaysLate.id)).toMatchObject({ latenessDays: 3, weight: 2 });
    expect(lines.find((line) => line.taskId === openOverdue.id)).toMatchObject({ completedAt: null, latenessDays: 2 });
  });

  it('an org with no tasks: null score with a reason', async () => {
    const { status, body } = await call('/sla/score', { party: 'partner', org_id: 'p-empty' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ score: null, reason: 'no_tasks_in_period', counted: 0, breakdown: [] });
  });

  it('a reversed or too long period is a 400 naming `to`', async () => {
    const reversed = await call('/sla/score', partner, { from: '2026-11-10', to: '2026-11-01' });
    const tooLong = await call('/sla/score', partner, { from: '2025-01-01', to: '2026-06-01' });
    for (const answer of [reversed, tooLong]) {
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject(namingField('to'));
    }
  });

  it('a `from` that is not a date is a 400 naming `from`', async () => {
    const { status, body } = await call('/sla/score', partner, { from: 'last-month' });
    expect(status).toBe(400);
    expect(body).toMatchObject(namingField('from'));
  });

  it('a creditor is refused with 403', async () => {
    const { status, body } = await call('/sla/score', { party: 'creditor', org_id: partnerOrg });
    expect(status).toBe(403);
    expect(body).toMatchObject({ error: { code: 'forbidden' } });
  });
});

describe('GET /sla/cases', () => {
  const putCase = (state: CaseState) => plantItem(table.db, storedItems.caseState(state));
  const activeCase = (caseId: string, lastStatusUpdate?: CaseState['lastStatusUpdate']): CaseState => ({
    caseId,
    partnerOrgId: partnerOrg,
    status: 'active',
    statusAt: '2026-11-01T12:00:00.000Z',
    ...(lastStatusUpdate ? { lastStatusUpdate } : {}),
    version: 1,
  });

  beforeAll(async () => {
    // Prepare: red (contact attempted 10 days ago), yellow (investigating 12 days ago), green (payment
    // promised for the 25th), red (no update since activation 19 days ago), and a paused case not listed.
    await putCase(activeCase('c-red', { statusType: 'contact_attempted', at: '2026-11-10T12:00:00.000Z' }));
    await putCase(activeCase('c-yellow', { statusType: 'investigating', at: '2026-11-08T12:00:00.000Z' }));
    await putCase(
      activeCase('c-green', {
        statusType: 'payment_promised',
        at: '2026-11-12T12:00:00.000Z',
        promisedDate: '2026-11-25',
      }),
    );
    await putCase(activeCase('c-silent'));
    await putCase({ ...activeCase('c-paused'), status: 'paused' });
  });

  it('lists each active case with its alert and the org compliance figures', async () => {
    // Act
    const { status, body } = await call('/sla/cases', partner);
    // Assess
    expect(status).toBe(200);
    expect(body).toMatchObject({
      orgId: partnerOrg,
      activeCases: 4,
      complianceRate: 50,
      casesAtRisk: 1,
      overdueUpdates: 2,
    });
    const cases = body.cases as { caseId: string; alert: string; nextUpdateDue: string; daysRemaining: number }[];
    expect(cases.map((line) => [line.caseId, line.alert])).toEqual([
      ['c-silent', 'red'],
      ['c-red', 'red'],
      ['c-yellow', 'yellow'],
      ['c-green', 'green'],
    ]);
    expect(cases[1]).toMatchObject({ nextUpdateDue: '2026-11-17T12:00:00.000Z', daysRemaining: -3 });
    expect(cases[3]).toMatchObject({ nextUpdateDue: '2026-11-27T00:00:00.000Z', daysRemaining: 7 });
  });

  it('a partner org without active cases gets zeros and no rate', async () => {
    const { body } = await call('/sla/cases', { party: 'partner', org_id: 'p-none' });
    expect(body).toMatchObject({ activeCases: 0, complianceRate: null, casesAtRisk: 0, overdueUpdates: 0, cases: [] });
  });

  it('a creditor is refused with 403', async () => {
    const { status } = await call('/sla/cases', { party: 'creditor', org_id: partnerOrg });
    expect(status).toBe(403);
  });
});
