// Percentiles and ratio formatting for benchmark reports.
export const percentile = (samples: readonly number[], p: number): number => {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
};

export const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;

export const ms = (value: number): string => `${value.toFixed(2)} ms`;

/** Runs `a` and `b` alternately so both see the same machine noise; returns their latencies. */
export const interleaved = async (
  iterations: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<{ a: number[]; b: number[] }> => {
  const result = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < iterations; i++) {
    for (const [name, fn] of i % 2 === 0
      ? ([
          ['a', a],
          ['b', b],
        ] as const)
      : ([
          ['b', b],
          ['a', a],
        ] as const)) {
      const started = performance.now();
      await fn();
      result[name].push(performance.now() - started);
    }
  }
  return result;
};
