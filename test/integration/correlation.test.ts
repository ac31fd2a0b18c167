// One correlation id from the request (or the triggering event) through the logs, the outbox item and the outgoing event.
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { relayOutbox } from '@casetasks/app/outbox';
import { logger } from '@casetasks/app/runtime';
import type { FollowUpState } from '@casetasks/app/workflow';
import { listOutboxSince, type OutboxEntry } from '@casetasks/db';
import { publishedDetailSchema } from '@casetasks/events';
import type { DynamoDBRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { ulid } from 'ulid';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as caseEvents } from '../../functions/events/case-events.js';
import { handler as monthlySurveys } from '../../functions/scheduled/monthly-surveys.js';
import { handler as createFollowUpStep } from '../../functions/workflow/create-follow-up-task.js';
import { handler as reminderStep } from '../../functions/workflow/send-follow-up-reminder.js';
import { localLambdaContext } from '../../infra/local/api-gateway.js';
import { type ApiHarness, type Caller, json, startApi } from './api-client.js';

const manager: Caller = { party: 'partner', org: 'p-corr', user: 'u-1', role: 'manager' };
const eventBridge = mockClient(EventBridgeClient);

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('correlation');
});
afterAll(async () => {
  eventBridge.restore();
  await api.stop();
});
afterEach(() => {
  vi.restoreAllMocks();
  logger.setLogLevel('SILENT');
  eventBridge.reset();
});

type LogLine = Record<string, unknown>;

/** Every line the Powertools logger writes from now on (the tests run with POWERTOOLS_DEV: it writes through `console`). */
const captureLogs = (): LogLine[] => {
  const lines: LogLine[] = [];
  // Only the logger's JSON lines: Metrics warns in plain text that nothing was published.
  const record = (text: unknown) => {
    if (String(text).startsWith('{')) lines.push(JSON.parse(String(text)) as LogLine);
  };
  for (const method of ['debug', 'info', 'warn', 'error'] as const)
    vi.spyOn(console, method).mockImplementation(record);
  // Each invocation would reset the level to the initial one (SILENT in tests, test/support/quiet-logs.ts).
  vi.spyOn(logger, 'refreshSampleRateCalculation').mockImplementation(() => undefined);
  logger.setLogLevel('DEBUG');
  return lines;
};

const createTask = (headers: Record<string, string> = {}) =>
  api.call('POST', '/tasks', { as: manager, headers, body: { title: 'Call back', dueInBusinessDays: 3 } });

/** The outbox entry of one detail-type about one task, as stored. */
const outboxEntryOf = async (detailType: string, taskId: unknown): Promise<OutboxEntry | undefined> =>
  (await listOutboxSince(api.db)).find(
    (entry) => entry.detailType === detailType && (entry.detail.task as { id?: unknown } | undefined)?.id === taskId,
  );

/** The stream record the table's stream hands the relay for a stored outbox item. */
const streamRecordOf = async (outboxId: string): Promise<DynamoDBRecord> => {
  const { Items } = await api.db.client.send(
    new ScanCommand({
      TableName: api.db.tableName,
      FilterExpression: 'id = :id',
      ExpressionAttributeValues: { ':id': outboxId },
    }),
  );
  const [item] = Items ?? [];
  if (!item) throw new Error(`no outbox item ${outboxId}`);
  return { eventName: 'INSERT', dynamodb: { NewImage: marshall(item) as never, SequenceNumber: '1' } };
};

describe('correlation id of a portal request', () => {
  it('comes from x-correlation-id, is echoed, stored with the outbox item, published and logged', async () => {
    // Prepare
    const logs = captureLogs();
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'bus-1' }] });
    const headers = { 'x-correlation-id': 'portal-req-42' };
    // Act
    const created = await createTask(headers);
    const refused = await api.call('GET', `/tasks/${ulid()}`, { as: manager, headers });
    const task = json(created);
    const entry = await outboxEntryOf('Task Created', task.id);
    await relayOutbox({ Records: [await streamRecordOf(String(entry?.id))] });
    // Assess
    expect(created.status).toBe(201);
    expect(created.headers.get('x-correlation-id')).toBe('portal-req-42');
    expect(refused.status).toBe(404);
    expect(refused.headers.get('x-correlation-id')).toBe('portal-req-42');
    expect(entry?.correlationId).toBe('portal-req-42');
    const sent = eventBridge.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries?.[0];
    expect(sent?.DetailType).toBe('Task Created');
    const published = publishedDetailSchema('Task Created').parse(JSON.parse(sent?.Detail ?? '{}'));
    expect(published).toMatchObject({ task: { id: task.id }, eventId: entry?.id, correlationId: 'portal-req-42' });
    expect(logs.find((line) => line.message === 'request refused')).toMatchObject({
      correlation_id: 'portal-req-42',
      statusCode: 404,
    });
    expect(logs.find((line) => line.message === 'outbox entry published')).toMatchObject({
      correlation_id: 'portal-req-42',
      outboxId: entry?.id,
    });
  });

  it.each([
    ['a space and markup', 'req 42 <b>'],
    ['a comma (a repeated header, joined)', 'req-1,req-2'],
    ['129 characters', 'r'.repeat(129)],
    ['a leading dash', '-req'],
  ])('replaces a header with %s by the API Gateway request id: never echoed, never a 400', async (_, value) => {
    // Act
    const response = await createTask({ 'x-correlation-id': value });
    // Assess
    expect(response.status).toBe(201);
    const used = response.headers.get('x-correlation-id');
    expect(used).toMatch(/^[0-9A-Z]{26}$/); // the local API Gateway's request id is a ULID
    expect((await outboxEntryOf('Task Created', json(response).id))?.correlationId).toBe(used);
  });

  it('is the API Gateway request id when the caller sends none', async () => {
    const first = await createTask();
    const second = await createTask();
    const ids = [first, second].map((response) => response.headers.get('x-correlation-id'));
    expect(ids[0]).toMatch(/^[0-9A-Z]{26}$/);
    expect(ids[1]).not.toBe(ids[0]);
  });
});

describe('correlation id of an event-triggered change', () => {
  it('is the EventBridge event id: on the log lines and the outbox item of the task it opened', async () => {
    // Prepare
    const logs = captureLogs();
    const eventId = `evt-${ulid()}`;
    const caseId = `c-${ulid()}`;
    const event = {
      id: eventId,
      source: 'platform',
      'detail-type': 'Case Submitted',
      time: new Date().toISOString(),
      detail: {
        caseId,
        creditorOrgId: 'cr-corr',
        partnerOrgId: 'p-corr',
        hasBankAccount: true,
        contractSigned: true,
        requiresQuote: false,
      },
    };
    // Act
    await caseEvents(event, localLambdaContext('case-events', 'lambda-request-1'));
    // Assess
    const opened = (await listOutboxSince(api.db)).find(
      (entry) => entry.detailType === 'Task Created' && (entry.detail.task as { caseId?: string }).caseId === caseId,
    );
    expect(opened?.correlationId).toBe(eventId);
    const lines = logs.filter((line) => line.function_request_id === 'lambda-request-1');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.correlation_id === eventId)).toBe(true);
  });
});

describe('correlation id in local mode', () => {
  it('is each posted event’s own id for what POST /local/events applies, as deployed', async () => {
    // Prepare: two events in one call, each opening a task on its own case
    const submitted = (id: string, caseId: string) => ({
      id,
      source: 'platform',
      'detail-type': 'Case Submitted',
      detail: {
        caseId,
        creditorOrgId: 'cr-corr',
        partnerOrgId: 'p-corr',
        hasBankAccount: false,
        contractSigned: true,
        requiresQuote: false,
      },
    });
    const events = [submitted(`evt-${ulid()}`, `c-${ulid()}`), submitted(`evt-${ulid()}`, `c-${ulid()}`)];
    // Act
    const response = await api.call('POST', '/local/events', { body: events });
    // Assess: every task-created entry of a case carries the id of the event that opened it
    expect(response.status).toBe(200);
    const stored = await listOutboxSince(api.db);
    for (const event of events) {
      const opened = stored.filter(
        (entry) =>
          entry.detailType === 'Task Created' &&
          (entry.detail.task as { caseId?: string }).caseId === event.detail.caseId,
      );
      expect(opened.length).toBeGreaterThan(0);
      expect(opened.map((entry) => entry.correlationId)).toEqual(opened.map(() => event.id));
    }
  });
});

describe('correlation id of a scheduled run', () => {
  it("is the run's invocation id", async () => {
    const logs = captureLogs();
    await monthlySurveys({}, localLambdaContext('monthly-surveys', 'run-7'));
    expect(logs.find((line) => line.message === 'monthly-surveys finished')).toMatchObject({ correlation_id: 'run-7' });
  });
});

describe('correlation id of the paused-case follow-up', () => {
  const pause = () => ({
    caseId: `c-${ulid()}`,
    surveyId: `s-${ulid()}`,
    unblockingParty: 'partner',
    creditorOrgId: 'cr-corr',
    partnerOrgId: 'p-corr',
    pausedAt: new Date().toISOString(),
    eventId: `evt-${ulid()}`,
  });

  it('rides from the execution input through every step to their outgoing events', async () => {
    // Act
    const state = (await createFollowUpStep(
      { ...pause(), correlationId: 'evt-started-it' },
      localLambdaContext('create', 'l-1'),
    )) as FollowUpState;
    const after = (await reminderStep(
      { state, stage: 'approaching' },
      localLambdaContext('remind', 'l-2'),
    )) as FollowUpState;
    // Assess
    expect(state).toMatchObject({ open: true, correlationId: 'evt-started-it' });
    expect(after.correlationId).toBe('evt-started-it');
    expect((await outboxEntryOf('Task Created', state.taskId))?.correlationId).toBe('evt-started-it');
    expect((await outboxEntryOf('Task Deadline Approaching', state.taskId))?.correlationId).toBe('evt-started-it');
  });

  it('falls back to the starting event id when the input has no correlation id (the local starter)', async () => {
    const input = pause();
    const state = (await createFollowUpStep(input, localLambdaContext('create', 'l-3'))) as FollowUpState;
    expect(state.correlationId).toBe(input.eventId);
    expect((await outboxEntryOf('Task Created', state.taskId))?.correlationId).toBe(input.eventId);
  });
});
