// Local mode's clock over real HTTP: GET/POST /local/clock, deadlines from the moved now, the paused-case follow-up and the
// scheduled jobs on the crossed schedule points (GET /local/jobs).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiHarness, type Caller, errorFields, json, startApi } from './api-client.js';

const DAY = 86_400_000;
const partner: Caller = { party: 'partner', org: 'p-clk', user: 'u-1', role: 'manager' };
const submitted = (caseId: string) => ({
  source: 'platform',
  'detail-type': 'Case Submitted',
  detail: {
    caseId,
    creditorOrgId: 'c-clk',
    partnerOrgId: 'p-clk',
    hasBankAccount: true,
    contractSigned: true,
    requiresQuote: false,
  },
});

interface ClockState {
  now: string;
  real: string;
  offsetMs: number;
}
interface ClockMoved {
  now: string;
  jobsRun: { name: string; scheduledAt: string; summary?: { counts: Record<string, number> }; error?: string }[];
  workflows: { running: number; finished: number };
}
interface OutboxItem {
  detailType: string;
  createdAt: string;
  detail: { task?: { id: string; type: string; caseId: string | null } };
}

// The clock only moves forward, so every test gets a server (table, clock, workflows, job runs) of its own.
let api: ApiHarness;
beforeEach(async () => {
  api = await startApi('local-clock', { workflow: true });
});
afterEach(async () => {
  await api.stop();
});

const clock = async () => json(await api.call('GET', '/local/clock')) as unknown as ClockState;
const move = (body: unknown) => api.call('POST', '/local/clock', { body });
const outbox = async () => json(await api.call('GET', '/local/outbox')).items as OutboxItem[];
/** A task a partner manager creates (a generic task: warned 3 business days ahead). */
const createManualTask = async () => {
  const created = await api.call('POST', '/tasks', {
    as: partner,
    body: { type: 'generic', title: 'Call the debtor', dueInBusinessDays: 5 },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return json(created) as unknown as { id: string; createdAt: string; deadline: string };
};
const tasksOf = async (caseId: string) =>
  (json(await api.call('GET', `/tasks?caseId=${caseId}`, { as: partner })).items ?? []) as {
    id: string;
    type: string;
    createdAt: string;
    deadline: string;
  }[];

describe('GET/POST /local/clock', () => {
  it('starts on real time, advances by a duration and refuses to go backwards', async () => {
    // Prepare
    const start = await clock();
    expect(start.offsetMs).toBe(0);
    expect(start.now).toBe(start.real);

    // Act
    const advanced = await move({ advance: 'P3D' });

    // Assess
    expect(advanced.status, JSON.stringify(advanced.body)).toBe(200);
    const after = await clock();
    expect(after.offsetMs).toBe(3 * DAY);
    expect(Date.parse(after.now) - Date.parse(after.real)).toBe(3 * DAY);
    expect(Date.parse((json(advanced) as unknown as ClockMoved).now)).toBeGreaterThanOrEqual(
      Date.parse(start.now) + 3 * DAY,
    );
    const backwards = await move({ now: new Date(Date.parse(after.now) - DAY).toISOString() });
    expect(backwards.status).toBe(400);
    expect(errorFields(backwards)).toEqual(['now']);
    const toReal = await move({ real: true });
    expect(toReal.status).toBe(409);
    expect((await clock()).offsetMs, 'nothing moved').toBe(3 * DAY);
  });

  it('400 naming advance for a duration that is malformed, zero, negative or over P400D; 400 body for none or two', async () => {
    for (const advance of ['soon', 'P0D', '-P1D', 'P401D', 'P']) {
      const response = await move({ advance });
      expect(response.status, advance).toBe(400);
      expect(errorFields(response), advance).toEqual(['advance']);
    }
    expect(errorFields(await move({}))).toEqual(['body']);
    expect(errorFields(await move({ advance: 'P1D', real: true }))).toEqual(['body']);
  });
});

describe('the service follows the local clock', () => {
  it('a task created after advancing has its creation and deadline from the advanced now', async () => {
    // Prepare
    expect((await move({ advance: 'P3D' })).status).toBe(200);
    const before = await clock();

    // Act
    const sent = await api.call('POST', '/local/events', { body: submitted('case-clk-1') });

    // Assess
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const [task] = await tasksOf('case-clk-1');
    expect(task, 'a task was created').toBeDefined();
    expect(Date.parse(task?.createdAt ?? '')).toBeGreaterThanOrEqual(Date.parse(before.now));
    expect(Date.parse(task?.deadline ?? '')).toBeGreaterThan(Date.parse(before.now));
    const manual = await createManualTask();
    expect(Date.parse(manual.createdAt)).toBeGreaterThanOrEqual(Date.parse(before.now));
    // 5 business days are at least 5 days after the advanced now (on real time they would end 3 days earlier).
    expect(Date.parse(manual.deadline)).toBeGreaterThanOrEqual(Date.parse(before.now) + 5 * DAY);
  });
});

describe('moving the clock runs the workflows and the jobs it crosses', () => {
  it('the paused-case follow-up reminds and finishes, and deadline-reminders runs on the crossed hours', async () => {
    // Prepare: an open manual task; a survey pauses case-clk-2.
    const manual = await createManualTask();
    await api.call('POST', '/local/events', { body: submitted('case-clk-2') });
    const pause = await api.call('POST', '/local/events', {
      body: [
        {
          source: 'platform',
          'detail-type': 'Case Status Changed',
          detail: { caseId: 'case-clk-2', status: 'active' },
        },
        {
          source: 'platform',
          'detail-type': 'Case Survey Submitted',
          detail: { caseId: 'case-clk-2', surveyId: 's-clk', outcome: 'pause', unblockingParty: 'partner' },
        },
      ],
    });
    expect(pause.status, JSON.stringify(pause.body)).toBe(200);
    await api.server.workflow?.settled();
    const execution = () =>
      api.server.workflow?.executions().find((candidate) => candidate.input.caseId === 'case-clk-2');
    expect(execution()?.status).toBe('waiting');
    const pausedAt = Date.parse((await clock()).now);

    // Act: to an hour before the manual task's deadline (within its 3-business-day warning), then 30 days
    // (the follow-up's 14 business days + 7).
    const hours = json(
      await move({ now: new Date(Date.parse(manual.deadline) - 3_600_000).toISOString() }),
    ) as unknown as ClockMoved;
    const month = await move({ advance: 'P30D' });

    // Assess
    expect(month.status, JSON.stringify(month.body)).toBe(200);
    const moved = json(month) as unknown as ClockMoved;
    expect(Date.parse(moved.now)).toBeGreaterThanOrEqual(pausedAt + 30 * DAY);
    expect(execution()?.status).toBe('succeeded');
    expect(moved.workflows).toEqual({ running: 0, finished: 1 });
    const reminderRuns = [...hours.jobsRun, ...moved.jobsRun].filter((run) => run.name === 'deadline-reminders');
    expect(reminderRuns.length).toBeGreaterThanOrEqual(2);
    for (const run of reminderRuns) {
      expect(run.scheduledAt, 'on the hour').toMatch(/T\d\d:00:00\.000Z$/);
      expect(run.error).toBeUndefined();
      expect(run.summary?.counts).toBeDefined();
    }
    expect(reminderRuns.at(-1)?.scheduledAt).toBe(`${moved.now.slice(0, 13)}:00:00.000Z`);
    const listed = json(await api.call('GET', '/local/jobs')) as {
      jobs: { name: string; nextRunAt: string }[];
      runs: { scheduledAt: string; name: string }[];
    };
    // The listing ends with these runs.
    const listedReminders = listed.runs.filter((run) => run.name === 'deadline-reminders');
    expect(listedReminders.slice(-reminderRuns.length).map((run) => run.scheduledAt)).toEqual(
      reminderRuns.map((run) => run.scheduledAt),
    );
    expect(listed.jobs.find((job) => job.name === 'deadline-reminders')?.nextRunAt).toBe(
      new Date(Date.parse(reminderRuns.at(-1)?.scheduledAt ?? '') + 3_600_000).toISOString(),
    );
    const events = await outbox();
    const about = (taskType: string, caseId: string) =>
      events
        .filter((item) => item.detail.task?.type === taskType && item.detail.task.caseId === caseId)
        .map((item) => item.detailType)
        .filter((type) => type !== 'Task Created');
    const aboutManual = events.filter((item) => item.detail.task?.id === manual.id).map((item) => item.detailType);
    expect(aboutManual).toEqual(['Task Created', 'Task Deadline Approaching', 'Task Overdue']);
    expect(about('paused_case_follow_up', 'case-clk-2')).toEqual([
      'Task Deadline Approaching',
      'Task Overdue',
      'Paused Case Escalated',
    ]);
    // Each step ran at the time its Wait ended, not at the end of the 30-day jump.
    const stamps = events
      .filter((item) => item.detail.task?.type === 'paused_case_follow_up' && item.detail.task.caseId === 'case-clk-2')
      .filter((item) => item.detailType !== 'Task Created')
      .map((item) => Date.parse(item.createdAt));
    expect(new Set(stamps).size).toBe(3);
    expect(Math.max(...stamps)).toBeLessThan(Date.parse(moved.now));
  });
});
