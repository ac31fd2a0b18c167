// The monthly case survey (seed 003): which month a due survey belongs to and when the next one is due. Pure.
import { TZDate } from '@date-fns/tz';
import { addMonths } from 'date-fns';
import { type Calendar, localMonth } from './calendar.js';
import { catalogueDeadline, type NewTaskInput } from './lifecycle.js';
import { scopeKeys } from './rules/scopes.js';

/** The survey month a due time stands for: the same due time always names the same month. */
export const surveyMonth = (calendar: Calendar, dueAt: string): string => localMonth(calendar, dueAt);

/**
 * The first monthly due time after `now`, counted in whole calendar months from `dueAt` in the
 * calendar's zone: a job that was down for two months catches up with one survey, not three.
 */
export const nextSurveyAfter = (calendar: Calendar, dueAt: string, now: string): string => {
  const start = new TZDate(Date.parse(dueAt), calendar.timeZone);
  for (let months = 1; ; months++) {
    const next = addMonths(start, months);
    if (next.getTime() > Date.parse(now)) return new Date(next.getTime()).toISOString();
  }
};

/** The `update_case_status` task of a due survey; its clock starts when the job creates it. */
export const surveyTaskInput = (
  calendar: Calendar,
  input: { id: string; caseId: string; partnerOrgId: string; createdAt: string; days?: number | undefined },
): NewTaskInput => ({
  id: input.id,
  type: 'update_case_status',
  party: 'partner',
  orgId: input.partnerOrgId,
  // At most one open update_case_status per case (catalogue scope `case`).
  scopeKey: scopeKeys.case(input.caseId),
  caseId: input.caseId,
  createdAt: input.createdAt,
  // `days`: the creditor's agreed deadline (SLA terms), else the catalogue's.
  deadline: catalogueDeadline(calendar, 'update_case_status', input.createdAt, input.days),
});
