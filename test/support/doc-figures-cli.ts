// Prints the figures without a command and the unresolved commands of docs/PERFORMANCE.md and docs/RELIABILITY.md.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRepoDocProblems, formatProblem } from './doc-figures.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const problems = findRepoDocProblems(root);
// Sections first (one Command: line fixes every line of a section), then each line.
const sections = new Map<string, number>();
for (const { doc, section, problem } of problems) {
  const key = `${doc} [${section}] ${problem}`;
  sections.set(key, (sections.get(key) ?? 0) + 1);
}
if (problems.length > 0) {
  console.log(`# ${sections.size} sections, ${problems.length} lines`);
  for (const [key, lines] of sections) console.log(`${key} (${lines} ${lines === 1 ? 'line' : 'lines'})`);
  console.log('');
}
for (const problem of problems) console.log(formatProblem(problem));
console.error(problems.length === 0 ? 'every figure has a resolving command' : `${problems.length} problems`);
process.exitCode = problems.length === 0 ? 0 : 1;
