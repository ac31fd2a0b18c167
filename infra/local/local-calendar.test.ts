// Local mode's deployment calendar: a hand-set CALENDAR_COUNTRY gets the holidays synth would materialise.
import { decodeHolidayDays } from '@casetasks/core';
import { describe, expect, it } from 'vitest';
import { deploymentCalendarEnvironment } from '../stacks/deployment-calendar.js';
import { localCalendarEnvironment } from './local-calendar.js';

const now = new Date('2026-06-01T12:00:00Z');

describe('localCalendarEnvironment', () => {
  it('materialises a hand-set country for the window synth would, as synth would', () => {
    const added = localCalendarEnvironment({ CALENDAR_COUNTRY: 'dk' }, now);

    expect(added).toEqual({
      CALENDAR_COUNTRY: 'DK',
      CALENDAR_HOLIDAYS: deploymentCalendarEnvironment('UTC', 'DK', now).CALENDAR_HOLIDAYS,
    });
    const days = decodeHolidayDays(added.CALENDAR_HOLIDAYS ?? '');
    expect([...days.keys()]).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032]);
    expect(days.get(2026)).toContain('2026-12-25');
  });

  it('adds nothing without a country, or when CALENDAR_HOLIDAYS is set by hand', () => {
    expect(localCalendarEnvironment({}, now)).toEqual({});
    expect(localCalendarEnvironment({ CALENDAR_COUNTRY: '' }, now)).toEqual({});
    expect(localCalendarEnvironment({ CALENDAR_COUNTRY: 'DK', CALENDAR_HOLIDAYS: '2026:0101' }, now)).toEqual({});
  });

  it('an unknown country stops local mode, naming CALENDAR_COUNTRY', () => {
    expect(() => localCalendarEnvironment({ CALENDAR_COUNTRY: 'XX' }, now)).toThrow(/^CALENDAR_COUNTRY: .*XX/);
  });
});
