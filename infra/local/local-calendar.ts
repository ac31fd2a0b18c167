// Local mode's deployment calendar: a hand-set CALENDAR_COUNTRY gets its public holidays as a deploy would give them.
import { deploymentCalendarEnvironment } from '../stacks/deployment-calendar.js';

/**
 * The variables to add to `env`: deployed, synth materialises CALENDAR_COUNTRY's holidays into
 * CALENDAR_HOLIDAYS; local mode has no synth, so without this a hand-set country counted weekends only.
 * Computed at start for the same window (the year before `now` through six after); nothing when no
 * country is set or CALENDAR_HOLIDAYS is set by hand. An unknown country stops local mode, naming it.
 */
export const localCalendarEnvironment = (env: NodeJS.ProcessEnv, now: Date = new Date()): Record<string, string> => {
  const country = env.CALENDAR_COUNTRY;
  if (!country || env.CALENDAR_HOLIDAYS) return {};
  try {
    const { CALENDAR_COUNTRY, CALENDAR_HOLIDAYS } = deploymentCalendarEnvironment('UTC', country, now);
    return CALENDAR_COUNTRY && CALENDAR_HOLIDAYS ? { CALENDAR_COUNTRY, CALENDAR_HOLIDAYS } : {};
  } catch (error) {
    throw new Error(`CALENDAR_COUNTRY: ${error instanceof Error ? error.message : String(error)}`);
  }
};
