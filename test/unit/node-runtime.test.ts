// Tests, local mode and the bench run on the Node the lockfile installs (npm `node`), the major Lambda runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/constructs/service-function.js';

const lockedNode = (): string => {
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string }>;
  };
  return lock.packages['node_modules/node']?.version ?? 'none';
};

describe('the Node runtime', () => {
  it('is the one the lockfile pins, from node_modules, not the machine', () => {
    expect(process.version).toBe(`v${lockedNode()}`);
    expect(process.execPath).toContain(join('node_modules', 'node'));
  });

  it('is the major the functions are deployed on (nodejs24.x)', () => {
    const source = readFileSync(join(repoRoot, 'infra/constructs/service-function.ts'), 'utf8');
    const major = process.versions.node.split('.')[0];
    expect(source).toContain(`Runtime.NODEJS_${major}_X`);
    expect(source).toContain(`target: 'node${major}'`);
  });
});
