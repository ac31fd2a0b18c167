// The night's run against a mocked Bedrock: model unavailable, throttle storms, cut messages, the verdict cache.
import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandOutput,
  ResourceNotFoundException,
  ThrottlingException,
} from '@aws-sdk/client-bedrock-runtime';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createBedrockJudge, VERDICT_TOOL } from '@casetasks/ai';
import { runChatCleanup } from '@casetasks/app/jobs';
import { metrics } from '@casetasks/app/runtime';
import { getChatVerdict, getTask, putMessage } from '@casetasks/db';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestTable, type TestTable } from '../support/table.js';
import { counts, deps, NIGHT, NOW, readCheckpoint, seedChatTask } from './chat-cleanup-fixtures.js';

const modelId = 'eu.anthropic.claude-haiku-4-5-20251001-v1:0';
const bedrock = mockClient(BedrockRuntimeClient);
const judge = createBedrockJudge({
  client: new BedrockRuntimeClient({ region: 'eu-central-1' }),
  modelId,
  sleep: async () => undefined,
  random: () => 0,
});

const answer = (decision: string): ConverseCommandOutput => ({
  $metadata: {},
  stopReason: 'tool_use',
  output: {
    message: {
      role: 'assistant',
      content: [{ toolUse: { toolUseId: 'tu', name: VERDICT_TOOL, input: { decision, reason: 'One sentence.' } } }],
    },
  },
  usage: { inputTokens: 1_000, outputTokens: 50, totalTokens: 1_050 },
  metrics: { latencyMs: 1 },
});
const throttle = () => new ThrottlingException({ message: 'Too many requests', $metadata: {} });
const conversationOf = (call: number) => {
  const content = bedrock.commandCalls(ConverseCommand)[call]?.args[0].input.messages?.[0]?.content ?? [];
  return content.map((block) => block.text ?? '').join('\n');
};

let table: TestTable;
beforeEach(async () => {
  table = await createTestTable('chatrun');
  bedrock.reset();
  vi.restoreAllMocks();
});
afterAll(async () => table?.drop());

const status = async (id: string) => (await getTask(table.db, id, true))?.status;

describe('a model that cannot be called stops the run', () => {
  it('an end-of-life model: one call, nothing counted failed, the metric and a checkpoint', async () => {
    // Prepare
    const tasks = [
      await seedChatTask(table.db, { party: 'partner', texts: ['Thanks'] }),
      await seedChatTask(table.db, { party: 'partner', texts: ['Thanks'] }),
      await seedChatTask(table.db, { party: 'creditor', texts: ['Thanks'] }),
    ];
    bedrock.on(ConverseCommand).rejects(
      new ResourceNotFoundException({
        message: 'This model version has reached the end of its life.',
        $metadata: {},
      }),
    );
    const published = vi.spyOn(metrics, 'addMetric');
    // Act
    const summary = await runChatCleanup({ now: NOW }, deps(table.db, judge, {}, { concurrency: 1 }));
    // Assess
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(1);
    expect(summary).toMatchObject({ stopReason: 'model_unavailable', counts: counts({}) });
    expect(summary.checkpoint).toBeDefined();
    expect(summary.parties).toEqual({ partner: { ...counts({}), state: 'stopped', stopReason: 'model_unavailable' } });
    expect(published).toHaveBeenCalledWith('ChatCleanupModelUnavailable', 'Count', 1);
    expect(published).toHaveBeenCalledWith('ChatCleanupFailed', 'Count', 0);
    for (const task of tasks) expect(await status(task.id)).toBe('open');
  });

  it('a healthy run publishes 0 for model unavailable and the named counts', async () => {
    await seedChatTask(table.db, { party: 'partner', texts: ['Thanks'] });
    bedrock.on(ConverseCommand).resolves(answer('no_reply_needed'));
    const published = vi.spyOn(metrics, 'addMetric');
    const summary = await runChatCleanup({ now: NOW }, deps(table.db, judge));
    expect(summary.counts).toEqual(counts({ evaluated: 1, resolved: 1, inputTokens: 1_000, outputTokens: 50 }));
    expect(published).toHaveBeenCalledWith('ChatCleanupModelUnavailable', 'Count', 0);
    expect(published).toHaveBeenCalledWith('ChatCleanupResolved', 'Count', 1);
    expect(published).toHaveBeenCalledWith('ChatCleanupInputTokens', 'Count', 1_000);
    expect(published).toHaveBeenCalledWith('ChatCleanupOutputTokens', 'Count', 50);
    expect(published).toHaveBeenCalledWith('resolved', 'Count', 1);
  });
});

describe('throttling', () => {
  it('a throttle storm ends the invocation; the next run judges the same tasks, none skipped', async () => {
    // Prepare: 8 tasks; Bedrock throttles every attempt of the first invocation.
    const tasks = [];
    for (let i = 0; i < 8; i++) tasks.push(await seedChatTask(table.db, { party: 'partner', texts: ['Thanks'] }));
    bedrock.on(ConverseCommand).rejects(throttle());
    const settings = { concurrency: 1, maxConsecutiveThrottles: 5 };
    // Act
    const storm = await runChatCleanup({ now: NOW }, deps(table.db, judge, {}, settings));
    bedrock.reset();
    bedrock.on(ConverseCommand).resolves(answer('no_reply_needed'));
    const next = await runChatCleanup({ now: `${NIGHT}T02:15:00.000Z` }, deps(table.db, judge, {}, settings));
    // Assess: 5 tasks × 6 attempts, then the invocation ended.
    expect(storm).toMatchObject({ stopReason: 'throttled', counts: counts({ evaluated: 5, failed: 5 }) });
    expect(storm.checkpoint).toBeDefined();
    expect(storm.parties).toMatchObject({ partner: { state: 'stopped' } });
    expect(next.parties).toMatchObject({ partner: { state: 'done', evaluated: 8, resolved: 8 } });
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(8);
    for (const task of tasks) expect(await status(task.id)).toBe('completed');
  });

  it('one failed task holds the checkpoint; the next tick judges only it (the others are resolved or unchanged)', async () => {
    // Prepare
    const first = await seedChatTask(table.db, { party: 'partner', texts: ['When?'] });
    const failing = await seedChatTask(table.db, { party: 'partner', texts: ['Thanks'] });
    const last = await seedChatTask(table.db, { party: 'partner', texts: ['Thanks'] });
    let failNow = true;
    bedrock.on(ConverseCommand).callsFake((input: { messages: { content: { text: string }[] }[] }) => {
      const text = input.messages[0]?.content[1]?.text ?? '';
      if (text.includes('When?')) return answer('reply_needed');
      if (failNow && bedrock.commandCalls(ConverseCommand).length <= 7) throw throttle();
      return answer('no_reply_needed');
    });
    const settings = { concurrency: 1 };
    // Act
    const firstTick = await runChatCleanup({ now: NOW }, deps(table.db, judge, {}, settings));
    failNow = false;
    const callsBefore = bedrock.commandCalls(ConverseCommand).length;
    const secondTick = await runChatCleanup({ now: `${NIGHT}T02:15:00.000Z` }, deps(table.db, judge, {}, settings));
    // Assess
    expect(firstTick.parties).toMatchObject({ partner: { state: 'stopped', failed: 1 } });
    expect(firstTick.stopReason).toBeUndefined();
    expect(secondTick.parties).toMatchObject({ partner: { state: 'done', failed: 0 } });
    expect(bedrock.commandCalls(ConverseCommand).length - callsBefore).toBeLessThanOrEqual(2);
    expect(await status(first.id)).toBe('open');
    expect(await status(failing.id)).toBe('completed');
    expect(await status(last.id)).toBe('completed');
    expect((await readCheckpoint(table.db, 'partner'))?.done).toBe(true);
  });
});

describe('long messages', () => {
  it('the prompt keeps the tail of a long latest message, and a cut latest message is never closed', async () => {
    // Prepare
    const text = `Thanks for the update. ${'Details of the instalment plan. '.repeat(120)}Could you send the signed agreement?`;
    const task = await seedChatTask(table.db, { party: 'partner', texts: [text] });
    bedrock.on(ConverseCommand).resolves(answer('no_reply_needed'));
    // Act
    const summary = await runChatCleanup({ now: NOW }, deps(table.db, judge));
    // Assess
    const prompt = conversationOf(0);
    expect(prompt).toContain('Could you send the signed agreement?');
    expect(prompt).toMatch(/\[… [\d,]+ characters cut …\]/);
    expect(prompt).toContain('The latest message was cut: answer unsure.');
    expect(summary.counts).toEqual(counts({ evaluated: 1, kept: 1, unsure: 1, inputTokens: 1_000, outputTokens: 50 }));
    expect(await status(task.id)).toBe('open');
  });
});

describe('the verdict cache', () => {
  it('an unchanged chat is not judged again; a new message is', async () => {
    // Prepare
    const task = await seedChatTask(table.db, { party: 'partner', texts: ['Could you call the debtor?'] });
    bedrock.on(ConverseCommand).resolves(answer('reply_needed'));
    // Act
    const night1 = await runChatCleanup({ now: NOW }, deps(table.db, judge));
    const night2 = await runChatCleanup({ now: '2026-11-26T02:00:00.000Z' }, deps(table.db, judge));
    await putMessage(table.db, {
      caseId: task.caseId ?? '',
      messageId: 'm-new',
      senderParty: 'creditor',
      senderUserId: 'u-sender',
      text: 'Any news?',
      sentAt: '2026-11-26T08:00:00.000Z',
    });
    const night3 = await runChatCleanup({ now: '2026-11-27T02:00:00.000Z' }, deps(table.db, judge));
    // Assess
    expect(night1.counts).toMatchObject({ evaluated: 1, replyNeeded: 1, kept: 1 });
    expect(night2.counts).toEqual(counts({ evaluated: 1, unchanged: 1 }));
    expect(night3.counts).toMatchObject({ evaluated: 1, replyNeeded: 1, unchanged: 0 });
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(2);
    const stored = await getChatVerdict(table.db, task.id);
    expect(stored).toMatchObject({ lastMessageId: 'm-new', modelId, promptVersion: '2', decision: 'reply_needed' });
  });

  it('the stored reason expires 180 days after the latest message', async () => {
    const task = await seedChatTask(table.db, { party: 'partner', texts: ['Thanks'] });
    bedrock.on(ConverseCommand).resolves(answer('unsure'));
    await runChatCleanup({ now: NOW }, deps(table.db, judge));
    const { Item } = await table.db.client.send(
      new GetCommand({
        TableName: table.db.tableName,
        Key: { pk: `chatverdict#${task.id}`, sk: 'latest' },
      }),
    );
    expect(Item?.expiresAt).toBe(Date.parse('2026-11-23T10:00:00.000Z') / 1000 + 180 * 86_400);
  });
});
