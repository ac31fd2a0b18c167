import { type ChatJudge, InvalidJudgeAnswerError, JudgeUnavailableError, offlineJudge } from '@casetasks/ai';
import { runChatCleanup as run, runChatCleanup } from '@casetasks/app/jobs';
import { resetClients, resetConfig } from '@casetasks/app/runtime';
import { assignTask } from '@casetasks/core';
import { claimCheckpoint, getChatVerdict, getTask, listHistory, listOutboxSince, saveChange } from '@casetasks/db';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestTable, type TestTable } from '../support/table.js';
import {
  countingJudge,
  counts,
  deps,
  manualClock,
  NIGHT,
  NOT_DUE,
  NOW,
  readCheckpoint,
  seedChatTask,
} from './chat-cleanup-fixtures.js';

let table: TestTable;
beforeEach(async () => {
  table = await createTestTable('chat');
});
afterAll(async () => table?.drop());
beforeAll(() => {
  process.env.CHAT_JUDGE = 'offline';
});

const status = async (id: string) => (await getTask(table.db, id, true))?.status;

describe('chat cleanup resolves only a clear no_reply_needed', () => {
  it('resolves the acknowledgement, keeps the question, the unclear and the not-yet-overdue task', async () => {
    // Prepare
    const ack = await seedChatTask(table.db, { party: 'partner', texts: ['Thanks, noted!'] });
    const question = await seedChatTask(table.db, { party: 'partner', texts: ['Any news on the debtor?'] });
    const unclear = await seedChatTask(table.db, { party: 'partner', texts: ['Please send the invoice copy'] });
    const notDue = await seedChatTask(table.db, { party: 'partner', texts: ['Thanks'], deadline: NOT_DUE });
    const { judge, calls } = countingJudge();
    // Act
    const summary = await runChatCleanup({ now: NOW }, deps(table.db, judge));
    // Assess
    expect(summary.counts).toEqual(counts({ evaluated: 3, resolved: 1, kept: 2, unsure: 1, replyNeeded: 1 }));
    expect(summary.checkpoint).toBeUndefined();
    expect(calls.has(notDue.id)).toBe(false);
    const resolved = await getTask(table.db, ack.id, true);
    expect(resolved).toMatchObject({ status: 'completed', resolution: 'ai', completedAt: NOW, completedBy: 'offline' });
    expect(await status(question.id)).toBe('open');
    expect(await status(unclear.id)).toBe('open');
    expect(await status(notDue.id)).toBe('open');
    const last = (await listHistory(table.db, ack.id)).at(-1);
    expect(last).toMatchObject({
      action: 'ai_resolved',
      actor: { kind: 'ai', id: 'offline' },
      modelId: 'offline',
      reason: 'no_reply_needed (prompt none)',
    });
    // The model's reason is kept only in the verdict item, which expires with the chat.
    expect(await getChatVerdict(table.db, ack.id)).toMatchObject({
      decision: 'no_reply_needed',
      reason: expect.stringMatching(/acknowledg/),
      lastMessageId: 'm-0',
      modelId: 'offline',
      promptVersion: 'none',
    });
    const outbox = await listOutboxSince(table.db, '0');
    expect(
      outbox.filter((e) => e.detailType === 'Task Completed').map((e) => (e.detail.task as { id: string }).id),
    ).toEqual([ack.id]);
  });

  it('judge errors, invalid answers and unsure leave tasks open and count as failed or kept', async () => {
    // Prepare
    const throttled = await seedChatTask(table.db, { party: 'partner', texts: ['Thanks'] });
    const invalid = await seedChatTask(table.db, { party: 'partner', texts: ['Thanks'] });
    const unsure = await seedChatTask(table.db, { party: 'partner', texts: ['Thanks'] });
    const fine = await seedChatTask(table.db, { party: 'partner', texts: ['Thanks'] });
    const scripted: ChatJudge = {
      name: 'test-model',
      judge: async ({ task }) => {
        if (task.id === throttled.id) throw new JudgeUnavailableError('Bedrock failed: ThrottlingException');
        if (task.id === invalid.id) throw new InvalidJudgeAnswerError('the model answered without calling the tool');
        if (task.id === unsure.id) return { decision: 'unsure', reason: 'ambiguous', judge: 'test-model' };
        return { decision: 'no_reply_needed', reason: 'acknowledged', judge: 'test-model', promptVersion: '2' };
      },
    };
    // Act
    const summary = await runChatCleanup({ now: NOW }, deps(table.db, scripted));
    // Assess
    expect(summary.counts).toEqual(counts({ evaluated: 4, resolved: 1, kept: 1, unsure: 1, failed: 2 }));
    for (const open of [throttled, invalid, unsure]) expect(await status(open.id)).toBe('open');
    expect((await listHistory(table.db, fine.id)).at(-1)).toMatchObject({
      actor: { kind: 'ai', id: 'test-model' },
      modelId: 'test-model',
      reason: 'no_reply_needed (prompt 2)',
    });
    // The unavailable judge may answer on the next tick: the night is not done.
    expect(summary.checkpoint).toBeDefined();
  });

  it('a task changed while it was judged is kept (the newer state wins)', async () => {
    // Prepare: a manager assigns the task between the job's read and its resolution.
    const task = await seedChatTask(table.db, { party: 'creditor', texts: ['Thanks'] });
    const racing: ChatJudge = {
      name: 'offline',
      judge: async (input) => {
        const current = await getTask(table.db, input.task.id, true);
        if (current) await saveChange(table.db, assignTask(current, 'u-2', { kind: 'user', id: 'u-1' }, NOW));
        return offlineJudge.judge(input);
      },
    };
    // Act
    const summary = await runChatCleanup({ now: NOW }, deps(table.db, racing));
    // Assess
    expect(summary.counts).toEqual(counts({ evaluated: 1, kept: 1, unsure: 1 }));
    expect(await getTask(table.db, task.id, true)).toMatchObject({ status: 'open', assigneeId: 'u-2', version: 2 });
  });
});

describe('partner and creditor tasks run separately', () => {
  it('counts, checkpoints and reports each party on its own', async () => {
    // Prepare
    await seedChatTask(table.db, { party: 'partner', texts: ['ok thanks'] });
    await seedChatTask(table.db, { party: 'partner', texts: ['When?'] });
    await seedChatTask(table.db, { party: 'creditor', texts: ['Received.'] });
    const seen: string[] = [];
    const recording: ChatJudge = {
      name: 'offline',
      judge: async (input) => {
        seen.push(input.party);
        return offlineJudge.judge(input);
      },
    };
    // Act
    const summary = await runChatCleanup({ now: NOW }, deps(table.db, recording));
    // Assess
    expect(seen).toEqual(['partner', 'partner', 'creditor']);
    expect(summary.parties).toEqual({
      partner: { ...counts({ evaluated: 2, resolved: 1, kept: 1, replyNeeded: 1 }), state: 'done' },
      creditor: { ...counts({ evaluated: 1, resolved: 1 }), state: 'done' },
    });
    expect(summary.counts).toEqual(counts({ evaluated: 3, resolved: 2, kept: 1, replyNeeded: 1 }));
    expect(await readCheckpoint(table.db, 'partner')).toMatchObject({
      done: true,
      counts: { evaluated: 2, resolved: 1 },
    });
    expect(await readCheckpoint(table.db, 'creditor')).toMatchObject({
      done: true,
      counts: { evaluated: 1, resolved: 1 },
    });
  });

  it('a finished night is not evaluated again; the next night an unchanged chat is not judged again', async () => {
    const kept = await seedChatTask(table.db, { party: 'partner', texts: ['When?'] });
    const { judge, calls } = countingJudge();
    await runChatCleanup({ now: NOW }, deps(table.db, judge));
    const again = await runChatCleanup({ now: `${NIGHT}T02:30:00.000Z` }, deps(table.db, judge));
    expect(again.counts.evaluated).toBe(0);
    expect(calls.get(kept.id)).toBe(1);
    const nextNight = await runChatCleanup({ now: '2026-11-26T02:00:00.000Z' }, deps(table.db, judge));
    expect(nextNight.counts).toEqual(counts({ evaluated: 1, unchanged: 1 }));
    expect(calls.get(kept.id)).toBe(1);
  });
});

describe('the deployed entry point', () => {
  it('run() uses the configured table and the offline judge by default', async () => {
    process.env.TABLE_NAME = table.tableName;
    delete process.env.CHAT_JUDGE;
    resetConfig();
    resetClients();
    const task = await seedChatTask(table.db, { party: 'partner', texts: ['Noted, thanks'] });
    const summary = await run({ now: NOW });
    expect(summary).toMatchObject({ job: 'chat-cleanup', judge: 'offline', counts: { evaluated: 1, resolved: 1 } });
    expect((await getTask(table.db, task.id, true))?.completedBy).toBe('offline');
  });
});

describe('overlapping invocations', () => {
  it('a run held by another live invocation is busy; once its lease expires the run continues', async () => {
    // Prepare: another invocation holds the partner run (e.g. it crashed mid-run and never released).
    const task = await seedChatTask(table.db, { party: 'partner', texts: ['Thanks'] });
    const time = manualClock();
    await claimCheckpoint(
      table.db,
      { job: 'chat-cleanup', runKey: `${NIGHT}#partner`, id: 'crashed', until: time.clock() + 60_000 },
      new Date(time.clock()),
    );
    const { judge, calls } = countingJudge();
    // Act
    const blocked = await runChatCleanup({ now: NOW }, deps(table.db, judge, { clock: time.clock }));
    time.advance(60_001);
    const resumed = await runChatCleanup(
      { checkpoint: String(blocked.checkpoint) },
      deps(table.db, judge, { clock: time.clock }),
    );
    // Assess
    expect(blocked.parties).toMatchObject({ partner: { state: 'busy', evaluated: 0 } });
    expect(blocked.checkpoint).toBeDefined();
    expect(resumed.parties).toMatchObject({ partner: { state: 'done', evaluated: 1 } });
    expect(resumed.now).toBe(NOW);
    expect(calls.get(task.id)).toBe(1);
  });

  it('two concurrent invocations never judge one task twice', async () => {
    const tasks = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        seedChatTask(table.db, { party: i % 2 ? 'partner' : 'creditor', texts: [i % 3 ? 'When?' : 'Thanks'] }),
      ),
    );
    const { judge, calls } = countingJudge();
    const [a, b] = await Promise.all([
      runChatCleanup({ now: NOW }, deps(table.db, judge, {}, { pageSize: 2, concurrency: 2 })),
      runChatCleanup({ now: NOW }, deps(table.db, judge, {}, { pageSize: 2, concurrency: 2 })),
    ]);
    // Each party's run belongs to whichever invocation claimed it first; the other sees it busy or done.
    expect(calls.size).toBe(tasks.length);
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
    expect((a?.counts.evaluated ?? 0) + (b?.counts.evaluated ?? 0)).toBe(tasks.length);
  });
});
