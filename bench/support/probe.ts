// What a probe is (bench/probes/): it measures, prints a summary table, and asserts the rules behind its figures.

/** Runs the probe; resolves to the number of rules that did not hold (the process then exits non-zero). */
export type Probe = () => Promise<number>;

export interface RuleBook {
  /** Records whether `what` held; a rule that does not hold is printed at once and fails the probe. */
  rule(holds: boolean, what: string): void;
  /** Prints every rule with its outcome (stdout) and returns how many did not hold. */
  report(): number;
}

export const ruleBook = (): RuleBook => {
  const rules: { rule: string; holds: boolean }[] = [];
  return {
    rule: (holds, what) => {
      rules.push({ rule: what, holds });
      if (!holds) process.stderr.write(`RULE DOES NOT HOLD: ${what}\n`);
    },
    report: () => {
      console.log('\nRules asserted:');
      console.table(rules.map(({ rule, holds }) => ({ rule, holds: holds ? 'holds' : 'DOES NOT HOLD' })));
      return rules.filter((entry) => !entry.holds).length;
    },
  };
};
