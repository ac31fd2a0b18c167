// Issue 19, monthly scorecards and what-if: the partner registry written at task creation, the job (hand-computed
// month, percentiles, idempotent, resumable), the reads (Queries costing exactly their items) and the routes.

import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { runMonthlyScorecards } from '@casetasks/app/jobs';
import { closeTask, creationEntry, newTask, platformActor, type Task, type TaskType } from '@casetasks/core';
import { createTask, creditorScorecards, idealQueryRcu, partnerScorecards, saveChange } from '@casetasks/db';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, type Caller, errorFields, json, startApi } from './api-client.js';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('sla-scorecards');
});
afterAll(async () => api.stop());

interface Fixture {
  orgId: string;
  type: TaskType;
  deadline: string;
  completedAt?: string;
  creditorOrgId?: string;
  party?: 'partner' | 'creditor';
}
/** A task created through the repository (so the registry write is the real one), closed when asked. */
const stored = async ({ orgId, type, deadline, completedAt, creditorOrgId, party = 'partner' }: Fixture) => {
  const id = ulid();
  const task: Task = {
    ...newTask({
      id,
      type,
      party,
      orgId,
      scopeKey: `case#${id}`,
      caseId: `c-${id}`,
      createdAt: '2026-08-28T09:00:00.000Z',
      deadline,
    }),
    ...(creditorOrgId ? { creditorOrgId } : {}),
  };
  await createTask(api.db, task, creationEntry(task, platformActor));
  return completedAt ? saveChange(api.db, closeTask(task, 'auto', platformActor, completedAt)) : task;
};

const scan = async (prefix: string): Promise<Record<string, unknown>[]> => {
  // A test-only full read; the service itself never scans.
  const { Items = [] } = await api.db.client.send(new ScanCommand({ TableName: api.db.tableName }));
  return Items.filter((item) => String(item.pk).startsWith(prefix)).sort((a, b) =>
    `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`),
  );
};

/** November 2026 of p-a as in packages/core/src/scorecard.test.ts: score 59.58 at 2026-12-01T05:00Z. */
const seedNovember = async () => {
  await stored({
    orgId: 'p-a',
    type: 'review_new_case',
    creditorOrgId: 'c-1',
    deadline: '2026-11-05T10:00:00.000Z',
    completedAt: '2026-11-05T09:00:00.000Z',
  });
  await stored({
    orgId: 'p-a',
    type: 'new_message',
    creditorOrgId: 'c-1',
    deadline: '2026-11-10T10:00:00.000Z',
    completedAt: '2026-11-13T22:00:00.000Z',
  });
  await stored({
    orgId: 'p-a',
    type: 'update_case_status',
    creditorOrgId: 'c-2',
    deadline: '2026-11-20T00:00:00.000Z',
    completedAt: '2026-11-27T00:00:00.000Z',
  });
  await stored({ orgId: 'p-a', type: 'provide_quote', deadline: '2026-11-25T12:00:00.000Z' });
  await stored({
    orgId: 'p-a',
    type: 'respond_to_complaint',
    creditorOrgId: 'c-2',
    deadline: '2026-11-15T12:00:00.000Z',
    completedAt: '2026-11-15T11:00:00.000Z',
  });
  // p-b: one review on time (100); p-c: one message 7 days late (0).
  await stored({
    orgId: 'p-b',
    type: 'review_new_case',
    creditorOrgId: 'c-1',
    deadline: '2026-11-12T10:00:00.000Z',
    completedAt: '2026-11-11T10:00:00.000Z',
  });
  await stored({
    orgId: 'p-c',
    type: 'new_message',
    creditorOrgId: 'c-2',
    deadline: '2026-11-02T10:00:00.000Z',
    completedAt: '2026-11-09T10:00:00.000Z',
  });
  // Neither registers: a creditor's task, and a partner task of December.
  await stored({ orgId: 'c-1', party: 'creditor', type: 'new_message', deadline: '2026-11-12T10:00:00.000Z' });
  await stored({ orgId: 'p-d', type: 'review_new_case', deadline: '2026-12-03T10:00:00.000Z' });
};

/** A fixture made by the first test that asks for it, whatever the order the tests run in. */
const once = <T>(make: () => Promise<T>): (() => Promise<T>) => {
  let made: Promise<T> | undefined;
  return () => {
    made ??= make();
    return made;
  };
};
const novemberSeeded = once(seedNovember);
/** November's first job run, at 2026-12-01T05:00Z; the job runs a month once, so every later run finds it done. */
const novemberScored = once(async () => {
  await novemberSeeded();
  return runMonthlyScorecards({ now: '2026-12-01T05:00:00.000Z' });
});

describe('the monthly scorecard job', () => {
  it('registers each partner once per month of original deadline, at task creation', async () => {
    await novemberSeeded();
    const registry = await scan('slaorgs#2026-11#');
    expect(registry.map((item) => item.sk).sort()).toEqual(['p-a', 'p-b', 'p-c']);
    // The first creation's time is kept (five p-a tasks, one item).
    expect(registry.find((item) => item.sk === 'p-a')?.firstAt).toBe('2026-08-28T09:00:00.000Z');
    expect((await scan('slaorgs#2026-12#')).map((item) => item.sk)).toEqual(['p-d']);
  });

  it('snapshots November: scores, creditor views and percentiles among the 3 partners', async () => {
    // Act: the first run (here, or in whichever test asked for November's scores first)
    const summary = await novemberScored();
    // Assess
    expect(summary).toMatchObject({ job: 'monthly-scorecards', month: '2026-11' });
    expect(summary.counts).toEqual({ partners: 3, snapshot: 3, ranked: 3 });
    const november = { from: '2026-11', to: '2026-11' };
    const cardOf = async (org: string) => (await partnerScorecards(api.db, org, november)).scorecards[0];
    expect(await cardOf('p-a')).toMatchObject({
      ...{ score: 59.58, complianceRate: 40, onTimeShare: 45.45, averageLatenessDays: 5.4, counted: 5 },
      // 59.58 beats p-c's 0 only: 1 of 3.
      ...{ percentile: 33.33, rankedPartners: 3, asOf: '2026-12-01T05:00:00.000Z' },
    });
    expect(await cardOf('p-b')).toMatchObject({ score: 100, percentile: 66.67, rankedPartners: 3 });
    expect(await cardOf('p-c')).toMatchObject({ score: 0, percentile: 0, rankedPartners: 3 });
    // c-1 sees p-a on its two tasks (80) and p-b (100); c-2 never shows up in c-1's partition.
    const c1 = await creditorScorecards(api.db, 'c-1', november);
    expect(c1.scorecards.map((card) => [card.partnerOrgId, card.score, card.counted])).toEqual([
      ['p-a', 80, 2],
      ['p-b', 100, 1],
    ]);
  });

  it('a second run, the same day or any later day of the month, writes nothing', async () => {
    await novemberScored();
    const before = await scan('');
    const again = await runMonthlyScorecards({ now: '2026-12-01T05:15:00.000Z' });
    const nextDay = await runMonthlyScorecards({ now: '2026-12-02T05:00:00.000Z' });
    expect([again.counts, nextDay.counts]).toEqual([{ alreadyDone: 1 }, { alreadyDone: 1 }]);
    expect(await scan('')).toEqual(before);
  });

  it('reads are one Query over the snapshots, costing exactly the items returned', async () => {
    await novemberScored();
    const { scorecards, stats } = await partnerScorecards(api.db, 'p-a', { from: '2025-12', to: '2026-11' });
    const stored = await scan('scorecard#p-a');
    expect(scorecards).toHaveLength(1);
    expect(stats.queries).toBe(1);
    expect(stats.consumedRcu).toBe(idealQueryRcu(stored as never));
    const creditor = await creditorScorecards(api.db, 'c-1', { from: '2026-11', to: '2026-11' });
    expect(creditor.stats).toEqual({ queries: 1, consumedRcu: idealQueryRcu((await scan('scorecardc#c-1')) as never) });
  });
});

describe('a run stopped at its budget', () => {
  it('continues from its checkpoint, measures every partner at the first run’s instant, and scores each once', async () => {
    // Prepare: September 2026, three partners.
    for (const org of ['p-r1', 'p-r2', 'p-r3']) {
      await stored({
        orgId: org,
        type: 'review_new_case',
        deadline: '2026-09-10T10:00:00.000Z',
        completedAt: '2026-09-10T09:00:00.000Z',
      });
    }
    const ticks = ['05:00', '05:15', '05:30', '05:45', '06:00', '06:15', '06:30'].map((t) => `2026-10-01T${t}:00.000Z`);
    // Act: every tick stops after its first page of one partner.
    const summaries = [];
    for (const now of ticks) {
      const summary = await runMonthlyScorecards({ now }, { budgetMs: 0, pageSize: 1 });
      summaries.push(summary);
      if (!summary.checkpoint) break;
    }
    // Assess
    expect(summaries.slice(0, 3).every((summary) => summary.checkpoint !== undefined)).toBe(true);
    const last = summaries.at(-1);
    expect(last?.checkpoint).toBeUndefined();
    expect(last?.counts).toEqual({ partners: 3, snapshot: 3, ranked: 3 });
    for (const org of ['p-r1', 'p-r2', 'p-r3']) {
      const [card] = (await partnerScorecards(api.db, org, { from: '2026-09', to: '2026-09' })).scorecards;
      expect(card).toMatchObject({ score: 100, asOf: '2026-10-01T05:00:00.000Z', percentile: 0, rankedPartners: 3 });
    }
  });
});

describe('routes', () => {
  const partner: Caller = { party: 'partner', org: 'p-a', user: 'u-1', role: 'manager' };
  const creditor: Caller = { party: 'creditor', org: 'c-1', user: 'u-2', role: 'owner' };
  const november = '/sla/scorecards?from=2026-11&to=2026-11';

  it('a partner gets its own trend; Accept: text/csv gets the same as CSV', async () => {
    await novemberScored();
    const response = await api.call('GET', november, { as: partner });
    expect(response.status).toBe(200);
    expect(json(response)).toMatchObject({ view: 'partner', orgId: 'p-a', from: '2026-11', to: '2026-11' });
    expect((json(response).scorecards as { score: number }[]).map((card) => card.score)).toEqual([59.58]);
    const csv = await api.call('GET', november, { as: partner, headers: { accept: 'text/csv' } });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.body).toBe(
      'month,score,complianceRate,onTimeShare,averageLatenessDays,counted,onTime,late,notYetDue,percentile,rankedPartners\r\n' +
        '2026-11,59.58,40,45.45,5.4,5,2,3,0,33.33,3\r\n',
    );
  });

  it('a creditor sees its partners restricted to its own cases, never another creditor’s', async () => {
    await novemberScored();
    const response = await api.call('GET', november, { as: creditor, headers: { accept: 'text/csv' } });
    expect(response.status).toBe(200);
    expect(response.body).toBe(
      'month,partnerOrgId,score,complianceRate,onTimeShare,averageLatenessDays,counted,onTime,late,notYetDue\r\n' +
        '2026-11,p-a,80,50,60,3.5,2,1,1,0\r\n' +
        '2026-11,p-b,100,100,100,,1,1,0,0\r\n',
    );
    const other = await api.call('GET', november, { as: { ...creditor, org: 'c-9' } });
    expect(json(other).scorecards).toEqual([]);
  });

  it('a month range that is not one is 400 naming the field', async () => {
    const bad = await api.call('GET', '/sla/scorecards?from=2026-13', { as: partner });
    expect([bad.status, errorFields(bad)]).toEqual([400, ['from']]);
    const long = await api.call('GET', '/sla/scorecards?from=2024-01&to=2026-11', { as: partner });
    expect([long.status, errorFields(long)]).toEqual([400, ['to']]);
  });

  describe('what-if', () => {
    // October, not November: p-w's tasks must not join the partners November's job ranks (tests run in any order).
    const period = 'from=2026-10-01&to=2026-11-01';
    let open: Task;
    let done: Task;
    let othersTask: Task;
    beforeAll(async () => {
      // p-w: a message due 10-17, still open (weeks late by now: points 0), and one completed on time.
      open = await stored({ orgId: 'p-w', type: 'new_message', deadline: '2026-10-17T00:00:00.000Z' });
      done = await stored({
        orgId: 'p-w',
        type: 'update_case_status',
        deadline: '2026-10-18T00:00:00.000Z',
        completedAt: '2026-10-17T00:00:00.000Z',
      });
      othersTask = await stored({ orgId: 'p-x', type: 'new_message', deadline: '2026-10-17T00:00:00.000Z' });
    });
    const who: Caller = { party: 'partner', org: 'p-w', user: 'u-3', role: 'manager' };

    it('completing the open message 1.5 days late: 100 × (2 × (1 − 1.5/7) + 1) / 3 = 85.71', async () => {
      const response = await api.call(
        'GET',
        `/sla/score/what-if?${period}&complete=${open.id}&at=2026-10-18T12:00:00.000Z`,
        {
          as: who,
        },
      );
      expect(response.status).toBe(200);
      const body = json(response) as { current: { score: number }; whatIf: { score: number }; changed: unknown[] };
      expect(body.current.score).toBe(33.33);
      expect(body.whatIf.score).toBe(85.71);
      expect(body.changed).toEqual([
        {
          taskId: open.id,
          before: expect.objectContaining({ status: 'open', points: 0 }),
          after: expect.objectContaining({ status: 'completed', latenessDays: 1.5, points: 0.7857 }),
        },
      ]);
    });

    it('is 400 naming `complete` for a completed task, another org’s task or more than 50 ids; nothing written', async () => {
      const before = await api.snapshot();
      const many = Array.from({ length: 51 }, () => ulid()).join(',');
      for (const complete of [done.id, othersTask.id, many]) {
        const response = await api.call('GET', `/sla/score/what-if?${period}&complete=${complete}`, { as: who });
        expect([response.status, errorFields(response)]).toEqual([400, ['complete']]);
      }
      expect(await api.snapshot()).toBe(before);
    });

    it('is 403 for a creditor', async () => {
      const response = await api.call('GET', `/sla/score/what-if?${period}&complete=${open.id}`, { as: creditor });
      expect(response.status).toBe(403);
    });
  });
});
