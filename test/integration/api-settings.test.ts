// Org settings over real HTTP: defaults, owner-only replacement per section, isolation between orgs, 403/400 writing
// nothing, and a changed calendar or auto-assignment rule applying to the next manual task.

import { resetClients, resetConfig } from '@casetasks/app/runtime';
import { addWorkingDays, DEFAULT_REMINDER_SETTINGS, holidayYearsNeeded } from '@casetasks/core';
import { countryCalendar, HOLIDAY_SOURCE, materialiseHolidays } from '@casetasks/core/holidays';
import { getOrgSettings, holidayRefreshPages } from '@casetasks/db';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { deploymentCalendarEnvironment } from '../../infra/stacks/deployment-calendar.js';
import { type ApiHarness, type Caller, errorFields, json, startApi } from './api-client.js';

const owner: Caller = { party: 'partner', org: 'p-set', user: 'u-boss', role: 'owner' };
const manager: Caller = { ...owner, user: 'u-mgr', role: 'manager' };
const contributor: Caller = { ...owner, user: 'u-con', role: 'contributor' };
const creditorOwner: Caller = { party: 'creditor', org: 'c-set', user: 'u-cred', role: 'owner' };

const calendar = { timeZone: 'Europe/Copenhagen', country: 'DK', closedDays: ['2026-12-31'] };
const reminders = {
  warnings: [{ percentOfTime: 50 }, { businessDaysBefore: 1 }],
  escalation: { businessDaysOverdue: 2 },
};
const autoAssignment = { rules: { call_reminder: { strategy: 'least_open', userIds: ['u-a', 'u-b'] } } };

const sections = [
  {
    path: '/settings/calendar',
    body: calendar,
    // The deployment calendar: CALENDAR_TIME_ZONE is unset in tests (UTC), no CALENDAR_COUNTRY.
    fallback: { timeZone: 'UTC', country: null, closedDays: [] },
  },
  { path: '/settings/reminders', body: reminders, fallback: DEFAULT_REMINDER_SETTINGS },
  { path: '/settings/auto-assignment', body: autoAssignment, fallback: { rules: {} } },
] as const;

/** A caller of a fresh org, so each test starts from defaults. */
let orgs = 0;
const freshOrg = (caller: Caller): Caller => {
  orgs += 1;
  return { ...caller, org: `${caller.org}-${orgs}` };
};

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('api-settings');
});
afterAll(async () => {
  await api.stop();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('GET /settings/*', () => {
  it.each(sections)('$path answers the effective default to every role of an org that never set it', async (s) => {
    // Prepare
    const boss = freshOrg(owner);
    const before = await api.snapshot();
    // Act
    const responses = await Promise.all(
      (['owner', 'manager', 'contributor'] as const).map((role) => api.call('GET', s.path, { as: { ...boss, role } })),
    );
    // Assess
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(json(response)).toEqual({ ...s.fallback, version: 0, isDefault: true });
    }
    expect(await api.snapshot(), 'a read writes nothing').toBe(before);
  });

  it('shows the deployment calendar of CALENDAR_TIME_ZONE / CALENDAR_COUNTRY as the default', async () => {
    // Prepare
    const boss = freshOrg(owner);
    const saved = { zone: process.env.CALENDAR_TIME_ZONE, country: process.env.CALENDAR_COUNTRY };
    try {
      process.env.CALENDAR_TIME_ZONE = 'Europe/Berlin';
      process.env.CALENDAR_COUNTRY = 'DE';
      resetConfig();
      // Act
      const withCountry = await api.call('GET', '/settings/calendar', { as: boss });
      process.env.CALENDAR_COUNTRY = '';
      resetConfig();
      const weekendsOnly = await api.call('GET', '/settings/calendar', { as: boss });
      // Assess
      expect(json(withCountry)).toMatchObject({ timeZone: 'Europe/Berlin', country: 'DE', closedDays: [] });
      expect(json(weekendsOnly)).toMatchObject({ timeZone: 'Europe/Berlin', country: null, isDefault: true });
    } finally {
      for (const [name, value] of [
        ['CALENDAR_TIME_ZONE', saved.zone],
        ['CALENDAR_COUNTRY', saved.country],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      resetConfig();
    }
  });
});

describe('PUT /settings/*', () => {
  it.each(sections)('$path: an owner replaces the section; PUT answers what GET then reads', async (s) => {
    // Prepare
    const boss = freshOrg(owner);
    const started = Date.now();
    // Act
    const put = await api.call('PUT', s.path, { as: boss, body: s.body });
    const get = await api.call('GET', s.path, { as: { ...boss, user: 'u-someone-else', role: 'contributor' } });
    // Assess
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(json(put)).toEqual({
      ...s.body,
      version: 1,
      isDefault: false,
      updatedBy: boss.user,
      updatedAt: expect.any(String),
    });
    expect(Date.parse(String(json(put).updatedAt))).toBeGreaterThanOrEqual(started - 1000);
    expect(get.status).toBe(200);
    expect(json(get)).toEqual(json(put));
  });

  it('counts every change in one version and leaves the other sections as they were', async () => {
    // Prepare
    const boss = freshOrg(owner);
    const colleague = { ...boss, user: 'u-boss-2' };
    // Act
    const first = await api.call('PUT', '/settings/calendar', { as: boss, body: calendar });
    const second = await api.call('PUT', '/settings/reminders', { as: colleague, body: reminders });
    const third = await api.call('PUT', '/settings/calendar', {
      as: boss,
      body: { timeZone: 'Europe/Oslo', country: null, closedDays: [] },
    });
    const [calendarView, remindersView, assignmentView] = await Promise.all(
      sections.map((s) => api.call('GET', s.path, { as: boss }).then(json)),
    );
    // Assess
    expect([first, second, third].map((response) => json(response).version)).toEqual([1, 2, 3]);
    expect(calendarView).toMatchObject({ timeZone: 'Europe/Oslo', country: null, closedDays: [], isDefault: false });
    // Reminders keep the colleague's value although the calendar changed after it.
    expect(remindersView).toMatchObject({ ...reminders, isDefault: false, version: 3 });
    // Never set: still the default, with the org's version and last author.
    expect(assignmentView).toEqual({
      rules: {},
      isDefault: true,
      version: 3,
      updatedBy: boss.user,
      updatedAt: expect.any(String),
    });
  });

  it('keeps orgs and parties apart: another org, or the other party with the same org id, reads its own defaults', async () => {
    // Prepare
    const boss = freshOrg(owner);
    await api.call('PUT', '/settings/calendar', { as: boss, body: calendar });
    const strangers: Caller[] = [
      { ...boss, org: `${boss.org}-other`, user: 'u-x' },
      { party: 'creditor', org: boss.org, user: 'u-c', role: 'owner' },
    ];
    // Act
    const views = await Promise.all(strangers.map((as) => api.call('GET', '/settings/calendar', { as }).then(json)));
    // Assess
    for (const view of views) expect(view).toEqual({ ...sections[0].fallback, version: 0, isDefault: true });
    expect(json(await api.call('GET', '/settings/calendar', { as: boss }))).toMatchObject({ ...calendar, version: 1 });
  });

  it('accepts the empty forms: no warnings, no escalation, no rules, weekends only', async () => {
    // Prepare
    const boss = freshOrg(owner);
    const bodies = {
      '/settings/calendar': { timeZone: 'UTC', country: null, closedDays: [] },
      '/settings/reminders': { warnings: [], escalation: null },
      '/settings/auto-assignment': { rules: {} },
    };
    // Act
    const responses = await Promise.all(
      Object.entries(bodies).map(([path, body]) => api.call('PUT', path, { as: boss, body })),
    );
    // Assess
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(responses.map(json)).toEqual(
      Object.values(bodies).map((body) => expect.objectContaining({ ...body, isDefault: false })),
    );
  });
});

describe('public holidays materialised on save (issue 17)', () => {
  /** The org's entry in the calendar-refresh job's partition, if any. */
  const refreshEntryOf = async (org: string) => {
    for await (const page of holidayRefreshPages(api.db)) {
      const entry = page.entries.find((candidate) => candidate.orgId === org);
      if (entry) return entry;
    }
    return undefined;
  };

  it('PUT with a country stores its holidays for the whole input domain and registers the org; GET never shows them', async () => {
    // Prepare
    const boss = freshOrg(owner);
    // Act
    const put = await api.call('PUT', '/settings/calendar', { as: boss, body: calendar });
    const get = await api.call('GET', '/settings/calendar', { as: boss });
    const stored = await getOrgSettings(api.db, boss.party, boss.org, true);
    // Assess
    expect(json(put)).not.toHaveProperty('holidays');
    expect(json(get)).toEqual(json(put));
    expect(stored.holidays).toEqual(materialiseHolidays('DK', holidayYearsNeeded()));
    expect(stored.holidays).toMatchObject({ format: 1, country: 'DK', source: HOLIDAY_SOURCE, fromYear: 1999 });
    expect(await refreshEntryOf(boss.org)).toMatchObject({
      party: 'partner',
      country: 'DK',
      source: HOLIDAY_SOURCE,
      throughYear: holidayYearsNeeded().throughYear,
    });
  });

  it('PUT without a country removes the holidays and the refresh entry', async () => {
    // Prepare
    const boss = freshOrg(owner);
    await api.call('PUT', '/settings/calendar', { as: boss, body: calendar });
    // Act
    const put = await api.call('PUT', '/settings/calendar', { as: boss, body: { ...calendar, country: null } });
    // Assess
    expect(put.status).toBe(200);
    expect((await getOrgSettings(api.db, boss.party, boss.org, true)).holidays).toBeUndefined();
    expect(await refreshEntryOf(boss.org)).toBeUndefined();
  });

  it('the deployment calendar counts the holidays synth materialised into CALENDAR_HOLIDAYS', async () => {
    // Prepare: a DK deployment as synth would configure it; Wed 23 Dec 2026, 10:00 in Copenhagen.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-23T09:00:00.000Z'));
    const boss = { ...freshOrg(owner), user: 'u-deployment-calendar' };
    const environment = deploymentCalendarEnvironment('Europe/Copenhagen', 'DK', new Date());
    const saved = Object.fromEntries(Object.keys(environment).map((name) => [name, process.env[name]]));
    try {
      Object.assign(process.env, environment);
      resetConfig();
      resetClients();
      // Act
      const response = await api.call('POST', '/tasks', { as: boss, body: { title: 'Call', dueInBusinessDays: 2 } });
      // Assess: Thu 24 counts; Fri 25, Sat 26 (holidays) and Sunday do not → Mon 28 Dec 10:00.
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      expect(json(response).deadline).toBe('2026-12-28T09:00:00.000Z');
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      resetConfig();
      resetClients();
    }
  });
});

describe('settings take effect on the next task', () => {
  it('a changed calendar moves the deadline of the next POST /tasks with dueInBusinessDays', async () => {
    // Prepare: Wednesday 23 Dec 2026, 10:00 in Copenhagen. Tokens are signed at this fake "now", so the
    // callers are new ones (the harness caches tokens per caller).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-23T09:00:00.000Z'));
    const boss = { ...freshOrg(owner), user: 'u-fake-time' };
    const create = async () => {
      const response = await api.call('POST', '/tasks', { as: boss, body: { title: 'Call', dueInBusinessDays: 2 } });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return String(json(response).deadline);
    };
    const danish = { timeZone: 'Europe/Copenhagen', country: 'DK', closedDays: [] };
    // Act
    const onDefault = await create();
    await api.call('PUT', '/settings/calendar', { as: boss, body: danish });
    const onDanish = await create();
    await api.call('PUT', '/settings/calendar', { as: boss, body: { ...danish, closedDays: ['2026-12-24'] } });
    const withClosedDay = await create();
    // Assess
    // UTC, weekends only: Thu 24, Fri 25.
    expect(onDefault).toBe('2026-12-25T09:00:00.000Z');
    // date-holidays: 24 Dec is only an observance in DK (a working day); 25 and 26 are public holidays.
    expect(onDanish).toBe('2026-12-28T09:00:00.000Z');
    // The company closes on the 24th as well.
    expect(withClosedDay).toBe('2026-12-29T09:00:00.000Z');
    const reference = countryCalendar({ ...danish, closedDays: ['2026-12-24'] });
    expect(withClosedDay).toBe(addWorkingDays(reference, new Date(), 2).toISOString());
  });

  it('an auto-assignment rule assigns the next task created without assigneeId; null stays unassigned', async () => {
    // Prepare
    const boss = freshOrg(owner);
    const body = { title: 'Call', dueInBusinessDays: 2 };
    await api.call('PUT', '/settings/auto-assignment', {
      as: boss,
      body: { rules: { generic: { strategy: 'round_robin', userIds: ['u-a', 'u-b'] } } },
    });
    // Act
    const first = json(await api.call('POST', '/tasks', { as: boss, body }));
    const second = json(await api.call('POST', '/tasks', { as: boss, body }));
    const unassigned = json(await api.call('POST', '/tasks', { as: boss, body: { ...body, assigneeId: null } }));
    // Assess
    expect([first.assigneeId, second.assigneeId]).toEqual(['u-a', 'u-b']);
    expect(unassigned.assigneeId).toBeNull();
  });
});

describe('refused changes write nothing', () => {
  it.each(
    sections.flatMap((s) => [manager, contributor].map((caller) => [s.path, caller.role, caller, s.body] as const)),
  )('PUT %s as %s → 403', async (path, _role, caller, body) => {
    // Prepare
    const before = await api.snapshot();
    // Act
    const response = await api.call('PUT', path, { as: caller, body });
    // Assess
    expect(response.status).toBe(403);
    expect(json(response).error).toEqual({ code: 'forbidden', message: 'only owners may change settings' });
    expect(await api.snapshot(), 'nothing written').toBe(before);
  });

  const badInputs: [name: string, path: string, body: unknown, field: string, as?: Caller][] = [
    ['unknown time zone', '/settings/calendar', { ...calendar, timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['lowercase country', '/settings/calendar', { ...calendar, country: 'dk' }, 'country'],
    ['country date-holidays does not know', '/settings/calendar', { ...calendar, country: 'XX' }, 'country'],
    ['impossible closed day', '/settings/calendar', { ...calendar, closedDays: ['2026-02-30'] }, 'closedDays.0'],
    [
      'closed day with a time',
      '/settings/calendar',
      { ...calendar, closedDays: ['2026-12-24T00:00:00Z'] },
      'closedDays.0',
    ],
    ['missing country (null is how to say none)', '/settings/calendar', { timeZone: 'UTC', closedDays: [] }, 'country'],
    ['unknown calendar field', '/settings/calendar', { ...calendar, workdays: [1, 2, 3] }, 'workdays'],
    [
      'percentOfTime 0',
      '/settings/reminders',
      { ...reminders, warnings: [{ percentOfTime: 0 }] },
      'warnings.0.percentOfTime',
    ],
    [
      'percentOfTime 100',
      '/settings/reminders',
      { ...reminders, warnings: [{ percentOfTime: 100 }] },
      'warnings.0.percentOfTime',
    ],
    [
      'the same threshold twice',
      '/settings/reminders',
      { ...reminders, warnings: [{ businessDaysBefore: 3 }, { percentOfTime: 50 }, { businessDaysBefore: 3 }] },
      'warnings.2',
    ],
    [
      'escalation after 0 days',
      '/settings/reminders',
      { ...reminders, escalation: { businessDaysOverdue: 0 } },
      'escalation.businessDaysOverdue',
    ],
    ['unknown reminders field', '/settings/reminders', { ...reminders, quietHours: true }, 'quietHours'],
    [
      'a user listed twice',
      '/settings/auto-assignment',
      { rules: { generic: { strategy: 'round_robin', userIds: ['u-a', 'u-b', 'u-a'] } } },
      'rules.generic.userIds.2',
    ],
    [
      'a rule without users',
      '/settings/auto-assignment',
      { rules: { generic: { strategy: 'least_open', userIds: [] } } },
      'rules.generic.userIds',
    ],
    [
      'an unknown strategy',
      '/settings/auto-assignment',
      { rules: { generic: { strategy: 'random', userIds: ['u-a'] } } },
      'rules.generic.strategy',
    ],
    [
      'an unknown task type',
      '/settings/auto-assignment',
      { rules: { chores: { strategy: 'least_open', userIds: ['u-a'] } } },
      'rules.chores',
    ],
    [
      'a creditor-only type for a partner org',
      '/settings/auto-assignment',
      { rules: { select_quote_winner: { strategy: 'least_open', userIds: ['u-a'] } } },
      'rules.select_quote_winner',
    ],
    [
      'a partner-only type for a creditor org',
      '/settings/auto-assignment',
      {
        rules: {
          generic: { strategy: 'least_open', userIds: ['u-a'] },
          call_reminder: { strategy: 'least_open', userIds: ['u-a'] },
        },
      },
      'rules.call_reminder',
      creditorOwner,
    ],
    ['unknown auto-assignment field', '/settings/auto-assignment', { ...autoAssignment, fallback: 'u-a' }, 'fallback'],
  ];

  it.each(badInputs)('%s → 400 naming it', async (_name, path, body, field, as = owner) => {
    // Prepare
    const before = await api.snapshot();
    // Act
    const response = await api.call('PUT', path, { as, body });
    // Assess
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(errorFields(response)).toEqual([field]);
    expect(await api.snapshot(), 'nothing written').toBe(before);
  });

  it('the org keeps its previous settings after a refused change', async () => {
    // Prepare
    const boss = freshOrg(owner);
    await api.call('PUT', '/settings/calendar', { as: boss, body: calendar });
    // Act
    const refused = await api.call('PUT', '/settings/calendar', { as: boss, body: { ...calendar, country: 'XX' } });
    const view = await api.call('GET', '/settings/calendar', { as: boss });
    // Assess
    expect(refused.status).toBe(400);
    expect(json(refused).error).toMatchObject({ code: 'invalid_calendar' });
    expect(json(view)).toMatchObject({ ...calendar, version: 1 });
  });
});
