// Lists over real HTTP: pagination without duplicates or gaps, every filter, cursor checks, summary and action items.
import type { Task } from '@casetasks/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, type Caller, errorFields, json, startApi } from './api-client.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const caller = (org: string, user = 'u-1', role: Caller['role'] = 'manager'): Caller => ({
  party: 'partner',
  org,
  user,
  role,
});

interface TaskListBody {
  items: { id: string; deadline: string; completedAt?: string; type: string; assigneeId: string | null }[];
  nextCursor: string | null;
}
const list = async (api: ApiHarness, who: Caller, query: string): Promise<TaskListBody> => {
  const response = await api.call('GET', `/tasks?${query}`, { as: who });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return json(response) as unknown as TaskListBody;
};

/** Follows nextCursor to the end; returns every page. */
const allPages = async (api: ApiHarness, who: Caller, query: string): Promise<TaskListBody[]> => {
  const pages: TaskListBody[] = [];
  let cursor: string | null = null;
  do {
    const page = await list(api, who, `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
};

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('api-lists');
});
afterAll(async () => {
  await api.stop();
});

describe('pagination', () => {
  const who = caller('p-page');
  let planted: Task[];
  beforeAll(async () => {
    // 35 open tasks, deadlines in shuffled order so the index, not insertion, decides the order.
    const offsets = Array.from({ length: 35 }, (_, i) => ((i * 17) % 35) + 1);
    planted = await Promise.all(
      offsets.map((offset) =>
        api.plant({ type: 'generic', accessLevel: 'partner', orgId: 'p-page', deadline: at(offset * HOUR) }),
      ),
    );
  });

  it('walks 35 open tasks 7 at a time by deadline: no duplicates, no gaps', async () => {
    const pages = await allPages(api, who, 'limit=7');
    const ids = pages.flatMap((page) => page.items.map((item) => item.id));
    expect(pages.every((page) => page.items.length <= 7)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(planted.map((task) => task.id)));
    const deadlines = pages.flatMap((page) => page.items.map((item) => item.deadline));
    expect(deadlines).toEqual([...deadlines].sort());
  });

  it('walks completed tasks newest first', async () => {
    const toComplete = planted.slice(0, 12);
    for (const task of toComplete) {
      expect((await api.call('POST', `/tasks/${task.id}/complete`, { as: who, body: {} })).status).toBe(200);
    }
    const pages = await allPages(api, who, 'status=completed&limit=5');
    const items = pages.flatMap((page) => page.items);
    expect(items.map((item) => item.id).sort()).toEqual(toComplete.map((task) => task.id).sort());
    const completedAt = items.map((item) => item.completedAt ?? '');
    expect(completedAt).toEqual([...completedAt].sort().reverse());
    const open = (await allPages(api, who, 'limit=100')).flatMap((page) => page.items);
    expect(open).toHaveLength(23);
  });

  it('refuses a cursor of another list, another org or a tampered key', async () => {
    const first = await list(api, who, 'limit=3');
    const cursor = first.nextCursor ?? '';
    expect(cursor).not.toBe('');
    const otherList = await api.call('GET', `/tasks?status=completed&cursor=${cursor}`, { as: who });
    expect(otherList.status).toBe(400);
    expect(errorFields(otherList)).toEqual(['cursor']);
    const otherOrg = await api.call('GET', `/tasks?limit=3&cursor=${cursor}`, { as: caller('p-evil') });
    expect(otherOrg.status).toBe(400);
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      i: string;
      k: Record<string, string>;
    };
    const tampered = { ...decoded, k: { ...decoded.k, g1pk: 'partner#p-other#open' } };
    const forged = Buffer.from(JSON.stringify(tampered)).toString('base64url');
    expect((await api.call('GET', `/tasks?limit=3&cursor=${forged}`, { as: who })).status).toBe(400);
  });
});

describe('filters', () => {
  const who = caller('p-filter', 'u-me');
  const tasks: Record<string, Task> = {};
  beforeAll(async () => {
    const plant = (name: string, input: Partial<Task> & { type: Task['type'] }) =>
      api.plant({ accessLevel: 'partner', orgId: 'p-filter', ...input }).then((task) => {
        tasks[name] = task;
      });
    await Promise.all([
      plant('review', { type: 'review_new_case', deadline: at(1 * DAY), caseId: 'case-a' }),
      plant('quote', { type: 'provide_quote', deadline: at(2 * DAY), assigneeId: 'u-me', caseId: 'case-b' }),
      plant('survey', { type: 'update_case_status', deadline: at(3 * DAY), assigneeId: 'u-other', caseId: 'case-a' }),
      plant('call', { type: 'call_reminder', deadline: at(4 * DAY), assigneeId: 'u-me', caseId: 'case-a' }),
      plant('generic', { type: 'generic', deadline: at(10 * DAY) }),
    ]);
  });
  const ids = async (query: string) =>
    (await allPages(api, who, query)).flatMap((page) => page.items.map((item) => item.id));
  const named = (...names: string[]) => names.map((name) => tasks[name]?.id);

  it.each([
    ['tab=new-cases', ['review', 'quote']],
    ['tab=case-updates', ['survey']],
    ['tab=all', ['review', 'quote', 'survey', 'call', 'generic']],
    ['type=call_reminder,generic', ['call', 'generic']],
    ['assignee=me', ['quote', 'call']],
    ['assignee=unassigned', ['review', 'generic']],
    ['assignee=u-other', ['survey']],
    ['caseId=case-a', ['review', 'survey', 'call']],
    ['caseId=case-a&assignee=me', ['call']],
    ['tab=new-cases&assignee=me', ['quote']],
    ['tab=messages&type=generic', []],
    [
      `dueFrom=${encodeURIComponent(at(1.5 * DAY))}&dueTo=${encodeURIComponent(at(4.5 * DAY))}`,
      ['quote', 'survey', 'call'],
    ],
    [`caseId=case-a&dueTo=${encodeURIComponent(at(3.5 * DAY))}`, ['review', 'survey']],
  ])('%s', async (query, expected) => {
    expect(await ids(`${query}&limit=2`)).toEqual(named(...expected));
  });

  it('dueTo is inclusive of the exact deadline', async () => {
    const exact = tasks.call?.deadline ?? '';
    expect(await ids(`dueTo=${encodeURIComponent(exact)}&type=call_reminder`)).toEqual(named('call'));
  });
});

describe('GET /tasks/summary', () => {
  it('counts per tab, overdue and due today (UTC service calendar)', async () => {
    const deadlines = [-2 * DAY, -1 * HOUR, 2 * HOUR, 1 * DAY, 3 * DAY];
    const types = ['review_new_case', 'update_case_status', 'generic', 'provide_quote', 'new_message'] as const;
    await Promise.all(
      deadlines.map((offset, i) =>
        api.plant({ type: types[i] ?? 'generic', accessLevel: 'partner', orgId: 'p-sum', deadline: at(offset) }),
      ),
    );
    const response = await api.call('GET', '/tasks/summary', { as: caller('p-sum') });
    const today = new Date().toISOString().slice(0, 10);
    const dueToday = deadlines.filter((offset) => at(offset).slice(0, 10) === today).length;
    expect(response.status).toBe(200);
    expect(json(response)).toMatchObject({
      tabs: { 'new-cases': 2, 'case-updates': 1, messages: 1, all: 5 },
      overdue: 2,
      day: today,
      timeZone: 'UTC',
    });
    expect(json(response).dueToday).toBe(dueToday);
  });
});

describe('GET /cases/{caseId}/action-items', () => {
  it('splits overdue and upcoming with the catalogue label and CTA', async () => {
    const invoice = await api.plant({
      type: 'invoice_commission',
      accessLevel: 'partner',
      orgId: 'p-act',
      caseId: 'case-x',
      deadline: at(-DAY),
    });
    const review = await api.plant({
      type: 'review_new_case',
      accessLevel: 'partner',
      orgId: 'p-act',
      caseId: 'case-x',
      deadline: at(DAY),
    });
    await api.plant({ type: 'generic', accessLevel: 'partner', orgId: 'p-act', caseId: 'case-y' });
    const response = await api.call('GET', '/cases/case-x/action-items', { as: caller('p-act') });
    expect(response.status).toBe(200);
    expect(json(response)).toEqual({
      caseId: 'case-x',
      overdue: [
        expect.objectContaining({
          taskId: invoice.id,
          label: 'Record Payment',
          cta: 'Record Payment',
          canMarkDone: true,
        }),
      ],
      upcoming: [
        expect.objectContaining({
          taskId: review.id,
          label: 'Review New Case',
          cta: 'Verify case',
          canMarkDone: false,
        }),
      ],
    });
    const asContributor = await api.call('GET', '/cases/case-x/action-items', {
      as: caller('p-act', 'u-c', 'contributor'),
    });
    // Mark as done is the catalogue's AND the caller's permission: not the contributor's on an unassigned task.
    expect((json(asContributor).overdue as { canMarkDone: boolean }[])[0]?.canMarkDone).toBe(false);
  });
});
