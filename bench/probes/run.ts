// `npm run probe -- <name>`: runs bench/probes/<name>.ts, a one-off measurement behind a figure in docs/PERFORMANCE.md.
import '../support/quiet.js';
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Probe } from '../support/probe.js';

const probeNames = readdirSync(import.meta.dirname)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
  .map((file) => basename(file, '.ts'))
  .sort();

const [name] = process.argv.slice(2).filter((arg) => arg !== '--');
if (!name || !probeNames.includes(name)) {
  process.stderr.write(`unknown probe ${name ?? '(none)'}; the probes are ${probeNames.join(', ')}\n`);
  process.exit(2);
}
const module = (await import(pathToFileURL(`${import.meta.dirname}/${name}.ts`).href)) as { probe: Probe };
const failed = await module.probe();
process.exit(failed > 0 ? 1 : 0);
