// `npm run test:alone [-- --jobs 2] [--project integration] [path-filter…]`: every test file in its own vitest run,
// so a file that leans on another file's state (or on running in a shared worker) fails here.
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import pMap from 'p-map';
import { parseAloneArgs, parseListedFiles, progressLine, selectFiles, type TestFile } from './test-files.js';

const root = join(import.meta.dirname, '..', '..');
const vitest = join(root, 'node_modules', '.bin', 'vitest');
/** Lines of a failing file's output to show; the whole output would bury the progress lines. */
const FAILURE_TAIL_LINES = 60;

const runAlone = ({ project, file }: TestFile): Promise<{ passed: boolean; ms: number; output: string }> =>
  new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(vitest, ['run', '--project', project, file], { cwd: root });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('close', (code) => resolve({ passed: code === 0, ms: performance.now() - started, output }));
  });

const options = parseAloneArgs(process.argv.slice(2));
const listed = execFileSync(vitest, ['list', '--filesOnly', '--json'], { cwd: root, encoding: 'utf8' });
const files = selectFiles(parseListedFiles(listed, root), options);
console.log(`${files.length} test files, ${options.jobs} at a time`);

const started = performance.now();
let done = 0;
const failed: string[] = [];
await pMap(
  files,
  async (testFile) => {
    const { passed, ms, output } = await runAlone(testFile);
    done += 1;
    console.log(progressLine(done, files.length, passed, testFile.file, ms));
    if (!passed) {
      failed.push(testFile.file);
      console.log(output.trimEnd().split('\n').slice(-FAILURE_TAIL_LINES).join('\n'));
    }
  },
  { concurrency: options.jobs },
);

const seconds = (performance.now() - started) / 1000;
console.log(
  `\n${files.length - failed.length} passed, ${failed.length} failed, ${seconds.toFixed(1)} s (${(seconds / 60).toFixed(1)} min)`,
);
for (const file of failed) console.log(`  failed: ${file}`);
process.exitCode = failed.length > 0 ? 1 : 0;
