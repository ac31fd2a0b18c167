// Issue 11, auto-assignment at creation: round robin in turn (atomic under concurrency), least open balanced, explicit choices kept.
import type { AssignmentRule, Task, TaskType } from '@casetasks/core';
import { openTaskCounts } from '@casetasks/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, type Caller, json, startApi } from './api-client.js';
import { createdTask, freshId, setOrgSettings, submitCase } from './org-settings-fixtures.js';

const users = ['u-a', 'u-b', 'u-c'];

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('auto-assignment');
});
afterAll(async () => {
  await api.stop();
});

/** A fresh partner org whose owner set these rules, and its manager as a caller. */
const partnerOrg = async (rules: Partial<Record<TaskType, AssignmentRule>>) => {
  const orgId = freshId('p');
  await setOrgSettings(api.db, 'partner', orgId, { autoAssignment: { rules } });
  const manager: Caller = { party: 'partner', org: orgId, user: 'u-m', role: 'manager' };
  return { orgId, manager };
};

/** review_new_case tasks of the org, one `Case Submitted` at a time, in creation order. */
const reviews = async (partnerOrgId: string, count: number): Promise<Task[]> => {
  const tasks: Task[] = [];
  for (let index = 0; index < count; index++) {
    const outcome = await submitCase(
      api.db,
      { caseId: freshId('c'), partnerOrgId, creditorOrgId: freshId('cr') },
      new Date(Date.parse('2026-11-02T10:00:00.000Z') + index * 60_000).toISOString(),
    );
    tasks.push(await createdTask(api.db, outcome, 'review_new_case'));
  }
  return tasks;
};

/** POST /tasks as `caller`; `assigneeId` left out when undefined. */
const createManual = async (caller: Caller, assigneeId?: string | null) => {
  const response = await api.call('POST', '/tasks', {
    as: caller,
    body: { title: 'Collection work', dueInBusinessDays: 5, ...(assigneeId === undefined ? {} : { assigneeId }) },
  });
  expect(response.status).toBe(201);
  return json(response) as { id: string; assigneeId: string | null };
};

const tally = (assignees: readonly (string | null)[]) => {
  const counts: Record<string, number> = {};
  for (const assignee of assignees) counts[String(assignee)] = (counts[String(assignee)] ?? 0) + 1;
  return counts;
};

describe('round robin', () => {
  it('100 event-created tasks go to 3 users in turn: 34/33/33', async () => {
    // Prepare
    const { orgId } = await partnerOrg({ review_new_case: { strategy: 'round_robin', userIds: users } });

    // Act
    const assignees = (await reviews(orgId, 100)).map((task) => task.assigneeId);

    // Assess
    expect(assignees).toEqual(Array.from({ length: 100 }, (_, index) => users[index % 3]));
    expect(tally(assignees)).toEqual({ 'u-a': 34, 'u-b': 33, 'u-c': 33 });
  });

  it('20 concurrent creates share the turns exactly: the counter is atomic', async () => {
    // Prepare
    const { manager } = await partnerOrg({ generic: { strategy: 'round_robin', userIds: users } });

    // Act
    const created = await Promise.all(Array.from({ length: 20 }, () => createManual(manager)));

    // Assess: ceil(20 / 3) = 7 at most each; an unguarded read-then-write would repeat turns.
    const counts = tally(created.map((task) => task.assigneeId));
    expect(counts).toEqual({ 'u-a': 7, 'u-b': 7, 'u-c': 6 });
    expect(Math.max(...Object.values(counts))).toBeLessThanOrEqual(Math.ceil(20 / 3));
  });

  it('keeps an explicit assignee and an explicit null; only an omitted assignee follows the rule', async () => {
    // Prepare
    const { manager } = await partnerOrg({ generic: { strategy: 'round_robin', userIds: ['u-a', 'u-b'] } });
    const contributor: Caller = { ...manager, user: 'u-k', role: 'contributor' };

    // Act
    const chosen = await createManual(manager, 'u-z');
    const unassigned = await createManual(manager, null);
    const byContributor = await createManual(contributor);
    const first = await createManual(manager);
    const second = await createManual(manager);

    // Assess: the explicit ones took no turn, so the rule starts at u-a.
    expect(chosen.assigneeId).toBe('u-z');
    expect(unassigned.assigneeId).toBeNull();
    expect(byContributor.assigneeId).toBe('u-k');
    expect([first.assigneeId, second.assigneeId]).toEqual(['u-a', 'u-b']);
  });

  it('a type without a rule stays unassigned', async () => {
    // Prepare: a rule for review_new_case only.
    const { orgId, manager } = await partnerOrg({ review_new_case: { strategy: 'round_robin', userIds: users } });

    // Act
    const manual = await createManual(manager);
    const [review] = await reviews(orgId, 1);

    // Assess
    expect(manual.assigneeId).toBeNull();
    expect(review?.assigneeId).toBe('u-a');
  });
});

describe('least open', () => {
  it('absorbs a user pre-loaded with 10 open tasks, then stays balanced over 100 tasks', async () => {
    // Prepare: u-a already holds 10 open tasks (explicitly assigned, any type counts).
    const { orgId, manager } = await partnerOrg({ review_new_case: { strategy: 'least_open', userIds: users } });
    for (let index = 0; index < 10; index++) await createManual(manager, 'u-a');

    // Act
    const assignees = (await reviews(orgId, 100)).map((task) => task.assigneeId);

    // Assess: nobody picks u-a until the others caught up; open tasks end 37/37/36.
    expect(assignees.slice(0, 20)).not.toContain('u-a');
    expect(tally(assignees)).toEqual({ 'u-a': 27, 'u-b': 37, 'u-c': 36 });
    const open = tally([...Array(10).fill('u-a'), ...assignees]);
    expect(open).toEqual({ 'u-a': 37, 'u-b': 37, 'u-c': 36 });
    expect(Math.max(...Object.values(open)) - Math.min(...Object.values(open))).toBeLessThanOrEqual(1);
  });

  it('counts only as far as the lightest load needs: capped at 32, raised while everyone reaches it', async () => {
    // Prepare: u-a holds 34 open tasks, u-b 33.
    const { orgId, manager } = await partnerOrg({});
    for (let index = 0; index < 34; index++) await createManual(manager, 'u-a');
    for (let index = 0; index < 33; index++) await createManual(manager, 'u-b');

    // Act
    const both = await openTaskCounts(api.db, 'partner', orgId, { strategy: 'least_open', userIds: ['u-a', 'u-b'] });
    const withIdle = await openTaskCounts(api.db, 'partner', orgId, {
      strategy: 'least_open',
      userIds: ['u-a', 'u-b', 'u-idle'],
    });

    // Assess: everyone reached 32, so the second pass counts exactly; an idle user stops at the first cap.
    expect(both).toEqual([34, 33]);
    expect(withIdle).toEqual([32, 32, 0]);
  });

  it('does not count completed tasks', async () => {
    // Prepare: u-a holds 3, u-b 2; then two of u-a's are marked done.
    const { orgId, manager } = await partnerOrg({
      review_new_case: { strategy: 'least_open', userIds: ['u-a', 'u-b'] },
    });
    const ofA = [
      await createManual(manager, 'u-a'),
      await createManual(manager, 'u-a'),
      await createManual(manager, 'u-a'),
    ];
    await createManual(manager, 'u-b');
    await createManual(manager, 'u-b');
    const [beforeCompleting] = await reviews(orgId, 1);
    for (const task of ofA.slice(0, 2)) {
      expect((await api.call('POST', `/tasks/${task.id}/complete`, { as: manager, body: {} })).status).toBe(200);
    }

    // Act: u-a now has 1 open, u-b has 3 (two manual and the review).
    const [afterCompleting] = await reviews(orgId, 1);

    // Assess
    expect(beforeCompleting?.assigneeId).toBe('u-b');
    expect(afterCompleting?.assigneeId).toBe('u-a');
  });
});
