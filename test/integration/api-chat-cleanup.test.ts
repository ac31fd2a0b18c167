// Issue 23 over real HTTP: reopening an AI-closed task (exactly once, with its feedback example), the
// shadow report and the per-org chat cleanup mode.

import { runChatCleanup } from '@casetasks/app/jobs';
import { completeManually, platformActor, type Task } from '@casetasks/core';
import { getChatVerdict, getTask, putChatVerdict, putShadowVerdict, saveChange } from '@casetasks/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AI_CLOSE_MODEL as MODEL, plantAiClosedTask } from './ai-closed-task.js';
import { type ApiHarness, type Caller, json, startApi } from './api-client.js';
import { countingJudge, deps } from './chat-cleanup-fixtures.js';

const owner: Caller = { party: 'partner', org: 'p-cc', user: 'u-boss', role: 'owner' };
const manager: Caller = { party: 'partner', org: 'p-cc', user: 'u-mgr', role: 'manager' };
const contributor: Caller = { party: 'partner', org: 'p-cc', user: 'u-con', role: 'contributor' };
const otherOrg: Caller = { party: 'partner', org: 'p-other', user: 'u-x', role: 'owner' };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('api-chat-cleanup');
});
afterAll(async () => {
  await api.stop();
});

const aiClosedTask = (closedAgo?: number, assigneeId?: string | null, later?: boolean) =>
  plantAiClosedTask(api, {
    orgId: 'p-cc',
    ...(closedAgo === undefined ? {} : { closedAgo }),
    ...(assigneeId === undefined ? {} : { assigneeId }),
    ...(later === undefined ? {} : { later }),
  });

const reopen = (task: Task, as: Caller = manager, reason = 'The creditor asks to confirm the instalments') =>
  api.call('POST', `/tasks/${task.id}/reopen`, { as, body: { reason } });

describe('POST /tasks/{id}/reopen', () => {
  it('reopens an AI-closed task once, with its deadline, who and why, and stores the labelled conversation', async () => {
    // Prepare
    const task = await aiClosedTask();
    // Act
    const first = await reopen(task);
    const second = await reopen(task);
    // Assess
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(json(first)).toMatchObject({ id: task.id, status: 'open', deadline: task.deadline, version: 3 });
    expect(json(first)).not.toHaveProperty('resolution');
    expect(Date.parse(String(json(first).deadline))).toBeLessThan(Date.now());
    expect(second.status).toBe(409);
    const stored = await getTask(api.db, task.id, true);
    expect(stored).toMatchObject({ status: 'open', version: 3 });
    const history = json(await api.call('GET', `/tasks/${task.id}/history`, { as: manager })).items as {
      action: string;
      actor: { id: string };
      reason?: string;
    }[];
    expect(history.map((entry) => entry.action)).toEqual(['created', 'ai_resolved', 'reopened']);
    expect(history.at(-1)).toMatchObject({
      actor: { kind: 'user', id: 'u-mgr' },
      reason: 'The creditor asks to confirm the instalments',
    });
    const examples = json(await api.call('GET', '/chat-cleanup/examples', { as: owner })).examples as Record<
      string,
      unknown
    >[];
    const example = examples.find((entry) => entry.taskId === task.id);
    expect(example).toMatchObject({
      id: `reopened-${task.id}`,
      label: 'reply_needed',
      mustKeep: true,
      source: 'reopened',
      reopenedBy: 'u-mgr',
      modelId: MODEL,
      messages: [
        { direction: 'outbound', text: 'We sent the plan.', ageHours: 10 },
        { direction: 'inbound', text: 'Danke. Bitte die Raten bestätigen', ageHours: 2 },
      ],
    });
    expect(examples.filter((entry) => entry.taskId === task.id)).toHaveLength(1);
  });

  it('keeps the reopened task from being closed again by the next night, until a new message comes', async () => {
    // Prepare: the closing verdict as the night stored it (offline judge, no prompt)
    const task = await aiClosedTask(HOUR, 'u-con', false);
    const closing = {
      taskId: task.id,
      lastMessageId: 'm-1',
      lastMessageSentAt: ago(3 * HOUR),
      modelId: 'offline',
      promptVersion: 'none',
      decision: 'no_reply_needed' as const,
      reason: 'the latest message is a plain acknowledgement',
      judgedAt: ago(HOUR),
    };
    await putChatVerdict(api.db, closing);
    const { judge, calls } = countingJudge();
    // Act
    expect((await reopen(task)).status).toBe(200);
    await runChatCleanup({ now: new Date().toISOString() }, deps(api.db, judge));
    // Assess
    expect(calls.has(task.id)).toBe(false);
    expect((await getTask(api.db, task.id, true))?.status).toBe('open');
    expect(await getChatVerdict(api.db, task.id)).toMatchObject({ decision: 'reply_needed', lastMessageId: 'm-1' });
    const examples = json(await api.call('GET', '/chat-cleanup/examples', { as: owner })).examples as Record<
      string,
      unknown
    >[];
    expect(examples.find((entry) => entry.taskId === task.id)).toMatchObject({ aiReason: closing.reason });
  });

  it('of two racing reopens exactly one wins; the other is a 409', async () => {
    // Prepare
    const task = await aiClosedTask();
    // Act
    const responses = await Promise.all([reopen(task), reopen(task, owner)]);
    // Assess
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
    const history = json(await api.call('GET', `/tasks/${task.id}/history`, { as: manager })).items as {
      action: string;
    }[];
    expect(history.filter((entry) => entry.action === 'reopened')).toHaveLength(1);
    const examples = json(await api.call('GET', '/chat-cleanup/examples', { as: owner })).examples as {
      taskId: string;
    }[];
    expect(examples.filter((entry) => entry.taskId === task.id)).toHaveLength(1);
  });

  it('refuses what the AI did not close, after the 7-day window, and another open task of the chat', async () => {
    // Prepare
    const late = await aiClosedTask(8 * DAY);
    const open = await api.plant({ type: 'call_reminder', accessLevel: 'partner', orgId: 'p-cc' });
    const done = await saveChange(api.db, completeManually(open, platformActor, new Date().toISOString()));
    const superseded = await aiClosedTask();
    await api.plant({
      type: 'new_message',
      accessLevel: 'partner',
      orgId: 'p-cc',
      caseId: String(superseded.caseId),
      scopeKey: superseded.scopeKey,
    });
    // Act
    const answers = await Promise.all([late, done, superseded].map((task) => reopen(task)));
    // Assess
    expect(answers.map((answer) => answer.status)).toEqual([409, 409, 409]);
    expect((await getTask(api.db, superseded.id, true))?.status).toBe('completed');
  });

  it('follows the access rules of completing a task', async () => {
    // Prepare
    const others = await aiClosedTask(HOUR, 'u-someone');
    const own = await aiClosedTask(HOUR, 'u-con');
    // Act
    const statuses = [
      (await reopen(others, contributor)).status,
      (await reopen(others, otherOrg)).status,
      (await reopen(others, { ...manager, party: 'creditor' })).status,
      (await reopen(own, contributor)).status,
    ];
    // Assess
    expect(statuses).toEqual([403, 404, 404, 200]);
  });
});

describe('GET /chat-cleanup/shadow-report', () => {
  it('lists what a shadow night would have closed in the caller org, for owners and managers', async () => {
    // Prepare
    const base = {
      party: 'partner' as const,
      orgId: 'p-cc',
      night: '2026-11-24',
      modelId: MODEL,
      judgedAt: '2026-11-24T02:10:00.000Z',
    };
    await putShadowVerdict(api.db, { ...base, taskId: 't-close', decision: 'no_reply_needed', reason: 'Thanks only.' });
    await putShadowVerdict(api.db, { ...base, taskId: 't-keep', decision: 'reply_needed', reason: 'A question.' });
    await putShadowVerdict(api.db, {
      ...base,
      orgId: 'p-other',
      taskId: 't-else',
      decision: 'no_reply_needed',
      reason: 'x',
    });
    // Act
    const report = await api.call('GET', '/chat-cleanup/shadow-report?night=2026-11-24', { as: manager });
    const refused = await api.call('GET', '/chat-cleanup/shadow-report?night=2026-11-24', { as: contributor });
    const other = await api.call('GET', '/chat-cleanup/shadow-report?night=2026-11-24', { as: otherOrg });
    // Assess
    expect(report.status).toBe(200);
    expect(json(report)).toEqual({
      night: '2026-11-24',
      judged: 2,
      replyNeeded: 1,
      unsure: 0,
      wouldClose: [{ taskId: 't-close', reason: 'Thanks only.', modelId: MODEL, judgedAt: base.judgedAt }],
    });
    expect(refused.status).toBe(403);
    expect((json(other).wouldClose as { taskId: string }[]).map((entry) => entry.taskId)).toEqual(['t-else']);
  });
});

describe('/settings/chat-cleanup', () => {
  it('follows the deployment until an owner sets the mode; managers may only read it', async () => {
    // Act
    const before = json(await api.call('GET', '/settings/chat-cleanup', { as: manager }));
    const byManager = await api.call('PUT', '/settings/chat-cleanup', { as: manager, body: { mode: 'off' } });
    const set = await api.call('PUT', '/settings/chat-cleanup', { as: owner, body: { mode: 'off' } });
    const after = json(await api.call('GET', '/settings/chat-cleanup', { as: manager }));
    // Assess
    expect(before).toMatchObject({ mode: 'deployment', isDefault: true });
    expect(byManager.status).toBe(403);
    expect(set.status).toBe(200);
    expect(after).toMatchObject({ mode: 'off', isDefault: false, updatedBy: 'u-boss' });
  });
});
