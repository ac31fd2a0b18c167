// Issue 17, the calendar-refresh job: materialised public holidays kept ahead of the input domain and on the running
// date-holidays release, found by key, written only if no owner saved in between; settings stored before issue 17 filled.

import { runCalendarRefresh } from '@casetasks/app/jobs';
import { holidayYearsNeeded, type OrgCalendarSettings, type Party } from '@casetasks/core';
import { HOLIDAY_SOURCE, materialiseHolidays } from '@casetasks/core/holidays';
import {
  type Db,
  getOrgSettings,
  type HolidayRefreshEntry,
  holidayRefreshPages,
  putOrgCalendarSection,
  putOrgSettingsSection,
  registerHolidayRefresh,
  SettingsChangedError,
  saveMaterialisedHolidays,
} from '@casetasks/db';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createdTask, freshId, handlerTable, submitCase } from './org-settings-fixtures.js';

const danish: OrgCalendarSettings = { timeZone: 'Europe/Copenhagen', country: 'DK', closedDays: [] };
/** The job's clock: needs holidays from 1999 through 2037. */
const now = '2026-12-01T04:00:00.000Z';

/** A fresh table per test, so the job's counts are this test's alone. */
const freshTable = async () => {
  const table = await handlerTable('calendar-refresh');
  onTestFinished(() => table.drop());
  return table;
};

/** An owner's save of the calendar at `savedAt`, holidays materialised as of then (and by `source`). */
const saveCalendar = async (
  db: Db,
  orgId: string,
  savedAt: string,
  source = HOLIDAY_SOURCE,
  party: Party = 'partner',
) => {
  const holidays = { ...materialiseHolidays('DK', holidayYearsNeeded(Date.parse(savedAt))), source };
  await putOrgCalendarSection(db, {
    party,
    orgId,
    section: 'calendar',
    value: danish,
    holidays,
    updatedBy: 'u-owner',
    now: new Date(savedAt),
  });
};

const entries = async (db: Db): Promise<HolidayRefreshEntry[]> => {
  const all: HolidayRefreshEntry[] = [];
  for await (const page of holidayRefreshPages(db)) all.push(...page.entries);
  return all;
};

describe('calendar-refresh', () => {
  it('extends the orgs whose holidays end too soon and leaves the current ones unwritten', async () => {
    // Prepare: one org saved in 2020 (holidays through 2031), one saved this week (through 2037).
    const { db } = await freshTable();
    const [stale, current] = [freshId('p-2020'), freshId('p-now')];
    await saveCalendar(db, stale, '2020-06-01T10:00:00.000Z');
    await saveCalendar(db, current, '2026-11-28T10:00:00.000Z');
    const before = await getOrgSettings(db, 'partner', current, true);

    // Act
    const summary = await runCalendarRefresh({ now });
    const again = await runCalendarRefresh({ now });

    // Assess
    expect(summary).toMatchObject({
      job: 'calendar-refresh',
      now,
      source: HOLIDAY_SOURCE,
      years: { fromYear: 1999, throughYear: 2037 },
      counts: { entries: 2, refreshed: 1, current: 1, removed: 0, changed: 0, failed: 0 },
    });
    const extended = await getOrgSettings(db, 'partner', stale, true);
    expect(extended.holidays).toEqual(materialiseHolidays('DK', { fromYear: 1999, throughYear: 2037 }));
    // The owner's view does not change: same version, same author.
    expect(extended).toMatchObject({ version: 1, updatedBy: 'u-owner', calendar: danish });
    expect(await getOrgSettings(db, 'partner', current, true)).toEqual(before);
    expect((await entries(db)).map((entry) => entry.throughYear)).toEqual([2037, 2037]);
    expect(again.counts).toMatchObject({ entries: 2, current: 2, refreshed: 0 });
  });

  it('recomputes holidays a different date-holidays release computed', async () => {
    // Prepare
    const { db } = await freshTable();
    const orgId = freshId('p-old-release');
    await saveCalendar(db, orgId, '2026-11-28T10:00:00.000Z', 'date-holidays 3.0.0');

    // Act
    const summary = await runCalendarRefresh({ now });

    // Assess
    expect(summary.counts).toMatchObject({ refreshed: 1 });
    expect((await getOrgSettings(db, 'partner', orgId, true)).holidays?.source).toBe(HOLIDAY_SOURCE);
    expect(await entries(db)).toEqual([expect.objectContaining({ orgId, source: HOLIDAY_SOURCE })]);
  });

  it('settings stored before issue 17: weekends only and registered by the first read, filled by the next run', async () => {
    // Prepare: a DK calendar written without holidays, as the settings item held it before.
    const { db } = await freshTable();
    const orgId = freshId('p-legacy');
    await putOrgSettingsSection(db, {
      party: 'partner',
      orgId,
      section: 'calendar',
      value: danish,
      updatedBy: 'u-owner',
      now: new Date('2026-01-05T10:00:00.000Z'),
    });
    const caseFor = () => ({ caseId: freshId('c'), partnerOrgId: orgId, creditorOrgId: freshId('cr') });

    // Act: an event before the run (Wed 23 Dec 10:00 Copenhagen + 2 BD), the run, the same event after it.
    const before = await createdTask(
      db,
      await submitCase(db, caseFor(), '2026-12-23T09:00:00.000Z'),
      'review_new_case',
    );
    const registered = await entries(db);
    const summary = await runCalendarRefresh({ now });
    const after = await createdTask(db, await submitCase(db, caseFor(), '2026-12-23T09:00:00.000Z'), 'review_new_case');

    // Assess: weekends only before (Thu 24, Fri 25); Christmas and Boxing Day skipped after (Thu 24, Mon 28).
    expect(before.deadline).toBe('2026-12-25T09:00:00.000Z');
    expect(registered).toEqual([expect.objectContaining({ orgId, country: '', throughYear: 0 })]);
    expect(summary.counts).toMatchObject({ entries: 1, refreshed: 1 });
    expect((await getOrgSettings(db, 'partner', orgId, true)).holidays).toMatchObject({ country: 'DK' });
    expect(after.deadline).toBe('2026-12-28T09:00:00.000Z');
  });

  it('drops the entry of a calendar without a country, and a PUT without one drops it too', async () => {
    // Prepare: a registered org whose calendar has no country; another whose owner removes the country.
    const { db } = await freshTable();
    const [noCountry, removed] = [freshId('p-none'), freshId('p-removed')];
    await registerHolidayRefresh(db, 'creditor', noCountry);
    await saveCalendar(db, removed, '2026-11-28T10:00:00.000Z');

    // Act
    await putOrgCalendarSection(db, {
      party: 'partner',
      orgId: removed,
      section: 'calendar',
      value: { ...danish, country: null },
      holidays: null,
      updatedBy: 'u-owner',
      now: new Date(now),
    });
    const summary = await runCalendarRefresh({ now });

    // Assess
    expect(summary.counts).toMatchObject({ entries: 1, removed: 1 });
    expect(await entries(db)).toEqual([]);
    expect(await getOrgSettings(db, 'partner', removed, true)).toMatchObject({
      version: 2,
      calendar: { country: null },
    });
    expect((await getOrgSettings(db, 'partner', removed, true)).holidays).toBeUndefined();
  });

  it("an owner's save between the job's read and its write wins", async () => {
    // Prepare: the job read version 1; then the owner saves a Swedish calendar (version 2).
    const { db } = await freshTable();
    const orgId = freshId('p-race');
    await saveCalendar(db, orgId, '2020-06-01T10:00:00.000Z');
    const read = await getOrgSettings(db, 'partner', orgId, true);
    const swedish = materialiseHolidays('SE');
    await putOrgCalendarSection(db, {
      party: 'partner',
      orgId,
      section: 'calendar',
      value: { ...danish, country: 'SE' },
      holidays: swedish,
      updatedBy: 'u-owner',
      now: new Date(now),
    });

    // Act
    const write = saveMaterialisedHolidays(db, {
      party: 'partner',
      orgId,
      version: read.version,
      holidays: materialiseHolidays('DK'),
    });

    // Assess
    await expect(write).rejects.toBeInstanceOf(SettingsChangedError);
    expect(await getOrgSettings(db, 'partner', orgId, true)).toMatchObject({ version: 2, holidays: swedish });
    expect(await entries(db)).toEqual([expect.objectContaining({ orgId, country: 'SE' })]);
  });
});
