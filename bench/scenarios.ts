// The bench's scenario ids: `npm run bench -- --only <id>[,<id>]` runs those alone, and docs/PERFORMANCE.md names them.

export const benchScenarioIds = [
  'list',
  'scale',
  'wcu',
  'throughput',
  'jobs',
  'org-settings',
  'bundle-sizes',
  'bundle-init',
  'webhooks',
  'case-details',
] as const;

export type BenchScenarioId = (typeof benchScenarioIds)[number];

export class UnknownScenarioError extends Error {
  constructor(unknown: readonly string[]) {
    super(`unknown bench scenario ${unknown.join(', ')}; the scenarios are ${benchScenarioIds.join(', ')}`);
  }
}

const isScenarioId = (id: string): id is BenchScenarioId => (benchScenarioIds as readonly string[]).includes(id);

/** The scenarios `--only` names (comma-separated, repeatable), or every scenario without it. */
export const selectScenarios = (only: readonly string[] | undefined): ReadonlySet<BenchScenarioId> => {
  if (!only || only.length === 0) return new Set(benchScenarioIds);
  const ids = only
    .flatMap((value) => value.split(','))
    .map((id) => id.trim())
    .filter(Boolean);
  const unknown = ids.filter((id) => !isScenarioId(id));
  if (unknown.length > 0 || ids.length === 0) throw new UnknownScenarioError(unknown.length > 0 ? unknown : ['(none)']);
  return new Set(ids.filter(isScenarioId));
};
