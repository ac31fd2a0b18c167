// Issue 23: the per-org chat cleanup mode in the nightly run (shadow records and closes nothing, off is never
// judged) and the deployment's shadow period, remembered from its first night.
import { chatCleanupModeLookup, runChatCleanup } from '@casetasks/app/jobs';
import { resetClients, resetConfig } from '@casetasks/app/runtime';
import type { ChatCleanupSettings, Party } from '@casetasks/core';
import { getTask, listOutboxSince, putOrgSettingsSection, shadowVerdictsOfNight } from '@casetasks/db';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestTable, type TestTable } from '../support/table.js';
import { countingJudge, deps, NIGHT, NOW, seedChatTask } from './chat-cleanup-fixtures.js';

let table: TestTable;
beforeEach(async () => {
  table = await createTestTable('chatmode');
});
afterAll(async () => table?.drop());
beforeAll(() => {
  process.env.CHAT_JUDGE = 'offline';
  resetConfig();
  resetClients();
});

const setMode = (party: Party, orgId: string, mode: ChatCleanupSettings['mode']) =>
  putOrgSettingsSection(table.db, {
    party,
    orgId,
    section: 'chatCleanup',
    value: { mode },
    updatedBy: 'u-owner',
    now: new Date(NOW),
  });

describe('per-org chat cleanup mode in the nightly run', () => {
  it('shadow: records every verdict with its reason and closes nothing', async () => {
    // Prepare
    await setMode('partner', 'p-shadow', 'shadow');
    const ack = await seedChatTask(table.db, { party: 'partner', orgId: 'p-shadow', texts: ['Thanks, noted!'] });
    const question = await seedChatTask(table.db, { party: 'partner', orgId: 'p-shadow', texts: ['Any news?'] });
    const { judge, calls } = countingJudge();
    // Act
    const summary = await runChatCleanup({ now: NOW }, deps(table.db, judge));
    // Assess
    expect(calls.get(ack.id)).toBe(1);
    expect(summary.counts).toMatchObject({ resolved: 0, evaluated: 2 });
    expect((await getTask(table.db, ack.id, true))?.status).toBe('open');
    expect((await getTask(table.db, question.id, true))?.status).toBe('open');
    const recorded = await shadowVerdictsOfNight(table.db, 'partner', 'p-shadow', NIGHT);
    expect(
      recorded
        .map(({ taskId, decision }) => ({ taskId, decision }))
        .sort((a, b) => a.decision.localeCompare(b.decision)),
    ).toEqual([
      { taskId: ack.id, decision: 'no_reply_needed' },
      { taskId: question.id, decision: 'reply_needed' },
    ]);
    expect(recorded.find((verdict) => verdict.taskId === ack.id)).toMatchObject({ modelId: 'offline', judgedAt: NOW });
    expect((await listOutboxSince(table.db, '0')).filter((e) => e.detailType === 'Task Completed')).toEqual([]);
  });

  it('off: the org is never judged, while another org in the same run is', async () => {
    // Prepare
    await setMode('partner', 'p-off', 'off');
    const skipped = await seedChatTask(table.db, { party: 'partner', orgId: 'p-off', texts: ['Thanks, noted!'] });
    const judged = await seedChatTask(table.db, { party: 'partner', orgId: 'p-on', texts: ['Thanks, noted!'] });
    const { judge, calls } = countingJudge();
    // Act
    await runChatCleanup({ now: NOW }, deps(table.db, judge));
    // Assess
    expect(calls.has(skipped.id)).toBe(false);
    expect(calls.get(judged.id)).toBe(1);
    expect((await getTask(table.db, skipped.id, true))?.status).toBe('open');
    expect((await getTask(table.db, judged.id, true))?.status).toBe('completed');
    expect(await shadowVerdictsOfNight(table.db, 'partner', 'p-off', NIGHT)).toEqual([]);
  });
});

describe('the deployment mode', () => {
  it('is shadow for the configured nights from the first run, remembered across runs; an org setting wins', async () => {
    // Prepare
    await setMode('creditor', 'c-on', 'on');
    const night = (day: number) => new Date(`2026-11-${day}T02:00:00.000Z`);
    // Act: one lookup per run, as the job makes them
    const modes = [];
    for (const day of [24, 25, 26, 27])
      modes.push(await chatCleanupModeLookup(table.db, 3)('partner', 'p-new', night(day)));
    const orgOn = await chatCleanupModeLookup(table.db, 3)('creditor', 'c-on', night(24));
    const earlier = await chatCleanupModeLookup(table.db, 3)('partner', 'p-new', night(20));
    // Assess
    expect(modes).toEqual(['shadow', 'shadow', 'shadow', 'on']);
    expect(orgOn).toBe('on');
    expect(earlier).toBe('shadow');
    expect(await chatCleanupModeLookup(table.db, 0)('partner', 'p-new', night(24))).toBe('on');
  });
});
