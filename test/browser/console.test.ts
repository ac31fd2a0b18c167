// The local console in a real Chromium: pick a caller, send events, move the clock past a paused case's follow-up.
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ulid } from 'ulid';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LocalServer, startLocalServer } from '../../infra/local/server.js';
import { endpoint } from '../support/table.js';
import { launchChromium, missingBrowser } from './chromium.js';

const screenshot = join('test-results', 'console', 'console.png');
const skipReason = missingBrowser();
if (skipReason) console.warn(skipReason);

/** The console refreshes after every action and every 5 s; a clock move runs the jobs it crossed first. */
const settles = { timeout: 60_000, interval: 250 };

// Each test opens its own page for its own org and case, so it passes alone and in any order; only the server
// (its table and clock) and the browser process are shared.
describe.skipIf(skipReason !== undefined)('the local console in Chromium', () => {
  let server: LocalServer;
  let browser: Browser;
  let page: Page;

  const rowTexts = (testId: string) => page.getByTestId(testId).allInnerTexts();
  const openConsole = async (org: string) => {
    const response = await page.goto(`${server.url}/`);
    expect(response?.status()).toBe(200);
    await page.getByTestId('org-input').fill(org);
    await page.getByTestId('party-select').selectOption('partner');
    await page.getByTestId('role-select').selectOption('manager');
    await page.getByTestId('refresh-button').click();
    await expect.poll(() => page.getByTestId('clock-now').innerText(), settles).toMatch(/^\d{4}-\d\d-\d\dT/);
  };
  const send = async (sample: string, caseId: string) => {
    await page.getByTestId('sample-select').selectOption(sample);
    await page.getByTestId('case-input').fill(caseId);
    await page.getByTestId('send-sample').click();
  };
  const advance = async (duration: string) => {
    await page.getByTestId('advance-input').fill(duration);
    await page.getByTestId('advance-button').click();
  };
  const newOrg = () => `p-browser-${ulid().toLowerCase()}`;
  const newCase = () => `case-${ulid().toLowerCase()}`;

  beforeAll(async () => {
    // Schedules on (the default): the clock's moves run the jobs they cross, as `npm start` does.
    server = await startLocalServer({
      dynamoEndpoint: endpoint(),
      tableName: `browser-${ulid().toLowerCase()}`,
      delivery: false,
    });
    browser = await launchChromium();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  });
  afterEach(async () => {
    await page?.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens for the picked org, party and role', async () => {
    await openConsole(newOrg());

    expect(await rowTexts('task-row')).toEqual([]);
  });

  it('shows the task a sent event creates', async () => {
    const caseId = newCase();
    await openConsole(newOrg());

    await send('case-submitted', caseId);

    await expect.poll(() => rowTexts('task-row'), settles).toEqual([expect.stringContaining(caseId)]);
  });

  it('follows a paused case: reminder, overdue, and the workflow finishes as the clock moves', async () => {
    const caseId = newCase();
    await openConsole(newOrg());
    const startedAt = Date.parse(await page.getByTestId('clock-now').innerText());
    // The case is submitted to the org first: a survey pauses a case the service knows.
    await send('case-submitted', caseId);
    await expect.poll(() => rowTexts('task-row'), settles).toEqual([expect.stringContaining(caseId)]);

    await send('case-paused', caseId);
    await expect.poll(() => rowTexts('workflow-row'), settles).toEqual([expect.stringMatching(/running|waiting/)]);

    // The follow-up's deadline, 14 business days after the pause, falls within 22 calendar days (weekends, holidays).
    await advance('P22D');
    const reminders = ['Task Deadline Approaching', 'Task Overdue'];
    const shown = async () => {
      const outbox = (await rowTexts('outbox-row')).join('\n');
      return reminders.filter((detailType) => outbox.includes(detailType));
    };
    await expect.poll(shown, settles).toEqual(reminders);

    // The escalation comes 7 calendar days after the deadline; then the execution ends.
    await advance('P10D');
    await expect.poll(() => rowTexts('workflow-row'), settles).toEqual([expect.stringContaining('succeeded')]);
    const movedBy = async () => Date.parse(await page.getByTestId('clock-now').innerText()) - startedAt;
    await expect.poll(movedBy, settles).toBeGreaterThan(31 * 86_400_000);
    // The hourly reminders job ran on the schedule points the moves crossed.
    await expect
      .poll(() => rowTexts('job-run-row'), settles)
      .toContainEqual(expect.stringContaining('deadline-reminders'));

    // What it saw, for a person reading the run.
    await mkdir(join('test-results', 'console'), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });
    expect((await stat(screenshot)).size).toBeGreaterThan(0);
  });
});
