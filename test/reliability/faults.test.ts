// Faults at every edge: Bedrock, EventBridge PutEvents, DynamoDB condition races, Step Functions; tasks and events are never lost.
import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandOutput,
  ServiceUnavailableException,
  ThrottlingException,
} from '@aws-sdk/client-bedrock-runtime';
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import {
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { type ChatJudge, createBedrockJudge, type DeadlineTimer, JudgeTimeoutError, VERDICT_TOOL } from '@casetasks/ai';
import { runChatCleanup } from '@casetasks/app/jobs';
import { relayOutbox } from '@casetasks/app/outbox';
import { type PausedCaseRef, resetClients, resetConfig, setWorkflowStarter } from '@casetasks/app/runtime';
import type { FollowUpStart } from '@casetasks/app/workflow';
import { sfnWorkflowStarter } from '@casetasks/app/workflow';
import {
  assignTask,
  closeTask,
  creationEntry,
  newTask,
  platformActor,
  postponeTask,
  type Task,
  userActor,
} from '@casetasks/core';
import {
  createTask,
  getTask,
  listHistory,
  listOutboxSince,
  outboxEntryOf,
  ScopeTakenError,
  saveChange,
  VersionConflictError,
} from '@casetasks/db';
import type { DynamoDBRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { ulid } from 'ulid';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLocalWorkflowStarter } from '../../infra/local/state-machine.js';
import { deps, NOW, seedChatTask } from '../integration/chat-cleanup-fixtures.js';
import { type EventsHarness, eventsHarness } from '../integration/events-helpers.js';
import { createTestTable, type TestTable } from '../support/table.js';

let h: EventsHarness;
beforeAll(async () => {
  h = await eventsHarness('rel-faults');
});
afterAll(async () => {
  setWorkflowStarter(undefined);
  await h.table.drop();
});

const DAY = 86_400_000;

describe('Bedrock faults during the chat cleanup: tasks stay open, nothing resolved', () => {
  const bedrock = mockClient(BedrockRuntimeClient);
  // A table per case: the night's checkpoint would otherwise mark the run done after the first case.
  let table: TestTable;
  beforeEach(async () => {
    table = await createTestTable('rel-bedrock');
  });
  afterEach(async () => {
    bedrock.reset();
    deadlines.length = 0;
    await table.drop();
  });
  afterAll(() => bedrock.restore());

  // Injected deadlines, no wall clock: a stalled CI machine cannot time out a call that answers, and the
  // timeout case expires as soon as the call starts (its mock never answers, so the order cannot matter).
  const TIMEOUT_MS = 50;
  const deadlines: number[] = [];
  const neverExpires: DeadlineTimer = (ms) => {
    deadlines.push(ms);
    return () => {};
  };
  const expiresAtOnce: DeadlineTimer = (ms, expire) => {
    deadlines.push(ms);
    queueMicrotask(expire);
    return () => {};
  };
  const judge = (deadlineTimer: DeadlineTimer = neverExpires) =>
    createBedrockJudge({
      client: new BedrockRuntimeClient({ region: 'eu-west-1', maxAttempts: 1 }),
      modelId: 'test-model',
      timeoutMs: TIMEOUT_MS,
      deadlineTimer,
      sleep: async () => {},
    });
  const toolAnswer = (input: unknown): ConverseCommandOutput => ({
    $metadata: {},
    stopReason: 'tool_use',
    output: {
      message: {
        role: 'assistant',
        content: [{ toolUse: { toolUseId: 't-1', name: VERDICT_TOOL, input: input as never } }],
      },
    },
    usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
    metrics: { latencyMs: 1 },
  });
  const throttle = () => new ThrottlingException({ message: 'slow down', $metadata: {} });

  const faults: [string, (mock: typeof bedrock) => void, DeadlineTimer?][] = [
    ['throttled on every attempt', (mock) => mock.on(ConverseCommand).rejects(throttle())],
    [
      'service unavailable',
      (mock) => mock.on(ConverseCommand).rejects(new ServiceUnavailableException({ message: 'down', $metadata: {} })),
    ],
    [
      'a call that never answers (timeout)',
      (mock) => mock.on(ConverseCommand).callsFake(() => new Promise(() => {})),
      expiresAtOnce,
    ],
    [
      'an answer without the tool call',
      (mock) =>
        mock.on(ConverseCommand).resolves({
          ...toolAnswer({}),
          stopReason: 'end_turn',
          output: { message: { role: 'assistant', content: [{ text: 'No reply needed.' }] } },
        }),
    ],
    [
      'a tool call with an unknown decision',
      (mock) => mock.on(ConverseCommand).resolves(toolAnswer({ decision: 'close_it', reason: 'x' })),
    ],
    [
      'a tool call with extra fields',
      (mock) =>
        mock.on(ConverseCommand).resolves(toolAnswer({ decision: 'no_reply_needed', reason: 'ok', resolveAll: true })),
    ],
    ['tool input that is not JSON', (mock) => mock.on(ConverseCommand).resolves(toolAnswer('{"decision": no_reply'))],
  ];

  it.each(faults)('%s → counted failed, every task open, no Task Completed', async (_name, arrange, timer) => {
    // Prepare
    arrange(bedrock);
    const orgId = `p-${ulid()}`;
    const tasks = await Promise.all(
      ['Thanks!', 'Noted, thank you', 'ok'].map((text) =>
        seedChatTask(table.db, { party: 'partner', texts: [text], orgId }),
      ),
    );
    const outboxBefore = (await listOutboxSince(table.db, '0')).length;
    // Act
    const bedrockJudge = judge(timer);
    const errors: unknown[] = [];
    const watched: ChatJudge = {
      ...bedrockJudge,
      judge: (input) =>
        bedrockJudge.judge(input).catch((error: unknown) => {
          errors.push(error);
          throw error;
        }),
    };
    const summary = await runChatCleanup({ now: NOW }, deps(table.db, watched));
    // Assess
    expect(summary.counts).toMatchObject({ resolved: 0 });
    expect(errors.length).toBeGreaterThanOrEqual(tasks.length);
    // The timeout case fails by its injected deadline and nothing else; the others never see a deadline expire.
    const timeouts = errors.filter((error) => error instanceof JudgeTimeoutError);
    expect(timeouts).toHaveLength(timer === expiresAtOnce ? errors.length : 0);
    const { evaluated = 0, failed = 0, kept = 0 } = summary.counts;
    expect(failed + kept).toBe(evaluated);
    expect(failed).toBeGreaterThanOrEqual(tasks.length);
    for (const task of tasks) expect((await getTask(table.db, task.id, true))?.status).toBe('open');
    const completed = (await listOutboxSince(table.db, '0'))
      .slice(outboxBefore)
      .filter((e) => e.detailType === 'Task Completed');
    expect(completed).toEqual([]);
  });

  it('a throttle that clears on retry still resolves: retries are bounded, not fatal', async () => {
    // Prepare
    bedrock
      .on(ConverseCommand)
      .rejectsOnce(throttle())
      .resolves(toolAnswer({ decision: 'no_reply_needed', reason: 'a plain thank-you' }));
    const task = await seedChatTask(table.db, { party: 'creditor', texts: ['Thanks!'], orgId: `c-${ulid()}` });
    // Act
    const summary = await runChatCleanup({ now: NOW }, deps(table.db, judge()));
    // Assess
    expect(summary.counts.failed).toBe(0);
    expect(deadlines).toEqual([TIMEOUT_MS, TIMEOUT_MS]);
    expect(await getTask(table.db, task.id, true)).toMatchObject({ status: 'completed', resolution: 'ai' });
    expect((await listHistory(table.db, task.id)).at(-1)).toMatchObject({
      action: 'ai_resolved',
      modelId: 'test-model',
    });
  });
});

describe('EventBridge PutEvents failures through the outbox relay: retried, none lost', () => {
  const eventBridge = mockClient(EventBridgeClient);
  beforeAll(() => {
    process.env.EVENT_BUS_NAME = 'casetasks-test';
    resetConfig();
    resetClients();
  });
  afterEach(() => eventBridge.reset());
  afterAll(() => eventBridge.restore());

  /** The stream's INSERT records of the real outbox items the repository wrote for `orgId`'s tasks (a test-only full read). */
  const outboxRecords = async (orgId: string): Promise<DynamoDBRecord[]> => {
    const { Items = [] } = await h.db.client.send(new ScanCommand({ TableName: h.table.tableName }));
    return Items.filter((item) => (outboxEntryOf(item)?.detail.task as Task | undefined)?.orgId === orgId)
      .sort((a, b) => String(a.sk).localeCompare(String(b.sk)))
      .map((item, i) => ({
        eventName: 'INSERT',
        dynamodb: {
          NewImage: marshall(item, { removeUndefinedValues: true }) as never,
          SequenceNumber: String(1000 + i),
        },
      }));
  };

  /** `count` real tasks of `orgId`; every third is closed too when `close` (its Task Completed joins the outbox). */
  const writeTasks = async (orgId: string, count: number, close = true): Promise<void> => {
    for (let i = 0; i < count; i++) {
      const task = newTask({
        id: ulid(),
        type: 'generic',
        party: 'partner',
        orgId,
        scopeKey: ulid(),
        createdAt: new Date().toISOString(),
        deadline: new Date(Date.now() + DAY).toISOString(),
        caseId: null,
        assigneeId: null,
      });
      await createTask(h.db, task, creationEntry(task, platformActor));
      if (close && i % 3 === 0)
        await saveChange(h.db, closeTask(task, 'auto', platformActor, new Date().toISOString()));
    }
  };

  it('a flaky bus (seeded: whole calls throw, single entries rejected) ends with every outbox entry published', async () => {
    // Prepare: real writes put Task Created / Task Completed in the outbox.
    const orgId = `p-relay-${ulid()}`;
    await writeTasks(orgId, 12);
    const records = await outboxRecords(orgId);
    const expected = new Set(
      (await listOutboxSince(h.db, '0'))
        .filter((entry) => (entry.detail.task as Task | undefined)?.orgId === orgId)
        .map((entry) => entry.id),
    );
    expect(expected.size).toBe(12 + 4);
    expect(records.length).toBe(expected.size);
    const [rolls = []] = fc.sample(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 500, maxLength: 500 }), {
      seed: 7,
      numRuns: 1,
    });
    let roll = 0;
    const next = () => rolls[roll++ % rolls.length] ?? 0;
    const published: string[] = [];
    eventBridge.on(PutEventsCommand).callsFake((input: { Entries: PutEventsRequestEntry[] }) => {
      if (next() < 3) throw new Error('ServiceUnavailable');
      const entries = input.Entries.map((entry) => {
        if (next() < 3) return { ErrorCode: 'InternalFailure', ErrorMessage: 'try again' };
        published.push(JSON.parse(entry.Detail ?? '{}').eventId);
        return { EventId: ulid() };
      });
      return { FailedEntryCount: entries.filter((e) => 'ErrorCode' in e).length, Entries: entries };
    });
    // Act: Lambda's stream semantics with ReportBatchItemFailures: redeliver from the first failed record.
    let batch = records;
    let invocations = 0;
    while (batch.length > 0 && invocations < 20) {
      invocations++;
      const { batchItemFailures } = await relayOutbox({ Records: batch });
      const failed = new Set(batchItemFailures.map((failure) => failure.itemIdentifier));
      const first = batch.findIndex((record) => failed.has(record.dynamodb?.SequenceNumber ?? ''));
      batch = first < 0 ? [] : batch.slice(first);
    }
    // Assess: every entry reached the bus at least once, each under its outbox id (consumers drop repeats).
    expect(batch).toEqual([]);
    expect(new Set(published)).toEqual(expected);
    expect(invocations).toBeGreaterThan(1);
  });

  it('a bus that is down reports every record as a batch item failure (the stream retries, then the DLQ keeps it)', async () => {
    // Prepare: its own three outbox entries (Task Created), so the batch is never empty.
    eventBridge.on(PutEventsCommand).rejects(new Error('ServiceUnavailable'));
    const orgId = `p-down-${ulid()}`;
    await writeTasks(orgId, 3, false);
    const records = await outboxRecords(orgId);
    expect(records).toHaveLength(3);
    // Act
    const result = await relayOutbox({ Records: records });
    // Assess: the bus was asked, and every record (not just the first) comes back for redelivery.
    expect(eventBridge.commandCalls(PutEventsCommand).length).toBeGreaterThan(0);
    expect(result.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(['1000', '1001', '1002']);
  });
});

describe('DynamoDB conditional failures: racing writers, exactly one wins', () => {
  const plant = async (): Promise<Task> => {
    const task = newTask({
      id: ulid(),
      type: 'generic',
      party: 'partner',
      orgId: 'p-race',
      scopeKey: ulid(),
      createdAt: new Date(Date.now() - DAY).toISOString(),
      deadline: new Date(Date.now() + 3 * DAY).toISOString(),
      caseId: null,
      assigneeId: null,
    });
    return createTask(h.db, task, creationEntry(task, platformActor));
  };

  it('two changes from the same read: one saved, the other VersionConflictError (409), history has one', async () => {
    // Prepare
    const task = await plant();
    const at = new Date().toISOString();
    const actor = userActor({ userId: 'u-1', orgId: 'p-race', party: 'partner', role: 'manager' });
    // Act
    const results = await Promise.allSettled([
      saveChange(h.db, assignTask(task, 'u-a', actor, at)),
      saveChange(h.db, postponeTask(task, new Date(Date.now() + 9 * DAY).toISOString(), actor, at)),
    ]);
    // Assess
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toBeInstanceOf(VersionConflictError);
    expect(rejected[0]?.reason).toMatchObject({ statusCode: 409 });
    expect((await listHistory(h.db, task.id)).map((e) => e.version)).toEqual([1, 2]);
  });

  it('ten creators racing for one scope: one task, nine ScopeTakenError', async () => {
    // Prepare
    const scopeKey = `case#${ulid()}`;
    const createdAt = new Date().toISOString();
    const tasks = Array.from({ length: 10 }, () =>
      newTask({
        id: ulid(),
        type: 'review_new_case',
        party: 'partner',
        orgId: 'p-race',
        scopeKey,
        createdAt,
        deadline: new Date(Date.now() + 2 * DAY).toISOString(),
        caseId: 'c-race',
        assigneeId: null,
      }),
    );
    // Act
    const results = await Promise.allSettled(
      tasks.map((task) => createTask(h.db, task, creationEntry(task, platformActor))),
    );
    // Assess
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected'))
      expect(r.reason).toBeInstanceOf(ScopeTakenError);
  });

  it('one event delivered ten times at once: applied once, one open task', async () => {
    // Prepare
    const caseId = `c-${ulid()}`;
    const submitted = {
      caseId,
      creditorOrgId: 'cr-race',
      partnerOrgId: 'p-race2',
      hasBankAccount: true,
      contractSigned: true,
      requiresQuote: false,
    };
    const id = ulid();
    // Act
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => h.emit('Case Submitted', submitted, '2026-11-23T10:00:00.000Z', id)),
    );
    // Assess
    expect(outcomes.filter((o) => !o.duplicate && o.effects.some((e) => e.action === 'created'))).toHaveLength(1);
    const open = (await h.tasksOf('partner', 'p-race2')).filter((t) => t.caseId === caseId && t.status === 'open');
    expect(open).toHaveLength(1);
  });
});

describe('Step Functions: a missing or already started execution is success; a stopped one emits nothing more', () => {
  const sfn = mockClient(SFNClient);
  const machineArn = 'arn:aws:states:eu-west-1:123456789012:stateMachine:PausedCaseFollowUp';
  beforeAll(() => {
    process.env.PAUSED_CASE_STATE_MACHINE_ARN = machineArn;
    resetConfig();
  });
  afterEach(() => sfn.reset());
  afterAll(() => {
    sfn.restore();
    delete process.env.PAUSED_CASE_STATE_MACHINE_ARN;
    resetConfig();
    setWorkflowStarter(undefined);
  });

  it('the pause and the return to active apply through the deployed starter when SFN answers AlreadyExists / DoesNotExist', async () => {
    // Prepare
    setWorkflowStarter(sfnWorkflowStarter);
    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }));
    sfn.on(StopExecutionCommand).rejects(new ExecutionDoesNotExist({ message: 'gone', $metadata: {} }));
    const caseId = `c-${ulid()}`;
    await h.emit(
      'Case Submitted',
      {
        caseId,
        creditorOrgId: 'cr-sfn',
        partnerOrgId: 'p-sfn',
        hasBankAccount: true,
        contractSigned: true,
        requiresQuote: false,
      },
      '2026-11-20T10:00:00.000Z',
    );
    // Act
    const paused = await h.emit(
      'Case Survey Submitted',
      { caseId, surveyId: 's-1', outcome: 'pause', unblockingParty: 'partner' },
      '2026-11-23T10:00:00.000Z',
    );
    const followUp = (await h.tasksOf('partner', 'p-sfn')).find(
      (t) => t.caseId === caseId && t.type === 'paused_case_follow_up',
    );
    const resumed = await h.emit('Case Status Changed', { caseId, status: 'active' }, '2026-11-30T10:00:00.000Z');
    // Assess
    expect(paused.duplicate).toBe(false);
    expect(followUp?.status).toBe('open');
    expect(resumed.duplicate).toBe(false);
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(1);
    expect(sfn.commandCalls(StopExecutionCommand)).toHaveLength(1);
    expect(await getTask(h.db, followUp?.id ?? '', true)).toMatchObject({ status: 'completed', resolution: 'auto' });
  });

  const pausedAt = '2026-11-23T12:00:00.000Z';
  const followUpTypes = ['Task Deadline Approaching', 'Task Overdue', 'Paused Case Escalated'];
  // Monday noon: approaching Tue 8 Dec, deadline Fri 11 Dec, escalation Fri 18 Dec (see workflow-paused-case.test.ts).
  const closings: [string, string, string[]][] = [
    ['before the first wait ends', '2026-11-28T12:00:00.000Z', []],
    ['after the approaching reminder', '2026-12-09T12:00:00.000Z', ['Task Deadline Approaching']],
    ['after the overdue reminder', '2026-12-12T12:00:00.000Z', ['Task Deadline Approaching', 'Task Overdue']],
  ];
  const stops = [true, false];

  it.each(closings.flatMap(([when, time, before]) => stops.map((stop) => [when, stop, time, before] as const)))(
    'task closed %s (stop call: %s): nothing more is emitted',
    async (_when, stop, closeAt, emittedBefore) => {
      // Prepare
      const local = createLocalWorkflowStarter({ startAt: pausedAt });
      const caseId = `c-${ulid()}`;
      const ref: PausedCaseRef = { caseId, pauseId: 's-1' };
      const input: FollowUpStart = {
        caseId,
        surveyId: 's-1',
        unblockingParty: 'partner',
        creditorOrgId: 'cr-1',
        partnerOrgId: 'p-wf',
        pausedAt,
        eventId: `evt-${ulid()}`,
      };
      await local.startPausedCaseFollowUp({ ...ref, input });
      await local.settled();
      const emitted = async () =>
        (await listOutboxSince(h.db, '0'))
          .filter((entry) => (entry.detail.task as Task | undefined)?.caseId === caseId)
          .map((entry) => entry.detailType)
          .filter((type) => followUpTypes.includes(type));
      // Act
      await local.advanceTo(closeAt);
      const task = (await h.tasksOf('partner', 'p-wf')).find((t) => t.caseId === caseId);
      if (!task) throw new Error('follow-up task missing');
      await saveChange(h.db, closeTask((await getTask(h.db, task.id, true)) ?? task, 'auto', platformActor, closeAt));
      if (stop) await local.stopPausedCaseFollowUp(ref);
      await local.advanceTo('2027-02-01T00:00:00.000Z');
      // Assess
      expect(await emitted()).toEqual(emittedBefore);
      expect(local.execution(ref)?.status).toBe(stop ? 'stopped' : 'succeeded');
      local.close();
    },
  );
});
