import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { marshall } from '@aws-sdk/util-dynamodb';
import { storedItems } from '@casetasks/db/testing';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { logger } from '../runtime/index.js';
import { relayOutbox } from './relay-outbox.js';

const eventBridge = mockClient(EventBridgeClient);
const now = new Date('2026-11-23T10:00:00.000Z');

const insert = (item: Record<string, unknown>, sequence: string): DynamoDBRecord => ({
  eventName: 'INSERT',
  dynamodb: { NewImage: marshall(item, { removeUndefinedValues: true }) as never, SequenceNumber: sequence },
});
const outboxRecord = (n: number) =>
  insert(storedItems.outbox({ detailType: 'Task Created', detail: { task: { id: `t-${n}` } } }, now), String(100 + n));
const streamOf = (records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });

beforeEach(() => {
  eventBridge.reset();
  process.env.EVENT_BUS_NAME = 'casetasks-test';
});
afterEach(() => {
  vi.restoreAllMocks();
  logger.setLogLevel('SILENT');
});

/** The logger's lines while `work` runs (tests run with POWERTOOLS_DEV, so it writes through `console`). */
const logLines = async (work: () => Promise<unknown>): Promise<Record<string, unknown>[]> => {
  const lines: Record<string, unknown>[] = [];
  const record = (text: unknown) => lines.push(JSON.parse(String(text)));
  for (const method of ['info', 'warn', 'error'] as const) vi.spyOn(console, method).mockImplementation(record);
  logger.setLogLevel('INFO');
  await work();
  return lines;
};

describe('outbox relay', () => {
  it('publishes outbox inserts in batches of 10 and ignores every other record', async () => {
    eventBridge.on(PutEventsCommand).callsFake((input) => ({
      FailedEntryCount: 0,
      Entries: input.Entries.map((_: unknown, i: number) => ({ EventId: `e-${i}` })),
    }));
    const records = [
      ...Array.from({ length: 12 }, (_, n) => outboxRecord(n)),
      insert({ pk: 'task#x', sk: 'task', kind: 'task' }, '999'),
      { eventName: 'REMOVE', dynamodb: { SequenceNumber: '1000' } } as DynamoDBRecord,
    ];
    const result = await relayOutbox(streamOf(records));
    expect(result.batchItemFailures).toEqual([]);
    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(calls.map((call) => call.args[0].input.Entries?.length)).toEqual([10, 2]);
    const first = calls[0]?.args[0].input.Entries?.[0];
    expect(first).toMatchObject({ Source: 'casetasks', DetailType: 'Task Created', EventBusName: 'casetasks-test' });
    expect(JSON.parse(first?.Detail ?? '{}')).toMatchObject({ task: { id: 't-0' } });
    expect(JSON.parse(first?.Detail ?? '{}').eventId).toMatch(/^[0-9A-Z]{26}$/);
  });

  it('puts the correlation id of each entry on its event and its log line', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'a' }, { EventId: 'b' }] });
    const detail = { task: { id: 't-1' } };
    const withId = insert(storedItems.outbox({ detailType: 'Task Created', detail }, now, 'req-42'), '1');
    const older = insert(storedItems.outbox({ detailType: 'Task Created', detail }, now, undefined), '2');
    // Act
    const lines = await logLines(() => relayOutbox(streamOf([withId, older])));
    // Assess
    const [first, second] = eventBridge.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries ?? [];
    expect(JSON.parse(first?.Detail ?? '{}')).toMatchObject({ task: { id: 't-1' }, correlationId: 'req-42' });
    expect(JSON.parse(second?.Detail ?? '{}')).not.toHaveProperty('correlationId');
    const published = lines.filter((line) => line.message === 'outbox entry published');
    expect(published.map((line) => line.correlation_id)).toEqual(['req-42', undefined]);
  });

  it('logs an entry it could not publish with its correlation id', async () => {
    eventBridge.on(PutEventsCommand).rejects(new Error('ServiceUnavailable'));
    const record = insert(storedItems.outbox({ detailType: 'Task Created', detail: {} }, now, 'evt-7'), '1');
    const lines = await logLines(() => relayOutbox(streamOf([record])));
    expect(lines.find((line) => line.message === 'outbox entry not published; the stream will retry')).toMatchObject({
      correlation_id: 'evt-7',
      detailType: 'Task Created',
    });
  });

  it('retries only the entries EventBridge rejected', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({
        FailedEntryCount: 1,
        Entries: [{ EventId: 'a' }, { ErrorCode: 'InternalFailure' }, { EventId: 'c' }],
      })
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'b' }] });
    const result = await relayOutbox(streamOf([0, 1, 2].map(outboxRecord)));
    expect(result.batchItemFailures).toEqual([]);
    const retried = eventBridge.commandCalls(PutEventsCommand)[1]?.args[0].input.Entries ?? [];
    expect(retried).toHaveLength(1);
    expect(JSON.parse(retried[0]?.Detail ?? '{}').task.id).toBe('t-1');
  });

  it('reports what is still unsent so the stream retries it: nothing is lost', async () => {
    eventBridge.on(PutEventsCommand).rejects(new Error('ServiceUnavailable'));
    const result = await relayOutbox(streamOf([0, 1].map(outboxRecord)));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '100' }, { itemIdentifier: '101' }]);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(3);
  });
});
