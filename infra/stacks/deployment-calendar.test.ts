// The deployment calendar's environment: public holidays materialised at synth, small enough for Lambda, and the
// calendar the functions build from it matches date-holidays inside its window.
import { addWorkingDays, buildCalendar, decodeHolidayDays } from '@casetasks/core';
import { countryCalendar, publicHolidayDates } from '@casetasks/core/holidays';
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import {
  deploymentCalendarEnvironment,
  deploymentHolidayYears,
  MAX_CALENDAR_HOLIDAYS_BYTES,
} from './deployment-calendar.js';

const synthAt = new Date('2026-11-28T12:00:00.000Z');

describe('deploymentCalendarEnvironment', () => {
  it('without a country: the zone only, weekends only', () => {
    expect(deploymentCalendarEnvironment('Europe/Berlin', '', synthAt)).toEqual({
      CALENDAR_TIME_ZONE: 'Europe/Berlin',
    });
  });

  it('with a country: its public holidays from the year before synth through six years after', () => {
    // Act
    const environment = deploymentCalendarEnvironment('Europe/Berlin', 'DE', synthAt);

    // Assess
    expect(environment).toMatchObject({ CALENDAR_TIME_ZONE: 'Europe/Berlin', CALENDAR_COUNTRY: 'DE' });
    const days = decodeHolidayDays(environment.CALENDAR_HOLIDAYS ?? '');
    expect([...days.keys()]).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032]);
    expect(days).toEqual(publicHolidayDates('DE', { fromYear: 2025, throughYear: 2032 }));
    expect(days.get(2026)).toContain('2026-10-03');
  });

  it('the functions build the same deadlines from it as date-holidays gives, inside the window', () => {
    // Prepare
    const { CALENDAR_TIME_ZONE: timeZone = '', CALENDAR_HOLIDAYS: days = '' } = deploymentCalendarEnvironment(
      'Europe/Copenhagen',
      'dk',
      synthAt,
    );
    const deployed = buildCalendar({ timeZone, country: 'DK', holidays: decodeHolidayDays(days) });
    const reference = countryCalendar({ timeZone, country: 'DK' });

    // Act / Assess: Christmas 2026, Easter 2031 (Maundy Thursday to Easter Monday), back over New Year 2025.
    for (const [from, amount] of [
      ['2026-12-23T09:00:00.000Z', 2],
      ['2031-04-09T09:00:00.000Z', 3],
      ['2025-01-08T09:00:00.000Z', -5],
    ] as const) {
      expect(addWorkingDays(deployed, from, amount)).toEqual(addWorkingDays(reference, from, amount));
    }
    // Wed 9 Apr 2031 + 3: Thu 10, Fri 11 and Mon 14 are closed; Tue 15, Wed 16, Thu 17.
    expect(addWorkingDays(deployed, '2031-04-09T09:00:00.000Z', 3).toISOString()).toBe('2031-04-17T09:00:00.000Z');
    // Before the window (2024) it counts weekends only: Christmas 2024 is a working day there.
    expect(addWorkingDays(deployed, '2025-01-02T09:00:00.000Z', -5).toISOString()).toBe('2024-12-25T09:00:00.000Z');
    expect(addWorkingDays(reference, '2025-01-02T09:00:00.000Z', -5).toISOString()).toBe('2024-12-23T09:00:00.000Z');
  });

  it('fits every country date-holidays knows into its share of the 4 KB Lambda environment', () => {
    // Prepare
    const countries = Object.keys(new Holidays().getCountries());

    // Act
    const sizes = countries.map((country) => ({
      country,
      bytes: Buffer.byteLength(deploymentCalendarEnvironment('UTC', country, synthAt).CALENDAR_HOLIDAYS ?? ''),
    }));

    // Assess
    expect(countries.length).toBeGreaterThan(200);
    expect(sizes.filter((size) => size.bytes > MAX_CALENDAR_HOLIDAYS_BYTES)).toEqual([]);
    expect(Math.max(...sizes.map((size) => size.bytes))).toBeGreaterThan(800);
  }, 60_000);

  it('refuses a country date-holidays does not know, naming calendarCountry', () => {
    expect(() => deploymentCalendarEnvironment('UTC', 'QQ', synthAt)).toThrow(/^calendarCountry: .*QQ/);
  });

  it('moves its window with the synth year', () => {
    expect(deploymentHolidayYears(new Date('2030-01-01T00:00:00.000Z'))).toEqual({ fromYear: 2029, throughYear: 2036 });
  });
});
