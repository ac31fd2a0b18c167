// Local mode over real HTTP: /local/events, /local/jobs, /local/outbox, the in-process workflow and the token CLI.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, type Caller, errorFields, json, startApi } from './api-client.js';

const partner: Caller = { party: 'partner', org: 'p-loc', user: 'u-1', role: 'manager' };
const submitted = (caseId: string) => ({
  source: 'platform',
  'detail-type': 'Case Submitted',
  detail: {
    caseId,
    creditorOrgId: 'c-loc',
    partnerOrgId: 'p-loc',
    hasBankAccount: true,
    contractSigned: true,
    requiresQuote: false,
  },
});

interface EventsBody {
  results: { eventId: string; duplicate: boolean; effects: { action: string; type: string; taskId: string }[] }[];
  emitted: { detailType: string }[];
}

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('local-mode', { workflow: true });
});
afterAll(async () => {
  await api.stop();
});

const openTypes = async (caseId: string) =>
  ((json(await api.call('GET', `/tasks?caseId=${caseId}`, { as: partner })).items ?? []) as { type: string }[]).map(
    (task) => task.type,
  );

describe('POST /local/events', () => {
  it('fills id and time, runs the rules before answering, and returns what each event did', async () => {
    const response = await api.call('POST', '/local/events', { body: submitted('case-l1') });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const body = json(response) as unknown as EventsBody;
    expect(body.results).toHaveLength(1);
    expect(body.results[0]?.eventId).toMatch(/^[0-9A-Z]{26}$/);
    expect(body.results[0]?.effects).toEqual([expect.objectContaining({ action: 'created', type: 'review_new_case' })]);
    expect(body.emitted.map((entry) => entry.detailType)).toContain('Task Created');
    expect(await openTypes('case-l1')).toEqual(['review_new_case']);
  });

  it('takes an array, in order; a repeated id changes nothing', async () => {
    const verified = {
      id: 'evt-verify-l2',
      source: 'platform',
      'detail-type': 'Case Verified',
      detail: { caseId: 'case-l2' },
    };
    const response = await api.call('POST', '/local/events', {
      body: [{ ...submitted('case-l2'), id: 'evt-submit-l2', time: new Date().toISOString() }, verified, verified],
    });
    const body = json(response) as unknown as EventsBody;
    expect(body.results.map((result) => result.duplicate)).toEqual([false, false, true]);
    expect(await openTypes('case-l2')).toEqual([]);
  });

  it('refuses an invalid event with 400, the field and its index, applying none of the batch', async () => {
    const before = await api.snapshot();
    const invalid = { source: 'platform', 'detail-type': 'Case Verified', detail: {} };
    const response = await api.call('POST', '/local/events', { body: [submitted('case-l3'), invalid] });
    expect(response.status).toBe(400);
    expect(errorFields(response)).toEqual(['detail.caseId']);
    expect(json(response).index).toBe(1);
    expect(await api.snapshot()).toBe(before);
  });

  it('refuses an unknown detail-type and malformed JSON with 400', async () => {
    const unknown = await api.call('POST', '/local/events', {
      body: { source: 'x', 'detail-type': 'Case Exploded', detail: {} },
    });
    expect(unknown.status).toBe(400);
    const malformed = await api.call('POST', '/local/events', { rawBody: '[{' });
    expect(malformed.status).toBe(400);
    expect(errorFields(malformed)).toEqual(['body']);
  });

  it('runs the paused-case follow-up in-process when a survey pauses a case', async () => {
    expect(api.server.workflow, 'local state machine installed').toBeDefined();
    await api.call('POST', '/local/events', { body: submitted('case-l4') });
    const pause = await api.call('POST', '/local/events', {
      body: [
        { source: 'platform', 'detail-type': 'Case Status Changed', detail: { caseId: 'case-l4', status: 'active' } },
        {
          source: 'platform',
          'detail-type': 'Case Survey Submitted',
          detail: { caseId: 'case-l4', surveyId: 's-1', outcome: 'pause', unblockingParty: 'partner' },
        },
      ],
    });
    expect(pause.status, JSON.stringify(pause.body)).toBe(200);
    expect(await openTypes('case-l4')).toContain('paused_case_follow_up');
    await api.server.workflow?.settled();
    expect(api.server.workflow?.executions().map((execution) => execution.input.caseId)).toContain('case-l4');
  });
});

describe('POST /local/jobs/{name}', () => {
  it('runs a job at the given time and reports its summary', async () => {
    const now = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const response = await api.call('POST', '/local/jobs/deadline-reminders', { body: { now } });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(json(response).summary).toMatchObject({ job: 'deadline-reminders', now });
  });

  it('404 for an unknown job, 400 for a bad now', async () => {
    expect((await api.call('POST', '/local/jobs/backup', { body: {} })).status).toBe(404);
    const bad = await api.call('POST', '/local/jobs/monthly-surveys', { body: { now: 'tonight' } });
    expect(bad.status).toBe(400);
    expect(errorFields(bad)).toEqual(['now']);
  });

  it("holds a job's now to the input domain plus a year: year 9999 is a 400, 10 years ahead runs", async () => {
    const far = await api.call('POST', '/local/jobs/deadline-reminders', { body: { now: '9999-12-01T09:00:00Z' } });
    expect(far.status).toBe(400);
    expect(errorFields(far)).toEqual(['now']);
    const edge = new Date(Date.now() + 10 * 365 * 86_400_000).toISOString();
    const run = await api.call('POST', '/local/jobs/deadline-reminders', { body: { now: edge } });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
  });
});

describe('GET /local/outbox', () => {
  it('lists what the service emitted, oldest first, each once', async () => {
    // Prepare: its own case, submitted (the review task is created) and verified (the review is completed).
    const verified = { source: 'platform', 'detail-type': 'Case Verified', detail: { caseId: 'case-l5' } };
    const sent = await api.call('POST', '/local/events', { body: [submitted('case-l5'), verified] });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);

    // Act
    const response = await api.call('GET', '/local/outbox');

    // Assess
    const items = json(response).items as { id: string; detailType: string; detail: { task?: { caseId?: string } } }[];
    const ofCase = items.filter((item) => item.detail.task?.caseId === 'case-l5');
    expect(ofCase.map((item) => item.detailType)).toEqual(['Task Created', 'Task Completed']);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  });
});

describe('npm run token', () => {
  it('prints a token the local authorizer accepts with those claims', async () => {
    const { stdout } = await promisify(execFile)('node_modules/.bin/tsx', [
      'infra/local/token-cli.ts',
      '--party',
      'creditor',
      '--org',
      'c-cli',
      '--user',
      'u-cli',
      '--role',
      'owner',
    ]);
    const response = await api.call('POST', '/tasks', {
      authorization: `Bearer ${stdout.trim()}`,
      body: { title: 'From the CLI token', dueInBusinessDays: 1 },
    });
    expect(response.status).toBe(201);
    expect(json(response)).toMatchObject({ accessLevel: 'creditor', orgId: 'c-cli' });
  });
});
