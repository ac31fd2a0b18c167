import { type ChatJudge, offlineJudge } from '@casetasks/ai';
import type { JobSummary } from '@casetasks/app/jobs';
import { runChatCleanup } from '@casetasks/app/jobs';
import type { Task } from '@casetasks/core';
import { getTask, listHistory } from '@casetasks/db';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestTable, type TestTable } from '../support/table.js';
import { countingJudge, deps, manualClock, NOW, readCheckpoint, seedChatTask } from './chat-cleanup-fixtures.js';

let table: TestTable;
beforeEach(async () => {
  table = await createTestTable('chat-resume');
});
afterAll(async () => table?.drop());

/** A mix the offline judge resolves (Thanks), keeps (a question) and keeps (unclear): kept tasks stay overdue. */
const seedMix = async (party: Task['accessLevel'], count: number) =>
  Promise.all(
    Array.from({ length: count }, (_, i) =>
      seedChatTask(table.db, { party, texts: [['Thanks!', 'Any news?', 'The debtor moved.'][i % 3] as string] }),
    ),
  );

describe('an interrupted run resumes where it stopped', () => {
  it('time-boxed invocations together judge every overdue task exactly once', async () => {
    // Prepare: 13 partner and 5 creditor tasks; each judge call costs one simulated second.
    const tasks = [...(await seedMix('partner', 13)), ...(await seedMix('creditor', 5))];
    const time = manualClock();
    const { judge, calls } = countingJudge(offlineJudge, () => time.advance(1_000));
    const settings = { budgetMs: 4_500, pageSize: 4, concurrency: 2 };
    // Act: the first invocation as scheduled, then continuations with the returned checkpoint.
    const summaries: JobSummary[] = [];
    let input: { now?: string; checkpoint?: string } = { now: NOW };
    for (let i = 0; i < 20; i++) {
      const summary = await runChatCleanup(input, deps(table.db, judge, { clock: time.clock }, settings));
      summaries.push(summary);
      if (!summary.checkpoint) break;
      input = { checkpoint: summary.checkpoint };
    }
    // Assess
    expect(summaries.length).toBeGreaterThanOrEqual(3);
    expect(summaries.at(-1)?.checkpoint).toBeUndefined();
    // The first stop fell inside the second page (pages of 4; two workers start 5 or 6 tasks in 4.5 s), before
    // the creditor run started.
    const first = summaries[0]?.counts.evaluated;
    expect([5, 6]).toContain(first);
    expect(summaries[0]?.parties).toEqual({
      partner: {
        evaluated: first,
        resolved: expect.any(Number),
        kept: expect.any(Number),
        replyNeeded: expect.any(Number),
        unsure: expect.any(Number),
        unchanged: 0,
        failed: 0,
        inputTokens: 0,
        outputTokens: 0,
        state: 'stopped',
      },
    });
    expect(calls.size).toBe(tasks.length);
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
    expect(summaries.reduce((sum, s) => sum + (s.counts.evaluated ?? 0), 0)).toBe(18);
    // The checkpoint accumulates the night's counts across invocations.
    expect(await readCheckpoint(table.db, 'partner')).toMatchObject({
      done: true,
      counts: { evaluated: 13, resolved: 5, kept: 8, failed: 0 },
    });
    expect(await readCheckpoint(table.db, 'creditor')).toMatchObject({
      done: true,
      counts: { evaluated: 5, resolved: 2, kept: 3, failed: 0 },
    });
    // Continuations keep the first invocation's clock: same night, same cut-off.
    expect(new Set(summaries.map((s) => s.now))).toEqual(new Set([NOW]));
  });

  it('after a crash the next invocation takes over when the lease expires: at most one page is judged again, nothing is resolved twice', async () => {
    // Prepare
    const tasks = await seedMix('partner', 10);
    const time = manualClock();
    const { judge: counting, calls } = countingJudge();
    let started = 0;
    const dying: ChatJudge = {
      name: 'offline',
      // The 7th call never returns: the invocation is killed there (Lambda timeout) and never saves again.
      judge: (input) => (++started >= 7 ? new Promise(() => {}) : counting.judge(input)),
    };
    const settings = { pageSize: 4, concurrency: 1, budgetMs: 60_000, drainMs: 60_000 };
    void runChatCleanup({ now: NOW }, deps(table.db, dying, { clock: time.clock }, settings));
    await expect.poll(() => started, { timeout: 30_000 }).toBe(7);
    // Act: the schedule's next invocation while the lease is live, then after it expired.
    const whileLeased = await runChatCleanup({ now: NOW }, deps(table.db, counting, { clock: time.clock }, settings));
    time.advance(120_001);
    const afterExpiry = await runChatCleanup({ now: NOW }, deps(table.db, counting, { clock: time.clock }, settings));
    // Assess
    expect(whileLeased.parties).toMatchObject({ partner: { state: 'busy', evaluated: 0 } });
    expect(afterExpiry.parties).toMatchObject({ partner: { state: 'done' } });
    expect(calls.size).toBe(tasks.length);
    const judgedTwice = [...calls.values()].filter((n) => n > 1).length;
    // Tasks 5 and 6 were judged after the last saved page (4 tasks) and are judged again: kept ones only.
    expect(judgedTwice).toBeLessThanOrEqual(settings.pageSize);
    expect([...calls.values()].every((n) => n <= 2)).toBe(true);
    for (const task of tasks) {
      const resolutions = (await listHistory(table.db, task.id)).filter((e) => e.action === 'ai_resolved');
      expect(resolutions.length).toBeLessThanOrEqual(1);
      const stored = await getTask(table.db, task.id, true);
      expect(stored?.status === 'completed').toBe(resolutions.length === 1);
    }
  });
});
