// The local console over real HTTP: its page and files, the token route, and the paused-case workflow list.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_FILES } from '../../infra/local/console-routes.js';
import { type ApiHarness, errorFields, json, startApi } from './api-client.js';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi('local-console', { workflow: true });
});
afterAll(async () => {
  await api.stop();
});

/** A request with the path sent exactly as written: fetch would resolve `..` before sending it. */
const rawGet = (path: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const call = request(`${api.url}${path}`, { method: 'GET' }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    call.on('error', reject);
    call.end();
  });

describe('the console page', () => {
  it('serves the HTML at / with the test ids the browser test uses', async () => {
    const response = await fetch(`${api.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    for (const id of [
      'clock-now',
      'advance-input',
      'advance-button',
      'send-sample',
      'sample-select',
      'task-list',
      'outbox-list',
      'workflow-list',
      'job-runs',
      'org-input',
      'party-select',
      'role-select',
      'refresh-button',
    ]) {
      expect(html, id).toContain(`data-testid="${id}"`);
    }
    // Offline: the page loads nothing from another host.
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('serves every allowed file with its content type', async () => {
    for (const [file, contentType] of Object.entries(CONSOLE_FILES)) {
      const response = await fetch(`${api.url}/console/${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-type'), file).toBe(contentType);
      expect((await response.text()).length, file).toBeGreaterThan(0);
    }
  });

  it('404s for unknown files and paths that climb out of the console folder', async () => {
    for (const path of [
      '/console/../package.json',
      '/console/%2e%2e/package.json',
      '/console/..%2fpackage.json',
      '/console/console-routes.ts',
      '/console/',
      '/console/toString',
    ]) {
      const response = await rawGet(path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('"devDependencies"');
    }
  });
});

describe('GET /local/token', () => {
  it('mints a token the API accepts', async () => {
    const minted = await fetch(`${api.url}/local/token?party=partner&org=p-con&user=u-1&role=manager`);
    expect(minted.status).toBe(200);
    const { token, claims } = (await minted.json()) as { token: string; claims: unknown };
    expect(claims).toEqual({ sub: 'u-1', org_id: 'p-con', party: 'partner', role: 'manager' });
    const tasks = await api.call('GET', '/tasks', { authorization: `Bearer ${token}` });
    expect(tasks.status, JSON.stringify(tasks.body)).toBe(200);
  });

  it('refuses bad claims with 400 naming the query parameter', async () => {
    const badRole = await api.call('GET', '/local/token?party=partner&org=p-con&user=u-1&role=admin');
    expect(badRole.status).toBe(400);
    expect(errorFields(badRole)).toEqual(['role']);
    const noOrg = await api.call('GET', '/local/token?party=creditor&user=u-1&role=owner');
    expect(noOrg.status).toBe(400);
    expect(errorFields(noOrg)).toEqual(['org']);
    const extra = await api.call('GET', '/local/token?party=partner&org=p-con&user=u-1&role=owner&admin=1');
    expect(extra.status).toBe(400);
    expect(errorFields(extra)).toEqual(['admin']);
  });
});

describe('GET /local/workflows', () => {
  it('lists the running follow-up of a paused case with its next timer', async () => {
    const caseId = 'case-con-1';
    const submitted = {
      source: 'platform',
      'detail-type': 'Case Submitted',
      detail: {
        ...{ caseId, creditorOrgId: 'c-con', partnerOrgId: 'p-con' },
        ...{ hasBankAccount: true, contractSigned: true, requiresQuote: false },
      },
    };
    const pause = await api.call('POST', '/local/events', {
      body: [
        submitted,
        { source: 'platform', 'detail-type': 'Case Status Changed', detail: { caseId, status: 'active' } },
        {
          source: 'platform',
          'detail-type': 'Case Survey Submitted',
          detail: { caseId, surveyId: 's-con', outcome: 'pause', unblockingParty: 'partner' },
        },
      ],
    });
    expect(pause.status, JSON.stringify(pause.body)).toBe(200);
    await api.server.workflow?.settled();

    const response = await api.call('GET', '/local/workflows');

    expect(response.status).toBe(200);
    const body = json(response) as { available: boolean; items: Record<string, unknown>[] };
    expect(body.available).toBe(true);
    const execution = body.items.find((item) => item.caseId === caseId);
    expect(execution).toMatchObject({ status: 'waiting', waitingUntil: expect.any(String) });
    expect(Date.parse(String(execution?.waitingUntil))).toBeGreaterThan(Date.now());
  });
});
