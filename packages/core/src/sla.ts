// SLA arithmetic of SPEC §3: points per task and the weighted Partner Score component.
const DAY_MS = 86_400_000;
/** Points reach zero at this many calendar days late. */
export const SLA_ZERO_AFTER_DAYS = 7;

/**
 * 1 when completed (or, for an open task, still) by the original deadline; then linear to 0 at
 * 7 calendar days late. `endedAt` is completedAt, or "now" for an open task.
 */
export const slaPoints = (originalDeadline: string, endedAt: string): number => {
  const lateDays = (Date.parse(endedAt) - Date.parse(originalDeadline)) / DAY_MS;
  if (lateDays <= 0) return 1;
  return Math.max(0, 1 - lateDays / SLA_ZERO_AFTER_DAYS);
};

/** Calendar days late (0 when on time), for explaining a score. */
export const lateness = (originalDeadline: string, endedAt: string): number =>
  Math.max(0, (Date.parse(endedAt) - Date.parse(originalDeadline)) / DAY_MS);

export interface WeightedPoints {
  weight: number;
  points: number;
}

/** 100 × Σ(weight × points) / Σ(weight); null when nothing counts (no division by zero). */
export const weightedScore = (lines: readonly WeightedPoints[]): number | null => {
  const totalWeight = lines.reduce((sum, line) => sum + line.weight, 0);
  if (totalWeight === 0) return null;
  return (100 * lines.reduce((sum, line) => sum + line.weight * line.points, 0)) / totalWeight;
};
