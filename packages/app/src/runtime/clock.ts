// The service's business clock: what "now" is for deadlines, events, jobs and logs; real time unless local mode moves it.

/** A source of the current instant in epoch milliseconds (local mode's controllable clock). */
export interface ServiceClock {
  now(): number;
}

let clock: ServiceClock | undefined;

/**
 * The business "now". Deployed, nothing sets a clock and this is `new Date()`. Time budgets, latencies,
 * JWT checks and webhook signature timestamps stay on real time: they are measured against other clocks.
 */
export const serviceNow = (): Date => (clock ? new Date(clock.now()) : new Date());

/** Local mode and tests install their clock here; `undefined` goes back to real time. */
export const setServiceClock = (next: ServiceClock | undefined): void => {
  clock = next;
};
