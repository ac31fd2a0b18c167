import { describe, expect, it } from 'vitest';
import { utcCalendar, weekendCalendar } from './calendar.js';
import { nextSurveyAfter, surveyMonth, surveyTaskInput } from './surveys.js';

describe('monthly survey schedule', () => {
  it('moves one calendar month on', () => {
    expect(nextSurveyAfter(utcCalendar, '2026-11-23T08:00:00.000Z', '2026-11-23T09:00:00.000Z')).toBe(
      '2026-12-23T08:00:00.000Z',
    );
  });

  it('catches up past missed months with one step', () => {
    expect(nextSurveyAfter(utcCalendar, '2026-08-31T08:00:00.000Z', '2026-11-05T00:00:00.000Z')).toBe(
      '2026-11-30T08:00:00.000Z',
    );
  });

  it('names the month in the calendar zone', () => {
    expect(surveyMonth(weekendCalendar('Europe/Copenhagen'), '2026-11-30T23:30:00.000Z')).toBe('2026-12');
  });

  it('the survey task is a 5-business-day update_case_status scoped to the case', () => {
    const input = surveyTaskInput(utcCalendar, {
      id: 't',
      caseId: 'c-1',
      partnerOrgId: 'p-1',
      createdAt: '2026-11-20T10:00:00.000Z',
    });
    expect(input).toMatchObject({ type: 'update_case_status', scopeKey: 'case#c-1', orgId: 'p-1' });
    expect(input.deadline).toBe('2026-11-27T10:00:00.000Z');
  });
});
