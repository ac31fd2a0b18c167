// What holiday calendars cost (PERFORMANCE.md §8 and §12): materialising a country's public holidays on a save, the
// stored list's size, and validating + decoding it on a read, first (uncached) and again (memoized per process).
import { decodeHolidayDays, holidayYearsNeeded, materialisedHolidaysSchema } from '@casetasks/core';
import { materialiseHolidays, publicHolidayDates } from '@casetasks/core/holidays';
import { progress } from '../support/local-table.js';
import { type Probe, ruleBook } from '../support/probe.js';
import { percentile } from '../support/stats.js';

const COUNTRY = 'DK';
const SAMPLES = 15;

const timed = <T>(work: () => T): { value: T; ms: number } => {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
};

const median = (values: number[]) => Number(percentile(values, 50).toFixed(3));

export const probe: Probe = async () => {
  const rules = ruleBook();
  const years = holidayYearsNeeded();
  const yearCount = years.throughYear - years.fromYear + 1;

  progress(`materialising ${COUNTRY}'s public holidays over ${years.fromYear}–${years.throughYear}, ${SAMPLES} times`);
  const first = timed(() => materialiseHolidays(COUNTRY, years));
  const materialiseMs = Array.from({ length: SAMPLES }, () => timed(() => materialiseHolidays(COUNTRY, years)).ms);
  const stored = first.value;
  const bytes = Buffer.byteLength(JSON.stringify(stored), 'utf8');

  // A read validates the stored list and decodes it; both are memoized by the list's text, so each sample
  // reads a list not seen before: the stored one without its last i years (still well-formed).
  progress(`validating and decoding ${SAMPLES} lists not read before, then the stored one again`);
  const groups = stored.days.split(';');
  const fresh = Array.from({ length: SAMPLES }, (_, i) => {
    const days = groups.slice(0, groups.length - 1 - i).join(';');
    const throughYear = years.throughYear - 1 - i;
    return { ...stored, throughYear, days };
  });
  const firstReads = fresh.map(
    (holidays) => timed(() => decodeHolidayDays(materialisedHolidaysSchema.parse(holidays).days)).ms,
  );
  const once = decodeHolidayDays(materialisedHolidaysSchema.parse(stored).days);
  const again = Array.from({ length: SAMPLES }, () =>
    timed(() => decodeHolidayDays(materialisedHolidaysSchema.parse(stored).days)),
  );
  const againMs = median(again.map((read) => read.ms));

  const rows = [
    { measure: `years materialised (${years.fromYear}–${years.throughYear})`, value: yearCount },
    { measure: 'materialise on a save, first call (loads the country rules), ms', value: Number(first.ms.toFixed(1)) },
    { measure: `materialise on a save, median of ${SAMPLES}, ms`, value: median(materialiseMs) },
    { measure: 'stored holidays (JSON), bytes', value: bytes },
    { measure: 'of it the day list, bytes', value: stored.days.length },
    {
      measure: 'validate + decode a list not read before, the very first (cold code), ms',
      value: median(firstReads.slice(0, 1)),
    },
    { measure: `validate + decode a list not read before, median of ${SAMPLES}, ms`, value: median(firstReads) },
    { measure: `validate + decode the same list again (memoized), median of ${SAMPLES}, ms`, value: againMs },
  ];
  console.log(`\nHoliday calendar of ${COUNTRY}:`);
  console.table(rows);

  const reference = publicHolidayDates(COUNTRY, years);
  const differing = [...reference].filter(([year, days]) => (once.get(year) ?? []).join() !== days.join());
  rules.rule(
    differing.length === 0 && once.size === yearCount,
    `the stored list decodes to date-holidays' public holidays for each of the ${yearCount} years ` +
      `(differing: ${differing.map(([year]) => year).join(', ') || 'none'})`,
  );
  rules.rule(
    bytes < 4096,
    `${COUNTRY}'s stored holidays (${bytes} bytes) fit in one 4 KB read unit: the settings GetItem stays 0.5 RCU`,
  );
  rules.rule(
    again.every((read) => read.value === once),
    'a second read of the same list returns the memoized dates (the same map)',
  );
  rules.rule(
    againMs < median(firstReads),
    `the memoized read (${againMs} ms) is cheaper than a first read (${median(firstReads)} ms)`,
  );
  return rules.report();
};
