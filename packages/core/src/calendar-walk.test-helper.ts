// Test-only reference: the day-by-day calendar walk as it was before issue 15, kept to pin the bounded
// arithmetic in calendar.ts to the old semantics. Each day visited counts as one step.
import { TZDate } from '@date-fns/tz';
import { addDays, format, isWeekend, startOfDay } from 'date-fns';
import type { Calendar, StepCounter } from './calendar.js';

const isClosed = (calendar: Calendar, date: TZDate): boolean =>
  isWeekend(date) || calendar.isHoliday(format(date, 'yyyy-MM-dd'));

export const walkAddWorkingDays = (
  calendar: Calendar,
  from: Date | string,
  amount: number,
  counter: StepCounter = { steps: 0 },
): Date => {
  const start = new TZDate(new Date(from).getTime(), calendar.timeZone);
  const step = amount < 0 ? -1 : 1;
  let remaining = Math.abs(amount);
  let cursor = start;
  while (remaining > 0) {
    counter.steps += 1;
    cursor = addDays(cursor, step);
    if (!isClosed(calendar, cursor)) remaining -= 1;
  }
  const result = new TZDate(cursor.getTime(), calendar.timeZone);
  result.setHours(start.getHours(), start.getMinutes(), start.getSeconds(), start.getMilliseconds());
  return new Date(result.getTime());
};

export const walkWorkingTimeAt = (
  calendar: Calendar,
  start: string,
  end: string,
  fraction: number,
  counter: StepCounter = { steps: 0 },
): string => {
  const [from, to] = [Date.parse(start), Date.parse(end)];
  const segments: [number, number][] = [];
  let day = startOfDay(new TZDate(from, calendar.timeZone));
  while (day.getTime() < to) {
    counter.steps += 1;
    const next = addDays(day, 1);
    if (!isClosed(calendar, day)) {
      const [a, b] = [Math.max(from, day.getTime()), Math.min(to, next.getTime())];
      if (b > a) segments.push([a, b]);
    }
    day = next;
  }
  const total = segments.reduce((sum, [a, b]) => sum + b - a, 0);
  if (total === 0) return new Date(from + fraction * (to - from)).toISOString();
  let remaining = fraction * total;
  for (const [a, b] of segments) {
    if (remaining <= b - a) return new Date(a + remaining).toISOString();
    remaining -= b - a;
  }
  return new Date(to).toISOString();
};
