// The calendar-refresh job at its time budget: it keeps no checkpoint, says it stopped, and the next run walks
// the holiday-refresh partition from its start (the entries a stopped run refreshed are current by then).

import { runCalendarRefresh } from '@casetasks/app/jobs';
import { getOrgSettings, putOrgSettingsSection, registerHolidayRefresh } from '@casetasks/db';
import { describe, expect, it, onTestFinished } from 'vitest';
import { freshId, handlerTable } from './org-settings-fixtures.js';

const now = '2026-12-01T04:00:00.000Z';

describe('calendar-refresh at its time budget', () => {
  it('stops with `stopped: true` and no checkpoint; the next run walks from the start', async () => {
    // Prepare: two orgs with a DK calendar and no holidays, registered as a read registers them.
    const table = await handlerTable('calendar-refresh-budget');
    onTestFinished(() => table.drop());
    const orgs = [freshId('p-a'), freshId('p-b')];
    for (const orgId of orgs) {
      await putOrgSettingsSection(table.db, {
        party: 'partner',
        orgId,
        section: 'calendar',
        value: { timeZone: 'Europe/Copenhagen', country: 'DK', closedDays: [] },
        updatedBy: 'u-owner',
        now: new Date(now),
      });
      await registerHolidayRefresh(table.db, 'partner', orgId);
    }

    // Act: a run whose budget is spent before its first page, then a run with the default budget.
    const stopped = await runCalendarRefresh({ now }, { budgetMs: -1, pageSize: 1 });
    const next = await runCalendarRefresh({ now }, { pageSize: 1 });

    // Assess
    expect(stopped).toMatchObject({ stopped: true, counts: { entries: 0 } });
    expect(stopped).not.toHaveProperty('checkpoint');
    expect(next).toMatchObject({ counts: { entries: 2, refreshed: 2, failed: 0 } });
    expect(next).not.toHaveProperty('stopped');
    for (const orgId of orgs) {
      expect((await getOrgSettings(table.db, 'partner', orgId, true)).holidays).toMatchObject({ country: 'DK' });
    }
  });
});
