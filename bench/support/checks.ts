// The bench's correctness checks: a figure of code that did the wrong thing measures nothing, so the run fails.

export class BenchCheckError extends Error {}

const passed: string[] = [];

/** Fails the run with `what` unless `holds`; counts the checks that held for the summary. */
export const check: (holds: boolean, what: string) => asserts holds = (holds, what) => {
  if (!holds) throw new BenchCheckError(`bench check failed: ${what}`);
  passed.push(what);
};

/** How many checks held so far in this process. */
export const checksPassed = (): number => passed.length;
