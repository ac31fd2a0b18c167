// GET /tasks/export over real HTTP: exact CSV, filters, access, every page in order, the bound, bad input.
import { exportTasks, TaskExportTooLargeError } from '@casetasks/app/tasks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, type Caller, errorFields, startApi } from './api-client.js';

const HEADER =
  'id,type,title,status,caseId,assigneeId,createdAt,deadline,originalDeadline,slaDeadline,completedAt,resolution,' +
  'caseReference,debtorName,currency,outstandingAmount,overdueAmount,invoiceCount\r\n';
const caller = (org: string, user = 'u-1'): Caller => ({ party: 'partner', org, user, role: 'manager' });
const at = (day: number) => `2026-12-${String(day).padStart(2, '0')}T09:00:00.000Z`;

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('api-export');
});
afterAll(async () => api.stop());

const exported = async (who: Caller, query = '') => {
  const response = await api.call('GET', `/tasks/export${query ? `?${query}` : ''}`, { as: who });
  expect(response.status, String(response.body)).toBe(200);
  return { text: String(response.body), headers: response.headers };
};
const ids = (text: string) =>
  text
    .split('\r\n')
    .slice(1, -1)
    .map((row) => row.split(',')[0]);

/** 120 open tasks of `org` (more than the page size of 100), deadlines a minute apart in a shuffled order. */
const plant120 = async (org: string) => {
  const planted = [];
  for (let i = 0; i < 120; i++) {
    const deadline = new Date(Date.parse(at(20)) + ((i * 37) % 120) * 60_000).toISOString();
    planted.push(await api.plant({ type: 'generic', accessLevel: 'partner', orgId: org, deadline }));
  }
  return planted;
};

describe('GET /tasks/export', () => {
  it('renders 3 tasks exactly: RFC 4180 quoting and formulas neutralised', async () => {
    const org = 'p-exact';
    const base = { type: 'generic', accessLevel: 'partner', orgId: org, createdAt: at(1) } as const;
    const a = await api.plant({ ...base, title: 'Call "Hansen", then mail', deadline: at(10), caseId: 'c-1' });
    const b = await api.plant({ ...base, title: '=HYPERLINK("http://x")', deadline: at(11), assigneeId: 'u-1' });
    const c = await api.plant({ ...base, title: '-2+3\nnext line', deadline: at(12) });
    const { text, headers } = await exported(caller(org));
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('content-disposition')).toMatch(/^attachment; filename="tasks-\d{4}-\d{2}-\d{2}\.csv"$/);
    const dates = (day: number) => `${at(1)},${at(day)},${at(day)},,,,,,,,,`;
    expect(text).toBe(
      HEADER +
        `${a.id},generic,"Call ""Hansen"", then mail",open,c-1,,${dates(10)}\r\n` +
        `${b.id},generic,"'=HYPERLINK(""http://x"")",open,,u-1,${dates(11)}\r\n` +
        `${c.id},generic,"'-2+3\nnext line",open,,,${dates(12)}\r\n`,
    );
  });

  it('applies the list filters (status, tab, assignee) and shows only the caller’s org and party', async () => {
    const org = 'p-filters';
    const base = { accessLevel: 'partner', orgId: org } as const;
    const mine = await api.plant({ ...base, type: 'generic', assigneeId: 'u-1', deadline: at(3) });
    const call = await api.plant({ ...base, type: 'review_new_case', caseId: 'c-9', deadline: at(4) });
    await api.plant({ type: 'generic', accessLevel: 'partner', orgId: 'p-other', deadline: at(2) });
    await api.plant({ type: 'generic', accessLevel: 'creditor', orgId: org, deadline: at(2) });
    const done = await api.plant({ ...base, type: 'generic', deadline: at(5) });
    expect((await api.call('POST', `/tasks/${done.id}/complete`, { as: caller(org), body: {} })).status).toBe(200);
    expect(ids((await exported(caller(org))).text)).toEqual([mine.id, call.id]);
    expect(ids((await exported(caller(org), 'assignee=me')).text)).toEqual([mine.id]);
    expect(ids((await exported(caller(org), 'tab=new-cases')).text)).toEqual([call.id]);
    const completed = (await exported(caller(org), 'status=completed')).text;
    expect(ids(completed)).toEqual([done.id]);
    expect(completed).toMatch(/,completed,.*,done,,,,,,\r\n$/);
    expect((await exported(caller('p-nobody'))).text).toBe(HEADER);
  });

  it('exports every page, in the list order (120 tasks > the page size of 100)', async () => {
    const org = 'p-pages';
    const planted = await plant120(org);
    const expected = [...planted].sort((x, y) => x.deadline.localeCompare(y.deadline)).map((task) => task.id);
    expect(ids((await exported(caller(org))).text)).toEqual(expected);
  });

  it('refuses a list beyond the bound: 413, all or nothing', async () => {
    await plant120('p-bound');
    const principal = { party: 'partner', orgId: 'p-bound', userId: 'u-1', role: 'manager' } as const;
    const query = { status: 'open' } as const;
    await expect(exportTasks(principal, query, { maxRows: 119, maxBytes: 5_000_000 })).rejects.toThrow(
      TaskExportTooLargeError,
    );
    await expect(exportTasks(principal, query, { maxRows: 120, maxBytes: 5_000 })).rejects.toMatchObject({
      statusCode: 413,
      code: 'payload_too_large',
    });
    expect((await exportTasks(principal, query, { maxRows: 120, maxBytes: 5_000_000 })).rows).toBe(120);
  });

  it.each([
    ['status=late', 'status'],
    ['limit=10', 'limit'],
    ['cursor=abc', 'cursor'],
    ['type=generic,nope', 'type'],
    ['dueFrom=2026-12-05&dueTo=2026-12-01', 'dueTo'],
    ['assignee=a%23b', 'assignee'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const response = await api.call('GET', `/tasks/export?${query}`, { as: caller('p-exact') });
    expect(response.status).toBe(400);
    expect(errorFields(response).map((name) => name.split('.')[0])).toContain(field);
  });
});
